import torch

x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])  # shape (2, 3)
print("x.sum():", x.sum())  # every entry: a scalar
print("x.sum(dim=0):", x.sum(dim=0), "shape", tuple(x.sum(dim=0).shape))  # down each column
print("x.sum(dim=1):", x.sum(dim=1), "shape", tuple(x.sum(dim=1).shape))  # along each row
kept = x.sum(dim=1, keepdim=True)
print("x.sum(dim=1, keepdim=True):", kept.tolist(), "shape", tuple(kept.shape))
print("x.mean(dim=-1):", x.mean(dim=-1))  # -1: the last dimension, here the same as dim=1

largest = x.max(dim=1)  # along a dimension, max also says where it found each maximum
print("x.max(dim=1).values: ", largest.values)
print("x.max(dim=1).indices:", largest.indices)
