import torch

z = torch.tensor([2.0, 1.0, 0.1])  # logits: any real numbers
p = torch.exp(z) / torch.exp(z).sum()
print("softmax by hand:", p, f"sum {p.sum().item():.4f}")
print("torch.softmax:  ", torch.softmax(z, dim=-1))
print("z - max(z) gives the same:", torch.allclose(torch.softmax(z - z.max(), dim=-1), p))

# exp overflows: float32 holds numbers up to about 3.4e38, and exp(89) is larger.
print("exp(88), exp(89) in float32:", torch.exp(torch.tensor([88.0, 89.0])))
big = torch.tensor([1000.0, 999.0, 998.0])
print("exp(big):", torch.exp(big))
print("by hand, as written:", torch.exp(big) / torch.exp(big).sum())  # inf / inf is nan
shifted = big - big.max()  # [0, -1, -2]: the largest exp is exp(0) = 1
print("by hand, max subtracted:", torch.exp(shifted) / torch.exp(shifted).sum())
print("torch.softmax(big):     ", torch.softmax(big, dim=-1))
