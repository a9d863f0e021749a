import torch

torch.set_default_dtype(torch.float64)

# Scores for four next characters; dividing them by the temperature tau before softmax
# sharpens the distribution (tau < 1) or flattens it (tau > 1).
chars = ["e", "a", "o", " "]
logits = torch.tensor([2.0, 1.0, 0.5, 0.0])
for tau in (1.0,):
    probs = torch.softmax(logits / tau, dim=-1)
    print(f"tau = {tau:<4}", "  ".join(f"{c!r}: {p:.3f}" for c, p in zip(chars, probs.tolist(), strict=True)))
