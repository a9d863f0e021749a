import torch

ints = torch.tensor([1, 2, 3])
print("ints + 1:  ", (ints + 1).dtype)
print("ints + 0.5:", (ints + 0.5).dtype)
print("ints / 2:  ", ints / 2)
print("ints // 2: ", ints // 2)
print("mean of ints as float32:", ints.to(torch.float32).mean())
