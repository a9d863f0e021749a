# raises: ValueError
import torch
from torch import nn

torch.manual_seed(123)
model = nn.Sequential(nn.Linear(10, 5), nn.ReLU(), nn.Linear(5, 1), nn.Sigmoid())
loss_fn = nn.BCELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)

x = torch.randn(1, 10)
y = torch.tensor([1.0])  # the label, as the commonly copied version writes it

y_hat = model(x)
print("output shape:", y_hat.shape, " label shape:", y.shape)
loss = loss_fn(y_hat, y)
optimizer.zero_grad()
loss.backward()
optimizer.step()
print(f"loss: {loss.item():.4f}")
