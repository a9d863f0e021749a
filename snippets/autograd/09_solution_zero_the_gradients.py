import torch

# Gradient descent on L(w) = (w - 3)^2, whose gradient is 2 (w - 3).
w = torch.tensor(0.0, requires_grad=True)
for step in range(1, 4):
    w.grad = None  # clear the last step's gradient (what optimizer.zero_grad() does)
    loss = (w - 3) ** 2
    loss.backward()
    print(f"step {step}: w = {w.item():.4f}, 2(w - 3) = {2 * (w.item() - 3):.4f}, "
          f"w.grad = {w.grad.item():.4f}")
    with torch.no_grad():
        w -= 0.1 * w.grad
print(f"w after 3 steps: {w.item():.4f}")
