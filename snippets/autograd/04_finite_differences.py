import torch
import torch.nn.functional as F

# float64: a finite difference subtracts two nearly equal losses, and
# float32's 7 digits would leave too few correct digits in the quotient.
x = torch.tensor([1.1], dtype=torch.float64)
y = torch.tensor([1.0], dtype=torch.float64)


def loss_at(w, b):
    return F.binary_cross_entropy(torch.sigmoid(w * x + b), y)


w = torch.tensor([2.2], dtype=torch.float64, requires_grad=True)
b = torch.tensor([0.0], dtype=torch.float64, requires_grad=True)
loss_at(w, b).backward()

# Central difference: (L(p + h) - L(p - h)) / 2h approaches dL/dp as h -> 0.
h = 1e-6
with torch.no_grad():
    above, below = loss_at(w + h, b), loss_at(w - h, b)
    numeric_w = (above - below) / (2 * h)
    numeric_b = (loss_at(w, b + h) - loss_at(w, b - h)) / (2 * h)

# The two losses agree in their first digits; the difference keeps only the rest.
print(f"L(w + h) = {above.item():.10f}   L(w - h) = {below.item():.10f}")

print(f"dL/dw  autograd {w.grad.item():.8f}  finite difference {numeric_w.item():.8f}")
print(f"dL/db  autograd {b.grad.item():.8f}  finite difference {numeric_b.item():.8f}")
autograd = torch.cat([w.grad, b.grad])  # each .grad has the shape [1] of its leaf
numeric = torch.stack([numeric_w, numeric_b])  # each loss is a 0-d tensor
print("agree to 1e-8:", torch.allclose(autograd, numeric, rtol=0, atol=1e-8))
