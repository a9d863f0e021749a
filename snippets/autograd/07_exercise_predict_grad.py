import torch

x = torch.tensor(3.0, requires_grad=True)
y = x * x
z = y + x
z.backward()

print("x.is_leaf:", x.is_leaf, "| y.is_leaf:", y.is_leaf)
print("z.grad_fn:", type(z.grad_fn).__name__)
print("x.grad:", x.grad)
