import torch
from torch import nn

# A regression: one number to predict per example. The labels were loaded as a flat list.
torch.manual_seed(0)
model = nn.Linear(3, 1)
x = torch.randn(4, 3)
y = torch.tensor([1.0, 2.0, 3.0, 4.0])

y_hat = model(x)
print("output shape:", tuple(y_hat.shape), "| label shape:", tuple(y.shape))
loss = nn.MSELoss()(y_hat, y)
print(f"nn.MSELoss:                    {loss.item():.4f}")
# The mean squared error by its definition: each prediction against its own label.
by_definition = sum((y_hat[i].item() - y[i].item()) ** 2 for i in range(4)) / 4
print(f"mean of (y_hat_i - y_i)**2:    {by_definition:.4f}")
print("agree:", abs(loss.item() - by_definition) < 1e-6)
