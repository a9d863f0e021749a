"""The gpu lane: needs a CUDA device, skipped (saying why) without one.

    pytest -m gpu                      # compare CUDA outputs with NN_name.cuda.out
    pytest -m gpu --refresh-outputs    # capture them (tools/gpu_lane.sh does both)

A snippet whose output depends on the device is shown with its CUDA output,
`NN_name.cuda.out`, in a tab beside the CPU's (tests/test_gpu_outputs.py checks
that the tab appears only once that file exists). The first run on a CUDA
machine, with --refresh-outputs, captures it; until then it does not exist, and
test_cuda_output here fails saying so.
"""

import copy
import os
import signal
import subprocess
import sys

import pytest
import torch
from torch import nn

from tools import harness
from tools.project import PROJECT

pytestmark = [
    pytest.mark.gpu,
    pytest.mark.skipif(
        not torch.cuda.is_available(),
        reason="needs a CUDA device: none found (torch.cuda.is_available() is False)"
        + ("; this run is the CPU lane, which hides CUDA: the GPU lane is pytest -m gpu "
           "(tools/gpu_lane.sh)" if os.environ.get("CUDA_VISIBLE_DEVICES") == "" else ""),
    ),
]

DEVICE_SNIPPETS = harness.device_dependent()
TIMEOUT_S = 300


@pytest.mark.parametrize("snippet", DEVICE_SNIPPETS, ids=lambda s: s.id)
def test_cuda_output(snippet, refresh):
    outcome = harness.check(snippet, device="cuda", refresh=refresh)
    if outcome.problem:
        pytest.fail(outcome.problem, pytrace=False)


@pytest.mark.parametrize("chapter", sorted({s.chapter for s in DEVICE_SNIPPETS}))
def test_cuda_provenance_names_this_gpu(chapter, refresh):
    problem = harness.check_provenance(chapter, device="cuda", refresh=refresh)
    assert not problem, problem


def test_cpu_and_cuda_gradients_agree():
    """The same network, weights and batch: gradients on the CPU and on CUDA agree
    within float32 rounding (rtol 1e-5, atol 1e-7), as the page states."""
    torch.manual_seed(0)
    model_cpu = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(),
                              nn.Linear(64, 1), nn.Sigmoid())
    model_cuda = copy.deepcopy(model_cpu).to("cuda")
    x = torch.randn(256, 32)
    y = (x[:, :4].sum(dim=1, keepdim=True) > 0).float()
    for model, device in ((model_cpu, "cpu"), (model_cuda, "cuda")):
        nn.functional.binary_cross_entropy(model(x.to(device)), y.to(device)).backward()
    for (name, p_cpu), p_cuda in zip(model_cpu.named_parameters(), model_cuda.parameters(),
                                     strict=True):
        g_cpu, g_cuda = p_cpu.grad, p_cuda.grad.cpu()
        assert torch.allclose(g_cpu, g_cuda, rtol=1e-5, atol=1e-7), (
            f"gradient of {name}: CPU and CUDA differ by up to {(g_cpu - g_cuda).abs().max():.3e}"
            f" (float32 matmul precision: {torch.get_float32_matmul_precision()})"
        )


def test_ddp_snippet_under_torchrun_on_cuda():
    """The page's torchrun command on this machine's GPUs (nccl), at most 2 of them."""
    snippet = harness.Snippet(PROJECT.snippets / "gpu-training" / "07_ddp.py")
    gpus = min(2, torch.cuda.device_count())
    command = [sys.executable, "-m", "torch.distributed.run", "--standalone",
               f"--nproc_per_node={gpus}", snippet.display]
    with subprocess.Popen(command, cwd=PROJECT.root, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, start_new_session=True) as proc:
        try:
            stdout, stderr = proc.communicate(timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            stdout, stderr = proc.communicate()
            pytest.fail(f"torchrun on {gpus} GPU(s) did not finish within {TIMEOUT_S} s:\n"
                        f"{stdout}\n{stderr[-4000:]}", pytrace=False)
    assert proc.returncode == 0, f"torchrun on {gpus} GPU(s) failed:\n{stdout}\n{stderr[-4000:]}"
    lines = stdout.splitlines()
    assert lines[0].startswith(f"{gpus} processes on cuda, backend nccl"), stdout
    steps = [line for line in lines if line.startswith("step ")]
    assert steps and all(
        line.endswith("identical in all processes: True, equal to one process: True")
        for line in steps
    ), stdout
