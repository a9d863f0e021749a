import torch
from torch import nn

torch.manual_seed(123)  # same initial weights and input on every run

model = nn.Sequential(
    nn.Linear(10, 5),  # hidden layer: z1 = W1 x + b1
    nn.ReLU(),  # h = ReLU(z1)
    nn.Linear(5, 1),  # output layer: z2 = W2 h + b2
    nn.Sigmoid(),  # y_hat = sigmoid(z2), a probability
)
loss_fn = nn.BCELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)

x = torch.randn(1, 10)  # one example with 10 features: shape [1, 10]
y = torch.tensor([[1.0]])  # its label, the same shape as the output: [1, 1]

y_hat = model(x)  # 1. forward pass
loss = loss_fn(y_hat, y)  # 2. loss
optimizer.zero_grad()  # 3. backward pass: clear the old gradients,
loss.backward()  #    then fill the .grad of every parameter
optimizer.step()  # 4. update: p <- p - lr * p.grad
# 5. repeat 1-4 on the next batch (the training loop does)

print("output shape:", y_hat.shape, " label shape:", y.shape)
print(f"loss before the step: {loss.item():.4f}")
for name, param in model.named_parameters():
    print(f"\n{name} {tuple(param.shape)} gradient:\n{param.grad}")
with torch.no_grad():
    print(f"\nloss after the step:  {loss_fn(model(x), y).item():.4f}")
