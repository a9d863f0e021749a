import torch
import torch.nn.functional as F

# L(z) = cross-entropy of logits z for the target class y. Derive dL/dz by hand, then fill in by_hand.
z = torch.tensor([2.0, 1.0, 0.1], dtype=torch.float64, requires_grad=True)
y = 0


def L(z):
    return F.cross_entropy(z.unsqueeze(0), torch.tensor([y]))


L(z).backward()
print("autograd:         ", [round(v, 6) for v in z.grad.tolist()])

h = 1e-6  # central difference, one logit at a time
step = torch.eye(3, dtype=torch.float64) * h
with torch.no_grad():
    numeric = torch.tensor([(L(z + e) - L(z - e)).item() / (2 * h) for e in step], dtype=torch.float64)
print("finite difference:", [round(v, 6) for v in numeric.tolist()])

p = torch.softmax(z.detach(), dim=-1)
by_hand = torch.zeros(3, dtype=torch.float64)  # replace with your formula, written with p and y
print("by hand:          ", [round(v, 6) for v in by_hand.tolist()])
print("agree:", torch.allclose(by_hand, z.grad) and torch.allclose(by_hand, numeric))
