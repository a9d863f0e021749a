import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))
x = torch.randn(5, 3)  # a batch of 5 examples with 3 features each

out = model(x)
out.sum().backward()
print("output shape:", tuple(out.shape))
for name, param in model.named_parameters():
    print(f"{name}: parameter {tuple(param.shape)}, gradient {tuple(param.grad.shape)}")
