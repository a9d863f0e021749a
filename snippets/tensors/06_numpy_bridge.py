import numpy as np
import torch

array = np.array([1.0, 2.0, 3.0])
t = torch.from_numpy(array)  # no copy: the tensor uses the array's memory
print("tensor:", t)

array[0] = 10.0  # change the array ...
print("tensor after changing the array:", t)  # ... and the tensor sees it
t[1] = 20.0  # change the tensor ...
print("array after changing the tensor:", array)  # ... and the array sees it

# What NumPy lacks: a tensor can record operations for autograd (and run on a GPU).
w = torch.tensor([2.0, 3.0], requires_grad=True)
(w * w).sum().backward()
print("gradient of sum(w*w):", w.grad)
