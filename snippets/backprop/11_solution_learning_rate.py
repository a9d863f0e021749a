import torch
from torch import nn

torch.manual_seed(123)
X = torch.randn(256, 10)  # 256 examples; the label is 1 when a hidden weighted sum is positive
true_w = torch.randn(10)
Y = (X @ true_w > 0).float().unsqueeze(1)

model = nn.Sequential(nn.Linear(10, 5), nn.ReLU(), nn.Linear(5, 1), nn.Sigmoid())
loss_fn = nn.BCELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)  # 500 times larger: steps big enough to make progress

for step in range(1, 101):  # full-batch gradient descent: every step sees all 256 examples
    loss = loss_fn(model(X), Y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if step % 20 == 0:
        print(f"step {step:3d}  loss {loss.item():.4f}")
