"""CPU against GPU speed: a training step of a larger MLP and a large float32 matmul, measured.

    python -m tools bench devices           # measure, print, write the page's file
    python -m tools bench devices --force   # overwrite CUDA figures from a machine without a GPU

The gpu-training page includes snippets/gpu-training/measured-speed.txt, which
main() writes, so the figures on the page are never retyped. Every figure is
labelled with the device that produced it and the date it was measured; the
CPU and CUDA columns always come from one machine, so the speedup is a fair one.
"""

from __future__ import annotations

import datetime
import platform
import re
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

import torch
from torch import nn

from tools.project import PROJECT

OUTPUT = PROJECT.snippets / "gpu-training" / "measured-speed.txt"
GPU_LINE = re.compile(r"^CUDA:", re.MULTILINE)  # the report names a GPU only when it measured one

# Sizes: big enough that a GPU is busy, small enough that the CPU side of the
# whole measurement stays well under 20 s on a 2-core machine.
MLP_SIZES = (1024, 2048, 2048, 10)
BATCH = 256
MATMUL_N = 3072
TIME_BUDGET_S = {"cpu": 1.0, "cuda": 1.0}  # per measurement, after the warm-up
MAX_REPEATS = 200


@dataclass
class Figures:
    device: str  # the device's name, e.g. "AMD EPYC (2 threads)" or "NVIDIA H200"
    step_s: float  # seconds per training step
    matmul_s: float  # seconds per matrix product

    @property
    def examples_per_s(self) -> float:
        return BATCH / self.step_s

    @property
    def step_tflops(self) -> float:
        return mlp_step_flops() / self.step_s / 1e12

    @property
    def matmul_tflops(self) -> float:
        return 2 * MATMUL_N**3 / self.matmul_s / 1e12


def mlp_step_flops() -> int:
    """Forward (2 flops a weight an example) plus backward (twice that) of the linear layers."""
    weights = sum(a * b for a, b in zip(MLP_SIZES, MLP_SIZES[1:], strict=False))
    return 6 * weights * BATCH


def cpu_name() -> str:
    name = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                name = line.split(":", 1)[1].strip()
                break
    return f"{name} ({torch.get_num_threads()} threads)"


def _synchronize(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def _seconds_per_call(fn, device: torch.device) -> float:
    """Median seconds of one call, after a warm-up call; repeats fill the time budget."""
    fn()  # warm-up: kernel selection, memory allocation, lazy initialisation
    _synchronize(device)
    times = []
    deadline = time.perf_counter() + TIME_BUDGET_S[device.type]
    while len(times) < 3 or (time.perf_counter() < deadline and len(times) < MAX_REPEATS):
        start = time.perf_counter()
        fn()
        _synchronize(device)  # GPU calls return before the GPU is done
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _measure_on(device: torch.device) -> Figures:
    torch.manual_seed(0)
    layers: list[nn.Module] = []
    for a, b in zip(MLP_SIZES, MLP_SIZES[1:], strict=False):
        layers += [nn.Linear(a, b), nn.ReLU()]
    model = nn.Sequential(*layers[:-1]).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    x = torch.randn(BATCH, MLP_SIZES[0], device=device)
    y = torch.randint(0, MLP_SIZES[-1], (BATCH,), device=device)

    def step():
        optimizer.zero_grad()
        nn.functional.cross_entropy(model(x), y).backward()
        optimizer.step()

    a = torch.randn(MATMUL_N, MATMUL_N, device=device)
    b = torch.randn(MATMUL_N, MATMUL_N, device=device)
    name = torch.cuda.get_device_name(device) if device.type == "cuda" else cpu_name()
    return Figures(name, _seconds_per_call(step, device), _seconds_per_call(lambda: a @ b, device))


def _table(cpu: Figures, gpu: Figures | None) -> list[str]:
    rows = [
        ("", "CPU", "CUDA", "speedup"),
        ("training step, time", f"{cpu.step_s * 1e3:.1f} ms", None, None),
        ("training step, examples/s", f"{cpu.examples_per_s:,.0f}", None, None),
        ("training step, TFLOP/s", f"{cpu.step_tflops:.3f}", None, None),
        ("matmul, time", f"{cpu.matmul_s * 1e3:.1f} ms", None, None),
        ("matmul, TFLOP/s", f"{cpu.matmul_tflops:.3f}", None, None),
    ]
    if gpu is not None:
        step_speedup = f"{cpu.step_s / gpu.step_s:,.1f}x"
        matmul_speedup = f"{cpu.matmul_s / gpu.matmul_s:,.1f}x"
        gpu_cells = [
            (f"{gpu.step_s * 1e3:.2f} ms", step_speedup),
            (f"{gpu.examples_per_s:,.0f}", step_speedup),
            (f"{gpu.step_tflops:.2f}", step_speedup),
            (f"{gpu.matmul_s * 1e3:.2f} ms", matmul_speedup),
            (f"{gpu.matmul_tflops:.2f}", matmul_speedup),
        ]
        rows[1:] = [(r[0], r[1], g, s) for r, (g, s) in zip(rows[1:], gpu_cells, strict=True)]
    else:
        rows = [r[:2] for r in rows]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                      for i, (cell, w) in enumerate(zip(row, widths, strict=True))).rstrip()
            for row in rows]


def measure() -> str:
    """Measure on the CPU and, when there is one, on the CUDA GPU; return the report."""
    cpu = _measure_on(torch.device("cpu"))
    gpu = _measure_on(torch.device("cuda")) if torch.cuda.is_available() else None
    today = datetime.date.today().isoformat()
    sizes = "-".join(map(str, MLP_SIZES))
    lines = [
        f"Measured on {today} by tools/device_speed.py, PyTorch {torch.__version__}, float32",
        f"CPU:  {cpu.device}",
        *([f"CUDA: {gpu.device}"] if gpu else []),
        f"training step: MLP {sizes} (ReLU), batch {BATCH}, cross-entropy, SGD"
        f" ({mlp_step_flops() / 1e9:.1f} GFLOP a step)",
        f"matmul: {MATMUL_N}x{MATMUL_N} @ {MATMUL_N}x{MATMUL_N}"
        f" ({2 * MATMUL_N**3 / 1e9:.1f} GFLOP), float32 matmul precision"
        f" '{torch.get_float32_matmul_precision()}'",
        "median time of repeated calls after a warm-up call",
        "",
        *_table(cpu, gpu),
    ]
    return "\n".join(lines) + "\n"


def main(force: bool = False, print_only: bool = False) -> str:
    """Measure, print the report and write it to the page's file.

    A stored report with CUDA figures is kept when this machine has no GPU (the
    new figures are printed only), unless `force`."""
    report = measure()
    print(report, end="")
    if print_only:
        return report
    stored = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
    keeps_gpu = bool(GPU_LINE.search(stored)) and not torch.cuda.is_available()
    if keeps_gpu and not force:
        print(f"kept {PROJECT.rel(OUTPUT)}: it holds CUDA figures and this "
              "machine has no GPU (--force overwrites it)")
    else:
        OUTPUT.write_text(report, encoding="utf-8")
        print(f"wrote {PROJECT.rel(OUTPUT)}")
    return report
