import torch

w = torch.tensor([2.0], requires_grad=True)
a = w * 3
with torch.no_grad():
    b = w * 3
c = (w * 3).detach()

print("a:", a.requires_grad, a.grad_fn is not None)
print("b:", b.requires_grad, b.grad_fn is not None)
print("c:", c.requires_grad, c.grad_fn is not None)
print("w is still a leaf that requires grad:", w.is_leaf and w.requires_grad)
