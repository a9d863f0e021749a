import torch
from torch import nn

torch.set_printoptions(precision=4)

norm = nn.LayerNorm(4)  # scale 1 and shift 0, as it starts
x = torch.tensor([1.0, 2.0, 3.0, 4.0])
with torch.no_grad():
    for name, row in (("x", x), ("x + 100", x + 100), ("10 * x", 10 * x),
                      ("all 7", torch.full((4,), 7.0))):
        print(f"{name:8s}", norm(row))  # what does each line print?
