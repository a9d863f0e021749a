"""Train the small network with DistributedDataParallel, one process per device.

On a machine with N GPUs:   torchrun --nproc_per_node=N snippets/gpu-training/07_ddp.py
Started plainly with python, it starts 2 CPU processes itself (backend gloo).
"""

import os
import socket

import torch
import torch.distributed as dist
import torch.distributed.nn  # noqa: F401 - loaded before any group exists: see the end of run()
import torch.multiprocessing as mp
from torch import nn
from torch.nn.parallel import DistributedDataParallel

BATCH, STEPS, LR = 16, 3, 0.5


def model_and_batch():
    torch.manual_seed(0)  # every process builds the same start and the same whole batch
    model = nn.Sequential(nn.Linear(10, 5), nn.ReLU(), nn.Linear(5, 1), nn.Sigmoid())
    x = torch.randn(BATCH, 10)
    return model, x, (x.sum(dim=1, keepdim=True) > 0).float()


def train(model, x, y):
    """Plain SGD steps; return the parameters after each step, as one flat tensor each."""
    optimizer = torch.optim.SGD(model.parameters(), lr=LR)
    history = []
    for _ in range(STEPS):
        optimizer.zero_grad()
        nn.functional.binary_cross_entropy(model(x), y).backward()
        optimizer.step()
        history.append(torch.cat([p.detach().flatten() for p in model.parameters()]))
    return history


def train_ddp(rank, world_size, device):
    """One process's part: its share of the batch. In backward(), DDP averages the
    gradients of all processes, so every process takes the same step."""
    model, x, y = model_and_batch()
    assert BATCH % world_size == 0, "BATCH must be divisible by the number of processes"
    share = slice(rank, None, world_size)  # rank r takes examples r, r+N, r+2N, ...
    return train(DistributedDataParallel(model.to(device)), x[share].to(device), y[share].to(device))


def run(rank, world_size, init_method, device):
    backend = "nccl" if device.type == "cuda" else "gloo"
    dist.init_process_group(backend, init_method=init_method, rank=rank, world_size=world_size)
    history = train_ddp(rank, world_size, device)
    if rank == 0:
        print(f"{world_size} processes on {device.type}, backend {backend}, "
              f"{BATCH // world_size} of the {BATCH} examples each")
        reference = train(*model_and_batch())  # one process, the whole batch
    for step, params in enumerate(history, start=1):
        everyone = [torch.empty_like(params) for _ in range(world_size)]
        dist.all_gather(everyone, params)  # every process's parameters, to compare them
        if rank == 0:
            same = all(torch.equal(p, params) for p in everyone)
            close = torch.allclose(params.cpu(), reference[step - 1], rtol=1e-5, atol=1e-7)
            print(f"step {step}: identical in all processes: {same}, equal to one process: {close}")
    dist.barrier()  # all are done before any tears down (rank 0 also hosts the rendezvous)
    # Ends the group and its threads, as long as nothing else holds it. torch.distributed.nn, once
    # loaded, holds the group that existed then (as its functions' default); loaded at the top,
    # before any group, it holds none. DDP and the first optimizer step would load it later, and
    # the group's threads would then live on until the interpreter's exit, which they can abort.
    dist.destroy_process_group()


if __name__ == "__main__":
    if "RANK" in os.environ:  # started by torchrun, which sets RANK, WORLD_SIZE, LOCAL_RANK
        local_rank = int(os.environ["LOCAL_RANK"])
        device = torch.device("cuda", local_rank) if torch.cuda.is_available() else torch.device("cpu")
        if device.type == "cuda":
            torch.cuda.set_device(device)
        run(int(os.environ["RANK"]), int(os.environ["WORLD_SIZE"]), "env://", device)
    else:  # started plainly: 2 CPU processes that meet on a free local port
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        mp.spawn(run, args=(2, f"tcp://127.0.0.1:{port}", torch.device("cpu")), nprocs=2)
