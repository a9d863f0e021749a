import math
import tempfile
from pathlib import Path

import torch
from torch import nn

torch.set_default_dtype(torch.float64)


# The model of the chapter, unchanged.
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


# --8<-- [start:new]
cfg = {"vocab_size": 66, "context_length": 16, "emb_dim": 48,
       "n_heads": 4, "n_layers": 2, "qkv_bias": False}
torch.manual_seed(0)
model = TinyLM(cfg)
ids = torch.randint(0, cfg["vocab_size"], (1, 16))  # some input to compare outputs on

model.eval()
with torch.no_grad():
    before = model(ids)

state = model.state_dict()  # name -> tensor: every parameter and buffer
print(f"state_dict: {len(state)} tensors, first {list(state)[:3]}")

with tempfile.TemporaryDirectory() as folder:
    path = Path(folder) / "tiny-lm.pt"
    torch.save(state, path)

    torch.manual_seed(1)
    fresh = TinyLM(cfg)  # same architecture, other random weights
    fresh.eval()
    with torch.no_grad():
        print("fresh model, same output:   ", torch.equal(fresh(ids), before))
        fresh.load_state_dict(torch.load(path))
        after = fresh(ids)
print("reloaded model, same output:", torch.equal(after, before))
print("greedy next characters, saved and reloaded:", before.argmax(-1)[0, -5:].tolist(),
      after.argmax(-1)[0, -5:].tolist())
print("still tied after loading:", fresh.out_head.weight is fresh.tok_emb.weight)
# --8<-- [end:new]
