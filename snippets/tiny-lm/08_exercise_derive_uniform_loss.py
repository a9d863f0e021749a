import math

import torch
from torch import nn

torch.set_default_dtype(torch.float64)

# A model that knows nothing gives every one of the V characters the same score.
V = 66
logits = torch.zeros(V, requires_grad=True)
target = torch.tensor(7)  # the character that really came next

loss = nn.functional.cross_entropy(logits, target)
loss.backward()
# Derive these by hand before you run it: the loss, the perplexity and the gradient.
print(f"loss {loss.item():.4f}, perplexity {math.exp(loss.item()):.2f}")
print("gradient at the target:", round(logits.grad[7].item(), 4),
      " elsewhere:", round(logits.grad[0].item(), 4))
