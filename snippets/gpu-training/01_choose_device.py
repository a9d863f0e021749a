import torch
from torch import nn

# Prefer a CUDA GPU, then Apple's GPU (MPS), else the CPU.
if torch.cuda.is_available():
    device = torch.device("cuda")
elif torch.backends.mps.is_available():
    device = torch.device("mps")
else:
    device = torch.device("cpu")
print("device:", device)
if device.type == "cuda":
    print("GPU:", torch.cuda.get_device_name(device))

# The same choice with torch.accelerator (PyTorch 2.6 and later), which knows every kind of GPU
# PyTorch can be built for (CUDA, MPS, Intel's XPU and others), else the CPU:
if torch.accelerator.is_available():
    accelerator = torch.accelerator.current_accelerator()
else:
    accelerator = torch.device("cpu")
print("torch.accelerator:", accelerator)

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(10, 5), nn.ReLU(), nn.Linear(5, 1), nn.Sigmoid())
model.to(device)  # a module moves in place: every parameter and buffer

x = torch.randn(4, 10)  # made on the CPU, as a batch from a data loader is
print("batch before .to:", x.device)
x = x.to(device)  # not in place: .to returns a tensor on the device (x itself if already there)
print("batch after .to: ", x.device)
print("first weight on: ", model[0].weight.device)

out = model(x)  # runs where its inputs are
print("output on:       ", out.device)
# print works on any device; .cpu() makes the printed line the same everywhere (NumPy needs it).
print("output:", out.detach().cpu().flatten())
