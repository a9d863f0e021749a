import time

import torch

if torch.cuda.is_available():
    device = torch.device("cuda")
elif torch.backends.mps.is_available():
    device = torch.device("mps")
else:
    device = torch.device("cpu")


def wait_for_device():
    # GPU calls return before the GPU has finished; wait before reading the clock.
    if device.type == "cuda":
        torch.cuda.synchronize()
    elif device.type == "mps":
        torch.mps.synchronize()


n, repeats = 1024, 10
torch.manual_seed(0)
a = torch.randn(n, n, device=device)
b = torch.randn(n, n, device=device)
a @ b  # warm-up: the first call pays for one-time setup
wait_for_device()

start = time.perf_counter()
for _ in range(repeats):
    c = a @ b
wait_for_device()
seconds = (time.perf_counter() - start) / repeats

flops = 2 * n**3  # n*n results, each n multiplications and n additions
print(f"{n}x{n} float32 matmul on {device}: {flops} floating-point operations")
# varies: ^time per product|^throughput
print(f"time per product: {seconds * 1e3:.2f} ms")
print(f"throughput: {flops / seconds / 1e12:.3f} TFLOP/s")
