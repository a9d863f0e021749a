import math

import torch
from torch import nn

torch.set_default_dtype(torch.float64)


class SelfAttention(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.W_query = nn.Linear(d, d, bias=False)
        self.W_key = nn.Linear(d, d, bias=False)
        self.W_value = nn.Linear(d, d, bias=False)

    def forward(self, x):  # x: [T, d]
        q, k, v = self.W_query(x), self.W_key(x), self.W_value(x)
        scores = q @ k.T / math.sqrt(x.shape[-1])
        weights = torch.softmax(scores, dim=-1)
        return weights @ v


torch.manual_seed(0)
att = SelfAttention(8)
x = torch.randn(5, 8)  # 5 positions
changed = x.clone()
changed[4] = torch.randn(8)  # change only the last position

with torch.no_grad():
    out, out_changed = att(x), att(changed)
# A language model must not see the future: positions 0 to 3 should not change.
for t in range(5):
    print(f"position {t} changed: {not torch.allclose(out[t], out_changed[t])}")
