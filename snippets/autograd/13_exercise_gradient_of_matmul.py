import torch

# f(x) = sum of the entries of A @ x. Derive df/dx by hand, then fill in by_hand.
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

by_hand = torch.zeros(2, dtype=torch.float64)  # replace with your formula, written with A
print("by hand:          ", by_hand.tolist())
numeric = torch.tensor(numeric, dtype=torch.float64)
print("agree:", torch.allclose(by_hand, x.grad) and torch.allclose(by_hand, numeric))
