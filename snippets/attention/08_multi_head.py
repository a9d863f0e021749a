import math

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)


class CausalSelfAttention(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        d, self.n_heads = cfg["emb_dim"], cfg["n_heads"]
        self.W_query = nn.Linear(d, d, bias=cfg["qkv_bias"])
        self.W_key = nn.Linear(d, d, bias=cfg["qkv_bias"])
        self.W_value = nn.Linear(d, d, bias=cfg["qkv_bias"])
        self.out_proj = nn.Linear(d, d)
        # True above the diagonal: position t must not look at the positions after t.
        T = cfg["context_length"]
        self.register_buffer("mask", torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1))

    def forward(self, x):
        B, T, d = x.shape
        h = self.n_heads
        # [B, T, d] -> [B, h, T, d/h]: each head works on its own slice of the embedding
        q = self.W_query(x).view(B, T, h, d // h).transpose(1, 2)
        k = self.W_key(x).view(B, T, h, d // h).transpose(1, 2)
        v = self.W_value(x).view(B, T, h, d // h).transpose(1, 2)
        scores = q @ k.transpose(-2, -1) / math.sqrt(d // h)  # [B, h, T, T]
        scores = scores.masked_fill(self.mask[:T, :T], float("-inf"))
        weights = torch.softmax(scores, dim=-1)  # each row sums to 1 over positions <= t
        out = (weights @ v).transpose(1, 2).reshape(B, T, d)
        return self.out_proj(out)


cfg = {"emb_dim": 8, "n_heads": 2, "context_length": 16, "qkv_bias": False}
att = CausalSelfAttention(cfg)
x = torch.randn(2, 5, 8)  # B = 2 sequences, T = 5 positions, d = 8
out = att(x)
print("x", tuple(x.shape), "-> out", tuple(out.shape))
print(f"parameters: {sum(p.numel() for p in att.parameters())} = 4 d^2 + d = {4 * 8**2 + 8}")

# The same steps one by one, printing the shapes, with PyTorch's fused attention at the core.
B, T, d, h = 2, 5, 8, 2
q = att.W_query(x)
print("q", tuple(q.shape), end="")
q = q.view(B, T, h, d // h)  # split the last dimension into h heads of d/h
print(" -> view", tuple(q.shape), end="")
q = q.transpose(1, 2)  # heads next to the batch: [B, h, T, d/h]
print(" -> transpose", tuple(q.shape))
k = att.W_key(x).view(B, T, h, d // h).transpose(1, 2)
v = att.W_value(x).view(B, T, h, d // h).transpose(1, 2)
o = F.scaled_dot_product_attention(q, k, v, is_causal=True)  # [B, h, T, d/h]
print("attention per head", tuple(o.shape), end="")
o = o.transpose(1, 2).reshape(B, T, d)  # the heads side by side again
print(" -> transpose, reshape", tuple(o.shape))
fused = att.out_proj(o)
print("same as the module:", torch.allclose(fused, out, atol=1e-6))
