import torch

B, h, T, d_h = 1, 2, 3, 2
out = torch.arange(B * h * T * d_h).view(B, h, T, d_h)

# First bring the positions next to the batch, [B, T, h, d_h], then join the last two.
merged = out.transpose(1, 2).reshape(B, T, h * d_h)
expected = torch.cat([out[:, 0], out[:, 1]], dim=-1)
print("merged:")
print(merged[0])
print("equal:", torch.equal(merged, expected))
