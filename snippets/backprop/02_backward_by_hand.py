import torch
from torch import nn

torch.manual_seed(123)  # the same network and example as the one-step snippet
model = nn.Sequential(nn.Linear(10, 5), nn.ReLU(), nn.Linear(5, 1), nn.Sigmoid())
x = torch.randn(1, 10)
y = torch.tensor([[1.0]])

nn.BCELoss()(model(x), y).backward()  # autograd's gradients, in each .grad

# The same pass by hand, with column vectors as in the math: x is [10, 1].
W1, b1 = model[0].weight, model[0].bias.reshape(5, 1)
W2, b2 = model[2].weight, model[2].bias.reshape(1, 1)
with torch.no_grad():
    x_col = x.T
    z1 = W1 @ x_col + b1  # [5, 1]
    h = torch.relu(z1)
    z2 = W2 @ h + b2  # [1, 1]
    y_hat = torch.sigmoid(z2)

    dz2 = y_hat - y  # dL/dz2 for sigmoid followed by BCE
    dW2 = dz2 @ h.T  # [1, 1] @ [1, 5] -> [1, 5], the shape of W2
    db2 = dz2
    dh = W2.T @ dz2  # [5, 1] @ [1, 1] -> [5, 1]
    dz1 = dh * (z1 > 0)  # ReLU passes gradient only where z1 > 0
    dW1 = dz1 @ x_col.T  # [5, 1] @ [1, 10] -> [5, 10], the shape of W1
    db1 = dz1

print("units with z1 > 0:", (z1 > 0).flatten().tolist())
print("dL/dz2 = y_hat - y:", dz2)
by_hand = {"0.weight": dW1, "0.bias": db1, "2.weight": dW2, "2.bias": db2}
for name, param in model.named_parameters():
    same = torch.allclose(param.grad, by_hand[name].reshape(param.shape))
    print(f"{name:9} by hand == autograd: {same}")
