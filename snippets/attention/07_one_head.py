import math

import torch
from torch import nn

torch.manual_seed(0)


class Head(nn.Module):
    """One head of causal self-attention: [B, T, d] -> [B, T, d_h]."""

    def __init__(self, d, d_h, context_length):
        super().__init__()
        self.W_query = nn.Linear(d, d_h, bias=False)
        self.W_key = nn.Linear(d, d_h, bias=False)
        self.W_value = nn.Linear(d, d_h, bias=False)
        # A buffer: saved and moved with the module, but not a parameter (nothing to learn).
        T = context_length
        self.register_buffer("mask", torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1))

    def forward(self, x):
        T = x.shape[1]  # as many positions as this input has, up to context_length
        q, k, v = self.W_query(x), self.W_key(x), self.W_value(x)  # each [B, T, d_h]
        scores = q @ k.transpose(-2, -1) / math.sqrt(k.shape[-1])  # [B, T, T]
        scores = scores.masked_fill(self.mask[:T, :T], float("-inf"))
        return torch.softmax(scores, dim=-1) @ v  # [B, T, d_h]


head = Head(d=8, d_h=4, context_length=16)
x = torch.randn(2, 5, 8)  # a batch of 2 sequences, 5 positions, 8 numbers each
out = head(x)
print("x", tuple(x.shape), "-> out", tuple(out.shape))
print("parameters:", [(name, tuple(p.shape)) for name, p in head.named_parameters()])
print("buffers:", [(name, tuple(b.shape)) for name, b in head.named_buffers()])

# Causal: changing the last position changes the last output only.
changed = x.clone()
changed[:, 4] = torch.randn(2, 8)
with torch.no_grad():
    moved = (head(changed) - out).abs().amax(dim=(0, 2))  # largest change at each position
print("largest change per position:", [round(m, 4) for m in moved.tolist()])
