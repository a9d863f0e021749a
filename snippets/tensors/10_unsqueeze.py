import torch

v = torch.tensor([1, 2, 3])  # shape (3,)
print("v.unsqueeze(0):", v.unsqueeze(0).tolist(), "shape", tuple(v.unsqueeze(0).shape))  # a row
print("v.unsqueeze(1):", v.unsqueeze(1).tolist(), "shape", tuple(v.unsqueeze(1).shape))  # a column
print("v[None, :] is v.unsqueeze(0):", torch.equal(v[None, :], v.unsqueeze(0)))

# A column times a row broadcasts to a table of every product.
print("v.unsqueeze(1) * v.unsqueeze(0):", (v.unsqueeze(1) * v.unsqueeze(0)).tolist())

# A model reads batches: one sequence of ids becomes a batch of one.
ids = torch.tensor([5, 2, 7, 1])  # shape (T,)
batch = ids.unsqueeze(0)
print("one sequence as a batch:", tuple(batch.shape), "and back:", tuple(batch.squeeze(0).shape))
