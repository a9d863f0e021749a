import torch
from torch import nn


def gpt2_layers(cfg):
    """The layers of GPT-2 with their real sizes (no forward pass: we only count)."""
    d, hidden = cfg["emb_dim"], 4 * cfg["emb_dim"]
    blocks = nn.ModuleList()
    for _ in range(cfg["n_layers"]):
        blocks.append(nn.ModuleDict({
            "W_query": nn.Linear(d, d, bias=cfg["qkv_bias"]),
            "W_key": nn.Linear(d, d, bias=cfg["qkv_bias"]),
            "W_value": nn.Linear(d, d, bias=cfg["qkv_bias"]),
            "out_proj": nn.Linear(d, d),
            "ff": nn.Sequential(nn.Linear(d, hidden), nn.GELU(), nn.Linear(hidden, d)),
            "norm1": nn.LayerNorm(d),
            "norm2": nn.LayerNorm(d),
        }))
    return nn.ModuleDict({
        "tok_emb": nn.Embedding(cfg["vocab_size"], d),
        "pos_emb": nn.Embedding(cfg["context_length"], d),
        "blocks": blocks,
        "final_norm": nn.LayerNorm(d),
        "out_head": nn.Linear(d, cfg["vocab_size"], bias=False),
    })


def count(model):
    # .parameters() lists a shared tensor once, so tied weights are counted once.
    return sum(p.numel() for p in model.parameters())


cfg = {"vocab_size": 50257, "context_length": 1024, "emb_dim": 768,
       "n_heads": 12, "n_layers": 12, "drop_rate": 0.1}
# Nothing random is drawn on "meta", but on a real device the layers start from random
# weights: the seed keeps this code reproducible if you build the model for real.
torch.manual_seed(123)
for qkv_bias in (False, True):
    # On the "meta" device tensors have a shape and a dtype but no storage.
    with torch.device("meta"):
        model = gpt2_layers({**cfg, "qkv_bias": qkv_bias})
    untied = count(model)
    model["out_head"].weight = model["tok_emb"].weight  # GPT-2 reuses the embedding matrix
    tied = count(model)
    print(f"qkv_bias={qkv_bias} (weights on device {model['tok_emb'].weight.device})")
    for label, n in (("all layers", untied), ("output head tied", tied)):
        mb = n * 4 / 1e6  # float32: 4 bytes per parameter
        print(f"  {label:<17} {n:>12,} parameters, {mb:,.1f} MB at float32")
