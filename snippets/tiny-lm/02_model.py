import math

import torch
from torch import nn

torch.set_default_dtype(torch.float64)  # as in the training program


# The attention layer and the transformer block of "Attention, step by step", unchanged.
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


# --8<-- [start:new]
class TinyLM(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        d = cfg["emb_dim"]
        self.tok_emb = nn.Embedding(cfg["vocab_size"], d)
        self.pos_emb = nn.Embedding(cfg["context_length"], d)
        self.blocks = nn.Sequential(*[Block(cfg) for _ in range(cfg["n_layers"])])
        self.final_norm = nn.LayerNorm(d)
        self.out_head = nn.Linear(d, cfg["vocab_size"], bias=False)
        self.out_head.weight = self.tok_emb.weight  # weight tying, as in GPT-2
        self.apply(self._init_weights)

    @staticmethod
    def _init_weights(module):
        # Small random weights (GPT-2 uses a standard deviation of 0.02), zero biases.
        if isinstance(module, (nn.Linear, nn.Embedding)):
            nn.init.normal_(module.weight, mean=0.0, std=0.02)
        if isinstance(module, nn.Linear) and module.bias is not None:
            nn.init.zeros_(module.bias)

    def forward(self, ids):  # ids: [B, T] token ids
        T = ids.shape[1]
        x = self.tok_emb(ids) + self.pos_emb(torch.arange(T, device=ids.device))
        x = self.blocks(x)
        return self.out_head(self.final_norm(x))  # logits: [B, T, vocab_size]


# 66 characters: the vocabulary of the course's corpus (see the data above).
cfg = {"vocab_size": 66, "context_length": 16, "emb_dim": 48,
       "n_heads": 4, "n_layers": 2, "qkv_bias": False}
torch.manual_seed(0)
model = TinyLM(cfg)
for name, child in model.named_children():
    print(f"{name:10s}", child if name != "blocks" else f"{len(child)} x Block")

# Chapter 1's formula: V d + T d + n (12 d^2 + 10 d) + 2 d, the output head tied.
V, T, d, n = cfg["vocab_size"], cfg["context_length"], cfg["emb_dim"], cfg["n_layers"]
formula = V * d + T * d + n * (12 * d**2 + 10 * d) + 2 * d
counted = sum(p.numel() for p in model.parameters())  # a shared tensor is listed once
listed = sum(p.numel() for _, p in model.named_parameters(remove_duplicate=False))
print(f"formula: {formula:,}   counted: {counted:,}   agree: {formula == counted}")
print(f"without tying it would be {listed:,} (= {counted:,} + V d = {counted:,} + {V * d:,})")

ids = torch.randint(0, V, (2, T))  # a batch of 2 windows of 16 random character ids
model.eval()
with torch.no_grad():
    logits = model(ids)
    changed = ids.clone()
    changed[:, -1] = (changed[:, -1] + 1) % V  # another last character
    moved = (model(changed) - logits).abs().amax(dim=(0, 2)) > 0
print("ids", tuple(ids.shape), "-> logits", tuple(logits.shape))
print("another last character changes the logits at positions:", moved.nonzero().flatten().tolist())
probs = torch.softmax(logits, dim=-1)
print(f"untrained: probabilities from {probs.min():.4f} to {probs.max():.4f}, "
      f"that is from {probs.min() * V:.2f}/V to {probs.max() * V:.2f}/V (1/V = {1 / V:.4f})")
targets = torch.randint(0, V, (2, T))
loss = nn.functional.cross_entropy(logits.flatten(0, 1), targets.flatten())
print(f"loss {loss.item():.4f}, ln(V) = {math.log(V):.4f}")
# --8<-- [end:new]
