import math

import torch

torch.manual_seed(0)

n, T = 2000, 8  # 2000 queries, each scored against 8 keys
print("  d_h | variance of q.k  scaled | largest softmax weight  unscaled  scaled")
for d_h in (4, 64, 1024):
    q = torch.randn(n, 1, d_h)  # entries with mean 0 and variance 1, as after initialisation
    k = torch.randn(n, T, d_h)
    dots = (q * k).sum(dim=-1)  # [n, T]: q . k for each query and each of its keys
    scaled = dots / math.sqrt(d_h)
    top_unscaled = torch.softmax(dots, dim=-1).max(dim=-1).values.mean()
    top_scaled = torch.softmax(scaled, dim=-1).max(dim=-1).values.mean()
    print(f"{d_h:5d} | {dots.var():16.1f} {scaled.var():7.2f} | "
          f"{top_unscaled:31.3f} {top_scaled:7.3f}")
