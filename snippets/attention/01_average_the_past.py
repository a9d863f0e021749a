import torch

torch.set_printoptions(precision=4)
torch.manual_seed(0)

T, d = 4, 2  # 4 positions, a vector of 2 numbers at each
x = torch.randn(T, d)
print("x =")
print(x)

# With a loop: position t takes the mean of x[0], ..., x[t] (itself and the past, never the future).
by_loop = torch.stack([x[: t + 1].mean(dim=0) for t in range(T)])

# With one matrix product: row t of W holds 1/(t+1) in columns 0..t and 0 after them.
W = torch.tril(torch.ones(T, T))  # lower-triangular: 1 on and below the diagonal
W = W / W.sum(dim=1, keepdim=True)  # each row divided by its sum, so each row sums to 1
print("W =")
print(W)
print("W @ x =")
print(W @ x)
print("equal to the loop:", torch.allclose(W @ x, by_loop))
