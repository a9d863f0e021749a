import torch
from torch import nn

if torch.cuda.is_available():
    device = torch.device("cuda")
elif torch.backends.mps.is_available():
    device = torch.device("mps")
else:
    device = torch.device("cpu")

# Without a GPU there is no second real device. The `meta` device (tensors that
# have a shape but no data) stands in for it, so the mistake still shows.
other = device if device.type != "cpu" else torch.device("meta")

torch.manual_seed(0)
model = nn.Linear(10, 1).to(other)
x = torch.randn(4, 10)  # the mistake: the batch was never moved
print("model on:", model.weight.device, "| batch on:", x.device)
try:
    model(x)
except RuntimeError as err:
    print("RuntimeError:", str(err).splitlines()[0])

out = model(x.to(other))  # the fix: move the batch to where the model is
print("after x.to(...): output on", out.device, "with shape", tuple(out.shape))
