import torch
from torch import nn

torch.manual_seed(0)
embedding = nn.Embedding(4, 2)  # 4 tokens, vectors of length 2
ids = torch.tensor([[0, 2], [2, 2]])  # a batch of 2 sequences of 2 ids
embedding(ids).sum().backward()
print("grad:", embedding.weight.grad.tolist())

before = embedding.weight.detach().clone()
torch.optim.SGD(embedding.parameters(), lr=0.1).step()
changed = (embedding.weight != before).any(dim=1)  # True for every row the step changed
print("rows changed by the step:", changed.nonzero().flatten().tolist())
