import math

import torch
from torch import nn

torch.set_default_dtype(torch.float64)

V, y = 66, 7
logits = torch.zeros(V, requires_grad=True)
loss = nn.functional.cross_entropy(logits, torch.tensor(y))
loss.backward()

# By hand: every probability is e^0 / (V e^0) = 1/V, so the loss is -ln(1/V) = ln V
# and the perplexity e^(ln V) = V. The gradient of cross-entropy with respect to the
# logits is p - onehot(y): 1/V - 1 at the target, 1/V everywhere else.
by_hand = torch.full((V,), 1 / V)
by_hand[y] -= 1
print(f"loss {loss.item():.4f} = ln(V) {math.log(V):.4f}; perplexity {math.exp(loss.item()):.2f} = V")
print("autograd agrees with p - onehot(y):", torch.allclose(logits.grad, by_hand))


# A central difference for the target's logit, as in the autograd chapter.
def loss_at(z_y):
    z = torch.zeros(V)
    z[y] = z_y
    return nn.functional.cross_entropy(z, torch.tensor(y)).item()


h = 1e-6
print(f"finite difference {(loss_at(h) - loss_at(-h)) / (2 * h):.6f}, by hand {1 / V - 1:.6f}")
