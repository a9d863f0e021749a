import torch

x = torch.arange(24).reshape(2, 3, 4)  # 2 blocks, each of 3 rows of 4 numbers
print("x.shape:", tuple(x.shape))
print("x[0]:", x[0].tolist(), "shape", tuple(x[0].shape))  # the first block
print("x[1, 2]:", x[1, 2].tolist())  # block 1, row 2
print("x[:, 1]:", x[:, 1].tolist(), "shape", tuple(x[:, 1].shape))  # row 1 of every block
print("x[..., -1]:", x[..., -1].tolist())  # the last number of every row
print("x[0, :, 1:3]:", x[0, :, 1:3].tolist())  # block 0, every row, columns 1 and 2

# A boolean mask picks the entries where it is True.
scores = torch.tensor([[0.5, -1.0, 2.0], [-0.5, 3.0, -2.0]])
positive = scores > 0
print("mask scores > 0:", positive.tolist())
print("scores[mask]:", scores[positive].tolist())  # a flat list of the chosen entries
scores[~positive] = 0.0  # ~ turns True into False: set the other entries to 0
print("after scores[~mask] = 0:", scores.tolist())
