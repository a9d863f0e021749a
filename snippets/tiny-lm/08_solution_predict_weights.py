import torch

torch.set_default_dtype(torch.float64)
torch.set_printoptions(precision=4)

T = 4
scores = torch.zeros(T, T)
mask = torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1)
weights = torch.softmax(scores.masked_fill(mask, float("-inf")), dim=-1)

# Row t has t + 1 visible positions with equal scores, so each gets 1 / (t + 1).
by_hand = torch.tensor([[1 / (t + 1) if s <= t else 0.0 for s in range(T)] for t in range(T)])
print(by_hand)
print("softmax agrees with 1/(t+1):", torch.allclose(weights, by_hand))
