import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
V, d = 5, 3  # a vocabulary of 5 tokens, a vector of length 3 for each
embedding = nn.Embedding(V, d)
W = embedding.weight  # the table: row i is the vector of token i, shape (V, d)
print("W =", [[round(v, 4) for v in row] for row in W.tolist()])

ids = torch.tensor([3, 1, 3])  # three tokens; token 3 comes twice
vectors = embedding(ids)
print("embedding(ids) has shape", tuple(vectors.shape))
print("it is rows 3, 1, 3 of W:", torch.equal(vectors, W[ids]))

one_hot = F.one_hot(ids, V).float()  # each id as a row of V numbers: a 1 at its place, 0 elsewhere
print("one_hot(ids) =", one_hot.tolist())
print("one_hot @ W equals the lookup:", torch.equal(one_hot @ W, vectors))

# Any loss made from the vectors; here simply their sum.
vectors.sum().backward()
print("W.grad =", W.grad.tolist())
print("rows with a gradient:", W.grad.abs().sum(dim=1).nonzero().flatten().tolist())
