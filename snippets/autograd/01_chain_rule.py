import math

import torch

# y = f(u) = sin(u) with u = g(x) = x**2, so y = sin(x**2).
x = torch.tensor(1.5, requires_grad=True)
u = x**2
y = torch.sin(u)
y.backward()  # autograd applies the chain rule for us

# The chain rule by hand: dy/dx = dy/du * du/dx = cos(u) * 2x
dy_du = math.cos(1.5**2)
du_dx = 2 * 1.5
print(f"dy/du = cos(u)   = {dy_du:.4f}")
print(f"du/dx = 2x       = {du_dx:.4f}")
print(f"dy/du * du/dx    = {dy_du * du_dx:.4f}")
print(f"autograd x.grad  = {x.grad.item():.4f}")
