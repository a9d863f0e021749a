import torch

a = torch.tensor([[1, 2], [3, 4]])
print("a.T (rows become columns):")
print(a.T)

# Entry (i, j) of the product is row i of a times column j of a.T, summed.
print("a.matmul(a.T):")
print(a.matmul(a.T))
print("a @ a.T (the same product, as an operator):")
print(a @ a.T)
