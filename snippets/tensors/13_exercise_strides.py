import torch

t = torch.arange(6).reshape(2, 3)  # stored in memory as 0, 1, 2, 3, 4, 5
print("t:", t.tolist())
print("t.stride():", t.stride())
print("t.T.stride():", t.T.stride())
print("t.T.is_contiguous():", t.T.is_contiguous())
print("t[:, 1]:", t[:, 1].tolist(), "stride:", t[:, 1].stride())
print("t.reshape(3, 2).stride():", t.reshape(3, 2).stride())
