import torch

for value in (1.0 + 2**-8, 1.0 + 2**-7, 257.0, 70000.0):
    t = torch.tensor(value)
    print(f"{value}: bfloat16 {t.bfloat16().item()}, float16 {t.half().item()}")
