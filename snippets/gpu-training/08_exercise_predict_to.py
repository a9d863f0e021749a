import torch
from torch import nn

x = torch.ones(3)  # float32, on the CPU
print("x.to('cpu') is x:", x.to("cpu") is x)
print("x.to(torch.float64) is x:", x.to(torch.float64) is x)
y = x.to("meta")
print("after y = x.to('meta'):", x.device, y.device)

torch.manual_seed(0)
model = nn.Linear(3, 1)
print("model.to('meta') is model:", model.to("meta") is model)
print("model's weight is now on:", model.weight.device)
