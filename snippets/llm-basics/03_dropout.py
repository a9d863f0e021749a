import torch
from torch import nn

torch.manual_seed(123)  # dropout is random: fix the seed to get the same zeros every run
dropout = nn.Dropout(p=0.1)
x = torch.ones(4, 8)

dropout.train()  # training mode: drop some activations, scale up the rest
y = dropout(x)
print("training mode:")
print(y)
print("zeroed:", int((y == 0).sum()), "of", y.numel())
print("survivors scaled by 1/(1-p) =", round(1 / (1 - 0.1), 4))

dropout.eval()  # evaluation mode: dropout passes its input through unchanged
print("evaluation mode:")
print(dropout(x))
