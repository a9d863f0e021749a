import math

import torch

torch.set_default_dtype(torch.float64)
torch.set_printoptions(precision=2)
torch.manual_seed(0)

T, d = 5, 8  # 5 positions, vectors of length 8
q, k = torch.randn(T, d), torch.randn(T, d)  # one query and one key per position

# True above the diagonal: row t (a query) must not see the columns (keys) after t.
mask = torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1)
print("causal mask (1 = hidden):")
print(mask.int())

scores = q @ k.T / math.sqrt(d)  # scores[t, s]: how well query t matches key s
scores = scores.masked_fill(mask, float("-inf"))
print("scores after masking:")
print(scores)

weights = torch.softmax(scores, dim=-1)  # exp(-inf) = 0: hidden positions get weight 0
print("attention weights:")
print(weights)
print("every row sums to 1:", torch.allclose(weights.sum(dim=-1), torch.ones(T)))
