import torch

torch.set_default_dtype(torch.float64)

# Scores for four next characters; dividing by the temperature T before softmax
# sharpens the distribution (T < 1) or flattens it (T > 1).
chars = ["e", "a", "o", " "]
logits = torch.tensor([2.0, 1.0, 0.5, 0.0])
for T in (1.0,):
    probs = torch.softmax(logits / T, dim=-1)
    print(f"T = {T:<4}", "  ".join(f"{c!r}: {p:.3f}" for c, p in zip(chars, probs.tolist(), strict=True)))
