import torch

torch.set_default_dtype(torch.float64)

chars = ["e", "a", "o", " "]
logits = torch.tensor([2.0, 1.0, 0.5, 0.0])
for tau in (0.1, 0.5, 1.0, 2.0, 10.0):
    probs = torch.softmax(logits / tau, dim=-1)
    print(f"tau = {tau:<4}", "  ".join(f"{c!r}: {p:.3f}" for c, p in zip(chars, probs.tolist(), strict=True)))

# As tau shrinks, sampling becomes greedy decoding: 1000 draws at tau = 0.1.
generator = torch.Generator().manual_seed(0)
draws = torch.multinomial(torch.softmax(logits / 0.1, dim=-1), 1000, replacement=True,
                          generator=generator)
print("draws at tau = 0.1:", {c: int((draws == i).sum()) for i, c in enumerate(chars)})
