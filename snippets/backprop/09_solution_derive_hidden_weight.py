import torch

# A network of one hidden unit: h = ReLU(w1 x), y_hat = w2 h, L = (y_hat - y)^2.
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
    z1 = w1 * x
    hidden = torch.relu(z1)
    d_yhat = 2 * (w2 * hidden - y)  # dL/dy_hat
    by_hand_w2 = (d_yhat * hidden).item()  # dy_hat/dw2 = h
    by_hand_w1 = (d_yhat * w2 * (z1 > 0) * x).item()  # back through w2, the ReLU, then w1 x

print(f"dL/dw1  autograd {w1.grad.item():.6f}  finite difference {numeric_w1.item():.6f}"
      f"  by hand {by_hand_w1:.6f}")
print(f"dL/dw2  autograd {w2.grad.item():.6f}  finite difference {numeric_w2.item():.6f}"
      f"  by hand {by_hand_w2:.6f}")
