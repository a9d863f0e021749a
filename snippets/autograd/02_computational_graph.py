import torch
import torch.nn.functional as F

x = torch.tensor([1.1])  # input feature (data: no gradient needed)
y = torch.tensor([1.0])  # true label
w = torch.tensor([2.2], requires_grad=True)  # weight: we want dL/dw
b = torch.tensor([0.0], requires_grad=True)  # bias: we want dL/db

# Forward pass: each operation on a tensor that needs a gradient adds a
# node to the graph; the result's grad_fn points at that node.
z = w * x + b
a = torch.sigmoid(z)
loss = F.binary_cross_entropy(a, y)

print("z.grad_fn:   ", type(z.grad_fn).__name__)
print("a.grad_fn:   ", type(a.grad_fn).__name__)
print("loss.grad_fn:", type(loss.grad_fn).__name__)
print("x.grad_fn:   ", x.grad_fn, "(x is data, not the result of an operation)")

# next_functions links a node to the nodes of its inputs (None: needs no gradient).
parents = [type(f).__name__ if f else None for f, _ in loss.grad_fn.next_functions]
print("loss.grad_fn.next_functions:", parents)
print()

leaf_names = {id(w): "w", id(b): "b"}


def show(node, depth=0):
    """Walk the recorded graph from the loss back to the leaves."""
    label = type(node).__name__
    if hasattr(node, "variable"):  # AccumulateGrad: writes a leaf's .grad
        label += f" (stores dL/d{leaf_names[id(node.variable)]})"
    print("    " * depth + label)
    for parent, _ in node.next_functions:
        if parent is not None:
            show(parent, depth + 1)


show(loss.grad_fn)
