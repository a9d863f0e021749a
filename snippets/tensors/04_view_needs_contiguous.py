import torch

t = torch.tensor([[1, 2, 3], [4, 5, 6]])
tt = t.T  # the transpose reads the same memory in a different order
print("t.T:", tt.tolist())
# stride: how many stored elements to skip to move one step along each dimension
print("t   stride:", t.stride(), "contiguous:", t.is_contiguous())
print("t.T stride:", tt.stride(), "contiguous:", tt.is_contiguous())

try:
    tt.view(6)
except RuntimeError as err:
    print("view failed:", err)

print("reshape(6):", tt.reshape(6).tolist())  # copies when it has to
print("contiguous().view(6):", tt.contiguous().view(6).tolist())
