import torch
import torch.nn.functional as F

x = torch.tensor([1.1])
y = torch.tensor([1.0])
w = torch.tensor([2.2], requires_grad=True)
b = torch.tensor([0.0], requires_grad=True)
optimizer = torch.optim.SGD([w, b], lr=0.1)


def loss_fn():
    return F.binary_cross_entropy(torch.sigmoid(w * x + b), y)


# backward() ADDS to .grad; it does not overwrite it.
loss_fn().backward()
print("after 1st backward, w.grad:", w.grad)
loss_fn().backward()  # same w and b, so the same gradient is added again
print("after 2nd backward, w.grad:", w.grad, "(twice the true gradient)")

# So a training step clears the old gradients before computing new ones.
optimizer.zero_grad()  # sets every .grad to None
print("after zero_grad,    w.grad:", w.grad)
loss_fn().backward()
print("after 3rd backward, w.grad:", w.grad)

# torch.autograd.grad returns the gradients instead of adding them to .grad.
dw, db = torch.autograd.grad(loss_fn(), [w, b])
print("autograd.grad:", dw, db, "| w.grad unchanged:", w.grad)
