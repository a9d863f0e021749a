import torch
from torch import nn

torch.manual_seed(123)
model = nn.Sequential(nn.Linear(10, 5), nn.ReLU(), nn.Linear(5, 1), nn.Sigmoid())
loss_fn = nn.BCELoss()
x = torch.randn(1, 10)
y_hat = model(x)  # one row per example, one column per output: [1, 1]

# The commonly copied version gives the label shape [1].
y_wrong = torch.tensor([1.0])
try:
    loss_fn(y_hat, y_wrong)
except ValueError as err:
    print("ValueError:", err)

# Why PyTorch refuses: with a batch, [N, 1] and [N] broadcast to [N, N],
# pairing every output with every label. The loss would be silently wrong.
batch_out = model(torch.randn(4, 10))  # [4, 1]
batch_labels = torch.tensor([1.0, 0.0, 1.0, 1.0])  # [4]
print("[4, 1] against [4] broadcasts to:", (batch_out - batch_labels).shape)

# The fix: give the label the output's shape.
y = torch.tensor([[1.0]])  # [1, 1]; for a batch: labels.reshape(-1, 1) or .unsqueeze(1)
print("shapes:", y_hat.shape, y.shape)
print(f"loss: {loss_fn(y_hat, y).item():.4f}")
