# raises: RuntimeError
import torch

t = torch.tensor([[1, 2, 3], [4, 5, 6]])
columns_first = t.T  # [[1, 4], [2, 5], [3, 6]]
print("t.T:", columns_first.tolist())
flat = columns_first.view(6)  # meant: the numbers column by column, in one row
print("flat:", flat.tolist())
