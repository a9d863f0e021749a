import torch

# L(w) = mean over the batch of (w x_i - y_i)^2. Derive dL/dw by hand, then fill in by_hand.
x = torch.tensor([1.0, 2.0, 3.0, 4.0], dtype=torch.float64)  # a batch of B = 4 examples
y = torch.tensor([2.0, 3.0, 7.0, 8.0], dtype=torch.float64)
w = torch.tensor(1.5, dtype=torch.float64, requires_grad=True)


def loss_at(w, x, y):
    return ((w * x - y) ** 2).mean()


# One process, the whole batch:
(whole,) = torch.autograd.grad(loss_at(w, x, y), w)
# Two processes, half the batch each, then the average that DDP's all-reduce computes:
(first,) = torch.autograd.grad(loss_at(w, x[:2], y[:2]), w)
(second,) = torch.autograd.grad(loss_at(w, x[2:], y[2:]), w)
h = 1e-6
with torch.no_grad():
    numeric = (loss_at(w + h, x, y) - loss_at(w - h, x, y)) / (2 * h)
    by_hand = 0.0  # replace with your formula, written with w, x and y

print(f"whole batch, autograd:      {whole.item():.6f}")
print(f"halves {first.item():.6f} and {second.item():.6f}, averaged: {((first + second) / 2).item():.6f}")
print(f"finite difference:          {numeric.item():.6f}")
print(f"by hand:                    {by_hand:.6f}")
