import copy

import torch
from torch import nn

if torch.cuda.is_available():
    device = torch.device("cuda")
elif torch.backends.mps.is_available():
    device = torch.device("mps")
else:
    device = torch.device("cpu")
print("comparing cpu with", device)

torch.manual_seed(0)
model_cpu = nn.Sequential(nn.Linear(10, 5), nn.ReLU(), nn.Linear(5, 1), nn.Sigmoid())
model_dev = copy.deepcopy(model_cpu).to(device)  # the same starting weights
x = torch.randn(64, 10)
y = (x.sum(dim=1, keepdim=True) > 0).float()


def gradients(model, x, y):
    loss = nn.functional.binary_cross_entropy(model(x), y)
    loss.backward()
    return {name: p.grad.cpu() for name, p in model.named_parameters()}


grads_cpu = gradients(model_cpu, x, y)
grads_dev = gradients(model_dev, x.to(device), y.to(device))

# varies: largest difference
for name, g in grads_cpu.items():
    print(f"{name:9} largest difference: {(g - grads_dev[name]).abs().max().item():.1e}")
# float32 keeps about 7 significant digits; sums done in another order differ in the last ones.
agree = all(torch.allclose(g, grads_dev[n], rtol=1e-5, atol=1e-7) for n, g in grads_cpu.items())
print("all gradients agree within rtol=1e-5, atol=1e-7:", agree)
