import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 4), nn.Dropout(0.5))
print("new model, training mode:", model.training, "| its dropout:", model[1].training)
model.eval()
print("after model.eval():", model.training, "| its dropout:", model[1].training)

dropout = nn.Dropout(0.5)
print("values in training mode:", sorted(set(dropout(torch.ones(100)).tolist())))
dropout.eval()
print("values in evaluation mode:", sorted(set(dropout(torch.ones(100)).tolist())))
