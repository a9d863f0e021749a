import torch
import torch.nn.functional as F

x = torch.tensor([1.1])  # input feature
y = torch.tensor([1.0])  # true label
w = torch.tensor([2.2], requires_grad=True)  # weight
b = torch.tensor([0.0], requires_grad=True)  # bias

z = w * x + b
a = torch.sigmoid(z)
loss = F.binary_cross_entropy(a, y)
loss.backward()

print("autograd dL/dw:", w.grad)
print("autograd dL/db:", b.grad)

# By hand: dL/dz = a - y, so dL/dw = (a - y) * x and dL/db = a - y.
with torch.no_grad():
    print("by hand  dL/dw:", (a - y) * x)
    print("by hand  dL/db:", a - y)
