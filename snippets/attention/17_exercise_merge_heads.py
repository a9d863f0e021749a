import torch

# The output of attention for B = 1 sequence, h = 2 heads, T = 3 positions, d/h = 2 numbers,
# numbered so that you can follow them: head 0 holds 0 to 5, head 1 holds 6 to 11.
B, h, T, d_h = 1, 2, 3, 2
out = torch.arange(B * h * T * d_h).view(B, h, T, d_h)

# Position t must get head 0's two numbers for t, then head 1's: [B, T, h * d_h].
merged = out.reshape(B, T, h * d_h)
expected = torch.cat([out[:, 0], out[:, 1]], dim=-1)  # head by head, side by side
print("merged:")
print(merged[0])
print("expected:")
print(expected[0])
print("equal:", torch.equal(merged, expected))
