import torch
import torch.nn.functional as F

x = torch.tensor([1.1])  # input feature
y = torch.tensor([1.0])  # true label
w = torch.tensor([2.2], requires_grad=True)  # weight
b = torch.tensor([0.0], requires_grad=True)  # bias

# Forward pass
z = w * x + b
a = torch.sigmoid(z)
loss = F.binary_cross_entropy(a, y)  # -[y log a + (1 - y) log(1 - a)]
print(f"z = {z.item():.2f}")
print(f"a = {a.item():.4f}")
print(f"L = {loss.item():.4f}")

# Backward pass: autograd fills w.grad and b.grad
loss.backward()
print("autograd  dL/dw:", w.grad)
print("autograd  dL/db:", b.grad)

# The same gradients from the formulas derived by hand:
# dL/dz = a - y, so dL/dw = (a - y) * x and dL/db = a - y.
with torch.no_grad():  # plain arithmetic, nothing to record
    dL_dz = a - y
    print("by hand   dL/dw:", dL_dz * x)
    print("by hand   dL/db:", dL_dz)
    print("agree:", torch.allclose(w.grad, dL_dz * x) and torch.allclose(b.grad, dL_dz))
