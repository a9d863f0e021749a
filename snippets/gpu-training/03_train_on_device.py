import torch
from torch import nn

if torch.cuda.is_available():
    device = torch.device("cuda")
elif torch.backends.mps.is_available():
    device = torch.device("mps")
else:
    device = torch.device("cpu")
print("training on", device)

# A synthetic data set, made on the CPU so every device trains on the same numbers:
# the label says whether the first three features sum to more than zero.
torch.manual_seed(0)
X = torch.randn(256, 10)
y = (X[:, :3].sum(dim=1, keepdim=True) > 0).float()
model = nn.Sequential(nn.Linear(10, 5), nn.ReLU(), nn.Linear(5, 1), nn.Sigmoid())

model.to(device)  # change 1 of 2: the model
X, y = X.to(device), y.to(device)  # change 2 of 2: the data (small: moved once, not per batch)
loss_fn = nn.BCELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)  # made after the move

for epoch in range(1, 11):
    for start in range(0, len(X), 64):  # mini-batches of 64
        xb, yb = X[start : start + 64], y[start : start + 64]
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
    if epoch % 2 == 0:
        with torch.no_grad():
            # .item() copies one number to the CPU (and waits for the GPU to finish)
            print(f"epoch {epoch:2d}: loss on all data {loss_fn(model(X), y).item():.4f}")
