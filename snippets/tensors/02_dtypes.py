import torch

ints = torch.tensor([1, 2, 3])
floats = torch.tensor([1.0, 2.0, 3.0])
print("from Python ints:  ", ints.dtype)
print("from Python floats:", floats.dtype)

# Model weights are floats, so integer data is usually converted before it meets them.
converted = ints.to(torch.float32)
print("after .to(torch.float32):", converted.dtype, converted)
