import torch

# f(x) = sum_i sum_k A_ik x_k, so df/dx_k = sum_i A_ik: the column sums of A.
A = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], dtype=torch.float64)
x = torch.tensor([0.5, -1.0], dtype=torch.float64, requires_grad=True)


def f(x):
    return (A @ x).sum()


f(x).backward()
print("autograd:         ", x.grad.tolist())

h = 1e-6  # central difference, one entry of x at a time
step = torch.eye(2, dtype=torch.float64) * h
with torch.no_grad():
    numeric = [((f(x + e) - f(x - e)) / (2 * h)).item() for e in step]
print("finite difference:", [round(v, 6) for v in numeric])

by_hand = A.T @ torch.ones(3, dtype=torch.float64)  # the column sums, A.sum(dim=0)
print("by hand:          ", by_hand.tolist())
numeric = torch.tensor(numeric, dtype=torch.float64)
print("agree:", torch.allclose(by_hand, x.grad) and torch.allclose(by_hand, numeric))
