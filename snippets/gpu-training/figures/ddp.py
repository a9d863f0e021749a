"""Figure: one DDP step: two processes, their gradients, the all-reduce average, equal parameters."""

import re

import torch
from torch import nn

from tools.figures import run_snippet, stored_output

OUTPUT = "gpu-training/07_ddp.out"
HEADER = re.compile(r"^(?P<world>\d+) processes on (?P<device>\w+), backend (?P<backend>\w+), "
                    r"(?P<share>\d+) of the (?P<batch>\d+) examples each$", re.MULTILINE)

LABELS = {
    "alt": {
        "en": "One training step with DistributedDataParallel, as the DDP run did it: each of the "
              "{processes} processes computes the gradient of the output bias b2 on its own {share} of "
              "the {batch} examples; the all-reduce averages the gradients, and that average equals the "
              "gradient of one process on the whole batch; after the SGD step every process holds the "
              "same b2, and all their parameters are equal.",
        "hi": "DistributedDataParallel के साथ ट्रेनिंग का एक क़दम, जैसा DDP रन ने किया: {processes} प्रोसेस में से "
              "हर एक अपने {share} उदाहरणों ({batch} में से) पर आउटपुट बायस b2 का ग्रेडिएंट निकालता है; ऑल-रिड्यूस "
              "ग्रेडिएंट का औसत लेता है, और वह औसत पूरे बैच पर एक प्रोसेस के ग्रेडिएंट के बराबर है; SGD "
              "क़दम के बाद हर प्रोसेस में b2 एक ही है, और उनके सारे पैरामीटर बराबर हैं।",
    },
    "process": {"en": "process {rank}: {share} of {batch} examples",
                "hi": "प्रोसेस {rank}: {batch} में से {share} उदाहरण"},
    "grad": {"en": "gradient of b2: {g:.6f}", "hi": "b2 का ग्रेडिएंट: {g:.6f}"},
    "allreduce": {"en": "all-reduce: average {g:.6f}", "hi": "ऑल-रिड्यूस: औसत {g:.6f}"},
    "whole": {"en": "one process, whole batch: {g:.6f}", "hi": "एक प्रोसेस, पूरा बैच: {g:.6f}"},
    "after": {"en": "after the step (lr {lr:g}): b2 = {b:.6f}", "hi": "क़दम के बाद (lr {lr:g}): b2 = {b:.6f}"},
    "equal": {"en": "all parameters equal in both processes: {equal}",
              "hi": "दोनों प्रोसेस में सारे पैरामीटर बराबर: {equal}"},
}


def _gradients(model, x, y):
    model.zero_grad()
    nn.functional.binary_cross_entropy(model(x), y).backward()
    return [p.grad.clone() for p in model.parameters()]


def values():
    header = HEADER.search(stored_output(OUTPUT))
    if header is None:
        raise ValueError(f"snippets/{OUTPUT}: its first line does not name the processes and the batch")
    world = int(header["world"])
    snippet = run_snippet("gpu-training/07_ddp.py")  # defines its functions; starts no process here
    grads, start = [], None
    for rank in range(world):  # what each process computes on its share (rank r: r, r+N, ...)
        model, x, y = snippet["model_and_batch"]()
        start = [p.detach().clone() for p in model.parameters()]
        share = slice(rank, None, world)
        grads.append(_gradients(model, x[share], y[share]))
    average = [sum(g[i] for g in grads) / world for i in range(len(start))]  # the all-reduce
    model, x, y = snippet["model_and_batch"]()
    whole = _gradients(model, x, y)
    after = [[p - snippet["LR"] * g for p, g in zip(start, average, strict=True)] for _ in range(world)]
    b2 = len(start) - 1  # the output layer's bias, one number
    return {
        "processes": world, "backend": header["backend"], "share": int(header["share"]),
        "batch": int(header["batch"]), "lr": snippet["LR"],
        "b2_gradient": [g[b2].item() for g in grads],
        "b2_average": average[b2].item(), "b2_whole_batch": whole[b2].item(),
        "b2_after": [a[b2].item() for a in after],
        "average_equals_whole_batch": all(torch.allclose(a, w, rtol=1e-5, atol=1e-7)
                                          for a, w in zip(average, whole, strict=True)),
        "parameters_equal": all(torch.equal(p, q) for p, q in zip(after[0], after[-1], strict=True)),
    }


def draw(fig, v, label):
    fig.set_size_inches(7.4, 3.0)
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 6)
    box = lambda colour: {"boxstyle": "round,pad=0.45", "facecolor": colour, "edgecolor": "#37474f"}  # noqa: E731
    arrow = {"arrowstyle": "->", "color": "#546e7a", "lw": 1.3}
    for rank in range(v["processes"]):
        y = 4.8 - rank * 3.6 / max(v["processes"] - 1, 1)
        ax.text(0.1, y, label("process").format(rank=rank, share=v["share"], batch=v["batch"]) + "\n"
                + label("grad").format(g=v["b2_gradient"][rank]), fontsize=8.5, va="center",
                bbox=box("#bbdefb"))
        ax.annotate("", xy=(3.6, 3.0), xytext=(2.6, y + (0.35 if y < 3 else -0.35)), arrowprops=arrow)
        ax.annotate("", xy=(6.6, y), xytext=(6.55, 3.0), arrowprops=arrow)
        ax.text(6.7, y, label("after").format(lr=v["lr"], b=v["b2_after"][rank]), fontsize=8.5, va="center",
                bbox=box("#c8e6c9"))
    ax.text(5.1, 3.0, label("allreduce").format(g=v["b2_average"]), fontsize=8.5, ha="center", va="center",
            bbox=box("#ffe0b2"))
    ax.text(5.1, 2.2, label("whole").format(g=v["b2_whole_batch"]), fontsize=8, ha="center", va="center",
            color="#37474f")
    ax.text(5.1, 0.25, label("equal").format(equal=v["parameters_equal"]), fontsize=8.5, ha="center",
            fontweight="bold")
