import torch

# L = (a - y)^2 with a = sigmoid(w x). Derive dL/dw by hand, then fill in by_hand.
x = torch.tensor(2.0, dtype=torch.float64)
y = torch.tensor(1.0, dtype=torch.float64)
w = torch.tensor(0.5, dtype=torch.float64, requires_grad=True)


def loss_at(w):
    return (torch.sigmoid(w * x) - y) ** 2


loss_at(w).backward()
h = 1e-6
with torch.no_grad():
    numeric = (loss_at(w + h) - loss_at(w - h)) / (2 * h)
    a = torch.sigmoid(w * x)
    by_hand = torch.tensor(0.0, dtype=torch.float64)  # replace with your formula in a, x and y

print(f"a = {a.item():.6f}")
print(f"autograd          dL/dw = {w.grad.item():.8f}")
print(f"finite difference dL/dw = {numeric.item():.8f}")
print(f"by hand           dL/dw = {by_hand.item():.8f}")
print("all three agree:", torch.allclose(by_hand, w.grad) and torch.allclose(by_hand, numeric))
