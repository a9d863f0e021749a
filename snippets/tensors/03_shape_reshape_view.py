import torch

t = torch.tensor([[1, 2], [3, 4]])
print("shape:", t.shape)

flat = t.reshape(4)  # same four numbers, one row
print("reshape(4):", flat)

# .view gives a new shape over the same memory: no copy is made.
as_column = t.view(4, 1)
print("view(4, 1):", as_column.tolist())
as_column[0, 0] = 100  # so a change through the view shows up in t
print("t after changing the view:", t.tolist())
