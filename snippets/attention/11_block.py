import math

import torch
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




class Block(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        d = cfg["emb_dim"]
        self.norm1 = nn.LayerNorm(d)
        self.att = CausalSelfAttention(cfg)
        self.norm2 = nn.LayerNorm(d)
        self.ff = nn.Sequential(nn.Linear(d, 4 * d), nn.GELU(), nn.Linear(4 * d, d))

    def forward(self, x):
        x = x + self.att(self.norm1(x))  # attention: mix information across positions
        return x + self.ff(self.norm2(x))  # feed-forward: work on each position alone


class BlockWithoutResiduals(Block):
    def forward(self, x):  # the same layers, each output replacing its input
        x = self.att(self.norm1(x))
        return self.ff(self.norm2(x))


cfg = {"emb_dim": 8, "n_heads": 2, "context_length": 16, "qkv_bias": False}
x = torch.randn(2, 5, 8)
block = Block(cfg)
print("x", tuple(x.shape), "-> block(x)", tuple(block(x).shape))
n_block = sum(p.numel() for p in block.parameters())
print(f"parameters of a block: {n_block} = 12 d^2 + 10 d = {12 * 8**2 + 10 * 8}")

# Blocks stack, since each keeps the shape. How much gradient reaches the input through 12?
for kind in (Block, BlockWithoutResiduals):
    torch.manual_seed(1)  # the same weights for both kinds
    stack = nn.Sequential(*[kind(cfg) for _ in range(12)])
    x_in = x.clone().requires_grad_()
    stack(x_in)[:, -1].pow(2).sum().backward()  # a loss on the last position's output
    print(f"{kind.__name__:22s} gradient reaching x: norm {x_in.grad.norm():.1e}")
