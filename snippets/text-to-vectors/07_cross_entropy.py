import math

import torch
import torch.nn.functional as F

logits = torch.tensor([[2.0, 1.0, 0.1], [0.5, 2.5, -1.0]])  # 2 examples, 3 classes
targets = torch.tensor([0, 2])  # the correct class of each example

probs = torch.softmax(logits, dim=-1)
picked = probs[torch.arange(2), targets]  # row i, column targets[i]
print("probability of the correct class:", picked)
print("-log of it, per example:", -torch.log(picked))
by_hand = -torch.log(picked).mean()
loss = F.cross_entropy(logits, targets)  # takes logits: it applies log_softmax itself
print(f"by hand {by_hand.item():.4f}, F.cross_entropy {loss.item():.4f}, "
      f"equal: {torch.allclose(by_hand, loss)}")

# A model that knows nothing gives every class the same logit: the loss is ln(3).
uniform = F.cross_entropy(torch.zeros(1, 3), torch.tensor([1]))
print(f"equal logits: loss {uniform.item():.4f}, ln(3) = {math.log(3):.4f}")
