import math

import torch
from torch import nn

torch.set_printoptions(precision=2)
torch.manual_seed(0)

T, d, d_h = 5, 8, 4  # the example of the scores above
x = torch.randn(T, d)
W_query, W_key = nn.Linear(d, d_h, bias=False), nn.Linear(d, d_h, bias=False)
with torch.no_grad():
    scores = W_query(x) @ W_key(x).T / math.sqrt(d_h)

# True above the diagonal: row t (a query) must not see the columns (keys) after t.
mask = torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1)
print("causal mask (1 = hidden):")
print(mask.int())

scores = scores.masked_fill(mask, float("-inf"))
print("scores after masking:")
print(scores)

weights = torch.softmax(scores, dim=-1)  # along s, for each t; exp(-inf) = 0
print("attention weights:")
print(weights)
print("every row sums to 1:", torch.allclose(weights.sum(dim=-1), torch.ones(T)))
