import torch
from torch import nn

# y = dropout(x) in training mode, L = sum(y). Derive dL/dx by hand, then fill in by_hand.
p = 0.5
dropout = nn.Dropout(p)
x = torch.tensor([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], dtype=torch.float64, requires_grad=True)


def loss_at(x):
    torch.manual_seed(3)  # the same mask on every call
    return dropout(x).sum()


loss_at(x).backward()
h = 1e-6
step = torch.eye(6, dtype=torch.float64) * h
with torch.no_grad():
    numeric = torch.stack([(loss_at(x + e) - loss_at(x - e)) / (2 * h) for e in step])
    torch.manual_seed(3)
    kept = dropout(torch.ones(6, dtype=torch.float64)) != 0  # which entries survive
    by_hand = torch.zeros(6, dtype=torch.float64)  # replace with your formula, using kept and p

print("kept:             ", kept.tolist())
print("autograd:         ", x.grad.tolist())
print("finite difference:", [round(v, 6) for v in numeric.tolist()])
print("by hand:          ", by_hand.tolist())
