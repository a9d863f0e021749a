import math

import torch
from torch import nn

torch.set_printoptions(precision=2)
torch.manual_seed(0)

T, d, d_h = 5, 8, 4  # 5 positions, embeddings of 8, queries and keys of 4
x = torch.randn(T, d)  # one vector per position (in a model: token + position embedding)

W_query = nn.Linear(d, d_h, bias=False)  # what each position looks for
W_key = nn.Linear(d, d_h, bias=False)  # what each position offers
q, k = W_query(x), W_key(x)
print("q", tuple(q.shape), " k", tuple(k.shape))

# scores[t, s] = q_t . k_s / sqrt(d_h): every query against every key in one product
scores = q @ k.T / math.sqrt(d_h)
print("scores", tuple(scores.shape))
print(scores.detach())
print(f"scores[4, 0] = q_4 . k_0 / sqrt(d_h) = {(q[4] @ k[0]).item() / math.sqrt(d_h):.2f}")
