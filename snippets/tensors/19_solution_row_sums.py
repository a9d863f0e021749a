import torch

counts = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]])
# keepdim=True: the sums have shape (3, 1), one per row, and stretch along each row
shares = counts / counts.sum(dim=1, keepdim=True)
print("shares:", [[round(v, 3) for v in row] for row in shares.tolist()])
print("row sums:", [round(v, 3) for v in shares.sum(dim=1).tolist()])
