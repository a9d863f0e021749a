import torch

t = torch.tensor([[1, 2, 3], [4, 5, 6]])
columns_first = t.T  # [[1, 4], [2, 5], [3, 6]]
print("t.T:", columns_first.tolist())
flat = columns_first.reshape(6)  # copies, because t.T is not contiguous
print("flat:", flat.tolist())
print("same as contiguous().view(6):", flat.tolist() == columns_first.contiguous().view(6).tolist())
