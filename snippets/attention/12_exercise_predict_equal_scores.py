import torch

torch.set_default_dtype(torch.float64)
torch.set_printoptions(precision=4)

# Every query matches every key equally well: all scores are 0.
T = 4
scores = torch.zeros(T, T)
mask = torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1)
weights = torch.softmax(scores.masked_fill(mask, float("-inf")), dim=-1)
print(weights)  # what does this print?
