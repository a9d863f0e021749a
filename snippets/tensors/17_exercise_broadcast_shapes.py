import torch

a = torch.ones(2, 3)
print("a + ones(3):      ", tuple((a + torch.ones(3)).shape))
print("a + ones(2, 1):   ", tuple((a + torch.ones(2, 1)).shape))
print("a + ones(4, 1, 3):", tuple((a + torch.ones(4, 1, 3)).shape))
print("cat([a, a]):      ", tuple(torch.cat([a, a]).shape))
print("stack([a, a]):    ", tuple(torch.stack([a, a]).shape))
try:
    print("a + ones(2):      ", tuple((a + torch.ones(2)).shape))
except RuntimeError:
    print("a + ones(2):       RuntimeError")
