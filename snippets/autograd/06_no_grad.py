import torch
import torch.nn.functional as F

x = torch.tensor([1.1])
y = torch.tensor([1.0])
w = torch.tensor([2.2], requires_grad=True)
b = torch.tensor([0.0], requires_grad=True)

# Training: the forward pass records a graph, so backward() can run.
a = torch.sigmoid(w * x + b)
print("recorded:  requires_grad =", a.requires_grad, " grad_fn =", type(a.grad_fn).__name__)
F.binary_cross_entropy(a, y).backward()

# An update of a parameter is not part of the model: it must not be recorded.
try:
    w -= 0.1 * w.grad
except RuntimeError as err:
    print("RuntimeError:", err)
with torch.no_grad():
    w -= 0.1 * w.grad  # one step of gradient descent
    b -= 0.1 * b.grad
print("updated w:", w)

# Inference: no backward() follows, so recording would only cost time and memory.
with torch.no_grad():
    a = torch.sigmoid(w * x + b)
print("no_grad:   requires_grad =", a.requires_grad, " grad_fn =", a.grad_fn)
print("prediction after one step:", a)
