# raises: RuntimeError
import torch
from torch import nn

if torch.cuda.is_available():
    device = torch.device("cuda")
elif torch.backends.mps.is_available():
    device = torch.device("mps")
else:
    device = torch.device("cpu")
# Without a GPU the `meta` device stands in for it (see 02_wrong_device.py).
other = device if device.type != "cpu" else torch.device("meta")

torch.manual_seed(0)
X = torch.randn(8, 10)  # a batch and its labels, made on the CPU
y = (X[:, :3].sum(dim=1, keepdim=True) > 0).float()

model = nn.Sequential(nn.Linear(10, 5), nn.ReLU(), nn.Linear(5, 1), nn.Sigmoid()).to(other)
X = X.to(other)
loss_fn = nn.BCELoss()

out = model(X)
print("output on:", out.device, "| labels on:", y.device)
loss = loss_fn(out, y)
loss.backward()
print("loss on:", loss.device)
