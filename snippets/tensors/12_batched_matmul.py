import torch

torch.manual_seed(0)
B, T, d, k = 2, 3, 4, 5  # batch, positions, vector length, output length

x = torch.randn(B, T, d)  # a batch of sequences of vectors
W = torch.randn(d, k)  # one weight matrix for all of them
y = x @ W  # @ multiplies the last two dimensions; the batch dimension comes along
print("(B, T, d) @ (d, k) ->", tuple(y.shape))
print("the same as one sequence at a time:", torch.allclose(y[1], x[1] @ W))

h = 2  # heads: several independent matrices per sequence
q = torch.randn(B, h, T, d)
key = torch.randn(B, h, T, d)
scores = q @ key.transpose(-2, -1)  # swap the last two dimensions: (B, h, d, T)
print("(B, h, T, d) @ (B, h, d, T) ->", tuple(scores.shape))
print("one matrix product per sequence and head:",
      torch.allclose(scores[1, 0], q[1, 0] @ key[1, 0].T))
