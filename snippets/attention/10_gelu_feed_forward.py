import math

import torch
from torch import nn

torch.set_printoptions(precision=4)
torch.manual_seed(0)

z = torch.tensor([-3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 3.0])
exact = 0.5 * z * (1 + torch.erf(z / math.sqrt(2)))  # z times P(N(0, 1) < z)
tanh_form = 0.5 * z * (1 + torch.tanh(math.sqrt(2 / math.pi) * (z + 0.044715 * z**3)))
print("z          ", z)
print("GELU exact ", exact)
print("exact form equals nn.GELU():", torch.allclose(exact, nn.GELU()(z), atol=1e-6),
      " tanh form equals nn.GELU(approximate='tanh'):",
      torch.allclose(tanh_form, nn.GELU(approximate="tanh")(z), atol=1e-6))
print(f"the two forms differ by at most {(exact - tanh_form).abs().max():.1e}")

# The feed-forward network: d -> 4d -> d, GELU between, applied to every position alone.
d = 8
ff = nn.Sequential(nn.Linear(d, 4 * d), nn.GELU(), nn.Linear(4 * d, d))
x = torch.randn(2, 5, d)  # [B, T, d]
first, second = ff[0], ff[2]
by_hand = nn.functional.gelu(x @ first.weight.T + first.bias) @ second.weight.T + second.bias
print("x", tuple(x.shape), "-> ff(x)", tuple(ff(x).shape),
      " by hand equal:", torch.allclose(by_hand, ff(x), atol=1e-6))
print(f"parameters: {sum(p.numel() for p in ff.parameters())} = 8 d^2 + 5 d = {8 * d**2 + 5 * d}")

# Position by position: changing position 0 changes output 0 only.
changed = x.clone()
changed[:, 0] = torch.randn(2, d)
with torch.no_grad():
    moved = (ff(changed) - ff(x)).abs().amax(dim=(0, 2))
print("largest change per position:", [round(m, 4) for m in moved.tolist()])
