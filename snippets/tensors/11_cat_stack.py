import torch

a = torch.tensor([[1, 2], [3, 4]])  # shape (2, 2)
b = torch.tensor([[5, 6], [7, 8]])

# cat joins along a dimension the tensors already have: that dimension grows.
print("cat dim=0:", torch.cat([a, b], dim=0).tolist(), tuple(torch.cat([a, b], dim=0).shape))
print("cat dim=1:", torch.cat([a, b], dim=1).tolist(), tuple(torch.cat([a, b], dim=1).shape))

# stack puts the tensors side by side along a new dimension.
stacked = torch.stack([a, b])
print("stack:", stacked.tolist(), tuple(stacked.shape))
print("stack is unsqueeze, then cat:",
      torch.equal(stacked, torch.cat([a.unsqueeze(0), b.unsqueeze(0)], dim=0)))

# Typical uses: sequences of equal length into a batch, and one more id onto a sequence.
sequences = [torch.tensor([3, 1, 4]), torch.tensor([1, 5, 9])]
print("a batch of sequences:", tuple(torch.stack(sequences).shape))
longer = torch.cat([sequences[0], torch.tensor([2])])
print("one id appended:", longer.tolist())
