import torch

scalar = torch.tensor(7)  # rank 0: a single number
vector = torch.tensor([1, 2, 3])  # rank 1: a list of numbers
matrix = torch.tensor([[1, 2], [3, 4]])  # rank 2: rows and columns
rank3 = torch.tensor([[[1, 2], [3, 4]], [[5, 6], [7, 8]]])  # rank 3: a stack of matrices
# A batch of 8 colour images, 32 x 32 pixels: N x C x H x W (images, channels, height, width).
images = torch.zeros(8, 3, 32, 32)

named = [("scalar", scalar), ("vector", vector), ("matrix", matrix), ("rank 3", rank3),
         ("images", images)]
for name, t in named:
    print(f"{name}: rank {t.ndim}, shape {tuple(t.shape)}")
