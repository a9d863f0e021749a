import torch

# Shapes are lined up from the right. Two sizes fit when they are equal or one of them is 1;
# a missing dimension counts as 1. A size of 1 is stretched to the other size (nothing is copied).
column = torch.tensor([[0], [10], [20]])  # shape (3, 1)
row = torch.tensor([1, 2, 3, 4])  # shape (4,), lined up as (1, 4)
table = column + row
print("(3, 1) + (4,) ->", tuple(table.shape))
print(table.tolist())

# Position vectors: one row per position, added to every sequence of a batch.
B, T, d = 2, 3, 4
tokens = torch.zeros(B, T, d)  # a batch of 2 sequences of 3 vectors of length 4
positions = torch.arange(T * d).reshape(T, d).to(torch.float32)  # shape (T, d)
together = tokens + positions  # (T, d) is lined up as (1, T, d)
print("(B, T, d) + (T, d) ->", tuple(together.shape))
print("every sequence got the same rows:", torch.equal(together[0], together[1]))

# keepdim=True keeps the summed dimension as a 1, so the sums line up with the rows.
x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])  # shape (2, 3)
sums = x.sum(dim=1, keepdim=True)  # shape (2, 1)
print("x / sums, row sums:", (x / sums).sum(dim=1).tolist())
try:
    x / x.sum(dim=1)  # shape (2,) lines up with the 3 columns, not the 2 rows
except RuntimeError as err:
    print("x / x.sum(dim=1) failed:", err)
