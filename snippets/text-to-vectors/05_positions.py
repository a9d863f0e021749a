import torch
from torch import nn

torch.manual_seed(0)
V, T, d = 5, 4, 3  # vocabulary, context length (positions 0 to T-1), vector length
token_embedding = nn.Embedding(V, d)
position_embedding = nn.Embedding(T, d)  # a second table, indexed by position

ids = torch.tensor([[3, 1, 3, 0], [2, 2, 4, 1]])  # a batch of B = 2 sequences of T = 4 ids
tok = token_embedding(ids)  # (B, T, d)
pos = position_embedding(torch.arange(T))  # (T, d): one vector per position
x = tok + pos  # broadcasting: (B, T, d) + (T, d)
print("tokens", tuple(tok.shape), "+ positions", tuple(pos.shape), "->", tuple(x.shape))

# Token 3 stands at positions 0 and 2 of the first sequence.
print("token vectors equal:   ", torch.equal(tok[0, 0], tok[0, 2]))
print("with positions, equal: ", torch.equal(x[0, 0], x[0, 2]))
print("parameters:", V * d, "+", T * d, "=",
      sum(p.numel() for p in [*token_embedding.parameters(), *position_embedding.parameters()]))
