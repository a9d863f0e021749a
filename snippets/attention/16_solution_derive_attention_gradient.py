import torch

torch.set_default_dtype(torch.float64)
torch.set_printoptions(precision=4)

a = torch.tensor([1.0, 2.0, 0.5], requires_grad=True)
v = torch.tensor([3.0, -1.0, 2.0])
w = torch.softmax(a, dim=0)
o = (w * v).sum()
o.backward()

# By hand: dw_s/da_j = w_s (1[s = j] - w_j), so do/da_j = sum_s v_s w_s (1[s = j] - w_j)
# = w_j v_j - w_j sum_s w_s v_s = w_j (v_j - o).
by_hand = w.detach() * (v - o.detach())
print("w (v - o)  =", by_hand)
print("autograd   =", a.grad)


# A central difference for each score, as in the autograd chapter.
def output(scores):
    return (torch.softmax(scores, dim=0) * v).sum().item()


h = 1e-6
numeric = [(output(a.detach() + h * e) - output(a.detach() - h * e)) / (2 * h) for e in torch.eye(3)]
print("difference =", torch.tensor(numeric))
print("all agree:", torch.allclose(by_hand, a.grad) and torch.allclose(by_hand, torch.tensor(numeric)))
