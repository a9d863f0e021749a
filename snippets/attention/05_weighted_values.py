import math

import torch
from torch import nn

torch.set_printoptions(precision=4)
torch.manual_seed(0)

T, d, d_h = 5, 8, 4  # the example of the scores above
x = torch.randn(T, d)
W_query, W_key = nn.Linear(d, d_h, bias=False), nn.Linear(d, d_h, bias=False)
W_value = nn.Linear(d, d_h, bias=False)  # what each position passes on when it is attended to
mask = torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1)
with torch.no_grad():
    q, k, v = W_query(x), W_key(x), W_value(x)
    weights = torch.softmax((q @ k.T / math.sqrt(d_h)).masked_fill(mask, float("-inf")), dim=-1)

out = weights @ v  # [T, T] @ [T, d_h] -> [T, d_h]: row t is sum_s w[t, s] v[s]
print("out", tuple(out.shape))
print(out)

t = 2  # the same row as a sum, written out
by_sum = weights[t, 0] * v[0] + weights[t, 1] * v[1] + weights[t, 2] * v[2]
print("w[2] =", [round(w, 4) for w in weights[t, :3].tolist()])
print("w[2,0] v[0] + w[2,1] v[1] + w[2,2] v[2] =", by_sum)
print("equal to out[2]:", torch.allclose(by_sum, out[t]))
