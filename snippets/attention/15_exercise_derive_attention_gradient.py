import torch

torch.set_default_dtype(torch.float64)
torch.set_printoptions(precision=4)

# One query, three positions: scores a_s, and a value v_s of one number at each position.
a = torch.tensor([1.0, 2.0, 0.5], requires_grad=True)
v = torch.tensor([3.0, -1.0, 2.0])
w = torch.softmax(a, dim=0)
o = (w * v).sum()  # the output: sum_s w_s v_s
o.backward()
# Derive do/da_j by hand before you run it, then compare.
print("w =", w.detach(), " o =", round(o.item(), 4))
print("do/da =", a.grad)
