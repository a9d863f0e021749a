import torch
from torch import nn

torch.manual_seed(123)

# Synthetic data set: 512 examples with 10 features; the label is 1 when a
# fixed (hidden) weighted sum of the features is positive, else 0.
X = torch.randn(512, 10)
true_w = torch.randn(10)
Y = (X @ true_w > 0).float().unsqueeze(1)  # [512, 1], the output's shape

model = nn.Sequential(nn.Linear(10, 5), nn.ReLU(), nn.Linear(5, 1), nn.Sigmoid())
loss_fn = nn.BCELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
batch_size = 32

for epoch in range(1, 11):
    order = torch.randperm(len(X))  # a new shuffle every epoch
    total = 0.0
    for start in range(0, len(X), batch_size):
        idx = order[start : start + batch_size]
        loss = loss_fn(model(X[idx]), Y[idx])  # forward pass and loss
        optimizer.zero_grad()
        loss.backward()  # backward pass
        optimizer.step()  # update
        total += loss.item() * len(idx)
    print(f"epoch {epoch:2d}  mean loss {total / len(X):.4f}")

with torch.no_grad():
    accuracy = ((model(X) > 0.5).float() == Y).float().mean()
print(f"accuracy on the training data: {accuracy.item():.3f}")
