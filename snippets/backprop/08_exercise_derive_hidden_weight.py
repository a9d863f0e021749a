import torch

# A network of one hidden unit: h = ReLU(w1 x), y_hat = w2 h, L = (y_hat - y)^2.
# Derive dL/dw1 and dL/dw2 by hand, then fill in the two by_hand values.
x = torch.tensor(2.0, dtype=torch.float64)
y = torch.tensor(1.0, dtype=torch.float64)
w1 = torch.tensor(0.5, dtype=torch.float64, requires_grad=True)
w2 = torch.tensor(-1.5, dtype=torch.float64, requires_grad=True)


def loss_at(w1, w2):
    return (w2 * torch.relu(w1 * x) - y) ** 2


loss_at(w1, w2).backward()
h = 1e-6
with torch.no_grad():
    numeric_w1 = (loss_at(w1 + h, w2) - loss_at(w1 - h, w2)) / (2 * h)
    numeric_w2 = (loss_at(w1, w2 + h) - loss_at(w1, w2 - h)) / (2 * h)
    by_hand_w1 = 0.0  # replace with your formula
    by_hand_w2 = 0.0  # replace with your formula

print(f"dL/dw1  autograd {w1.grad.item():.6f}  finite difference {numeric_w1.item():.6f}"
      f"  by hand {by_hand_w1:.6f}")
print(f"dL/dw2  autograd {w2.grad.item():.6f}  finite difference {numeric_w2.item():.6f}"
      f"  by hand {by_hand_w2:.6f}")
