import torch
from torch import nn
from torch.nn import functional as F

if torch.cuda.is_available():
    device = torch.device("cuda")
elif torch.backends.mps.is_available():
    device = torch.device("mps")
else:
    device = torch.device("cpu")

for dtype in (torch.float32, torch.bfloat16, torch.float16):
    info = torch.finfo(dtype)
    print(f"{str(dtype):14}  step after 1.0: {info.eps:.1e}  largest: {info.max:.1e}")
print("70000 as float16:", torch.tensor(70000.0).half().item())
print("70000 as bfloat16:", torch.tensor(70000.0).bfloat16().item())

torch.manual_seed(0)
x = torch.randn(64, 10)
y = (x.sum(dim=1, keepdim=True) > 0).float()
x, y = x.to(device), y.to(device)
# No Sigmoid at the end: the loss takes logits, the form that is safe under autocast.
model = nn.Sequential(nn.Linear(10, 5), nn.ReLU(), nn.Linear(5, 1)).to(device)
with torch.no_grad():
    logits_fp32 = model(x)

with torch.autocast(device_type=device.type, dtype=torch.bfloat16):
    logits = model(x)
    loss = F.binary_cross_entropy_with_logits(logits, y)
    try:
        F.binary_cross_entropy(torch.sigmoid(logits), y)
        print(f"binary_cross_entropy under autocast on {device.type}: allowed")
    except RuntimeError as err:
        print(f"binary_cross_entropy under autocast on {device.type}:", str(err).split(". ")[0])
loss.backward()  # outside the autocast block

print("weights:", model[0].weight.dtype, "| linear output:", logits.dtype, "| loss:", loss.dtype)
print("gradients:", model[0].weight.grad.dtype)
relative = (logits.float() - logits_fp32).abs().max() / logits_fp32.abs().max()
# varies: ^largest difference
print(f"largest difference of the logits from float32, relative: {relative.item():.1e}")
