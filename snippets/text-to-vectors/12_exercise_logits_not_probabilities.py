import torch
import torch.nn.functional as F

logits = torch.tensor([[2.0, 1.0, 0.1], [0.5, 2.5, -1.0]])
targets = torch.tensor([0, 2])
probs = torch.softmax(logits, dim=-1)

by_hand = -torch.log(probs[torch.arange(2), targets]).mean()
loss = F.cross_entropy(probs, targets)
print(f"by hand {by_hand.item():.4f}, F.cross_entropy {loss.item():.4f}")
print("agree:", torch.allclose(by_hand, loss))
