import torch
from torch import nn

torch.set_printoptions(precision=4)
torch.manual_seed(0)

x = torch.randn(2, 3, 6) * 5 + 3  # [B, T, d]: 6 numbers at each position, far from mean 0, variance 1

# By hand, over the last dimension of each position:
mean = x.mean(dim=-1, keepdim=True)  # [2, 3, 1]
var = x.var(dim=-1, keepdim=True, unbiased=False)  # divided by d, not d - 1
eps = 1e-5  # keeps the division safe when the variance is 0
normalised = (x - mean) / torch.sqrt(var + eps)
print("x[0, 0]:         ", x[0, 0])
print("normalised[0, 0]:", normalised[0, 0])
print("every mean is 0:", torch.allclose(normalised.mean(dim=-1), torch.zeros(2, 3), atol=1e-6))
print("variance of each position:", normalised.var(dim=-1, unbiased=False))

# nn.LayerNorm then multiplies by a learned scale and adds a learned shift (1 and 0 at first).
norm = nn.LayerNorm(6)
with torch.no_grad():  # give them other values, to check that part too
    norm.weight.copy_(torch.randn(6))
    norm.bias.copy_(torch.randn(6))
by_hand = normalised * norm.weight + norm.bias
print("by hand equals nn.LayerNorm:", torch.allclose(by_hand, norm(x), atol=1e-6))
print("parameters:", [(name, tuple(p.shape)) for name, p in norm.named_parameters()])
