"""Figure: the one-hidden-layer network of the page with the shape of every tensor."""

import torch

from tools.figures import run_snippet

LABELS = {
    "alt": {
        "en": "The network of the page, Linear, ReLU, Linear, Sigmoid, drawn as {units[0]} input units, "
              "{units[1]} hidden units and {units[2]} output unit, with the shape of every tensor: the input "
              "x {x}, W1 {W1} and b1 {b1}, the hidden activation h {h}, W2 {W2} and b2 {b2}, the output "
              "y_hat {y_hat}, the label y {y} and the loss, a scalar {loss}.",
        "hi": "पेज का नेटवर्क, Linear, ReLU, Linear, Sigmoid: {units[0]} इनपुट यूनिट, {units[1]} हिडन यूनिट "
              "और {units[2]} आउटपुट यूनिट, हर टेंसर के शेप के साथ: इनपुट x {x}, W1 {W1} और b1 {b1}, "
              "हिडन ऐक्टिवेशन h {h}, W2 {W2} और b2 {b2}, आउटपुट y_hat {y_hat}, लेबल y {y} और लॉस, "
              "एक स्केलर {loss}।",
    },
    "input": {"en": "input", "hi": "इनपुट"},
    "hidden": {"en": "hidden layer", "hi": "हिडन लेयर"},
    "output": {"en": "output", "hi": "आउटपुट"},
    "label": {"en": "label", "hi": "लेबल"},
    "loss": {"en": "loss (scalar)", "hi": "लॉस (स्केलर)"},
}


def values():
    snippet = run_snippet("backprop/01_one_training_step.py")
    model, x, y = snippet["model"], snippet["x"], snippet["y"]
    with torch.no_grad():
        z1 = model[0](x)
        h = model[1](z1)
        y_hat = model[3](model[2](h))
    params = dict(model.named_parameters())
    shape = lambda t: str(tuple(t.shape))  # noqa: E731  # as the tensors chapter writes it: (5, 10), (5,), ()
    return {
        "x": shape(x), "W1": shape(params["0.weight"]), "b1": shape(params["0.bias"]), "h": shape(h),
        "W2": shape(params["2.weight"]), "b2": shape(params["2.bias"]), "y_hat": shape(y_hat),
        "y": shape(y), "loss": shape(snippet["loss"]),
        "units": [x.shape[1], h.shape[1], y_hat.shape[1]],
    }


def draw(fig, v, label):
    fig.set_size_inches(7.6, 4.2)
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_xlim(-0.9, 4.6)
    ax.set_ylim(-1.6, 1.25)
    layers = v["units"]
    columns = [0, 1.6, 3.2]
    ys = [[(k - (n - 1) / 2) * 0.18 for k in range(n)] for n in layers]
    layers_xy = list(zip(columns, ys, strict=True))
    for (xa, ya), (xb, yb) in zip(layers_xy, layers_xy[1:], strict=False):  # each layer with the next
        for p in ya:
            for q in yb:
                ax.plot([xa, xb], [p, q], color="#b0bec5", lw=0.6, zorder=1)
    colours = ["#bbdefb", "#ffe0b2", "#c8e6c9"]
    for x, column, colour in zip(columns, ys, colours, strict=True):
        ax.scatter([x] * len(column), column, s=90, color=colour, edgecolor="#37474f", zorder=2)
    below = -1.05
    ax.text(0, below, f"{label('input')}\nx {v['x']}", ha="center", va="top", fontsize=9)
    ax.text(1.6, below, f"{label('hidden')}\nh = ReLU(x W1ᵀ + b1)\nh {v['h']}", ha="center", va="top",
            fontsize=9)
    ax.text(3.2, below, f"{label('output')}\ny_hat = σ(h W2ᵀ + b2)\ny_hat {v['y_hat']}", ha="center",
            va="top", fontsize=9)
    ax.text(0.8, 1.08, f"W1 {v['W1']}\nb1 {v['b1']}", ha="center", fontsize=9, color="#0d47a1")
    ax.text(2.4, 1.08, f"W2 {v['W2']}\nb2 {v['b2']}", ha="center", fontsize=9, color="#0d47a1")
    ax.text(4.25, 0.35, f"{label('label')}\ny {v['y']}", ha="center", va="center", fontsize=9)
    ax.text(4.25, -0.45, f"{label('loss')}\nBCE {v['loss']}", ha="center", va="center", fontsize=9,
            bbox={"boxstyle": "round,pad=0.3", "facecolor": "#fff3e0", "edgecolor": "#e65100"})
    ax.annotate("", xy=(4.0, -0.3), xytext=(3.35, 0), arrowprops={"arrowstyle": "->", "color": "#546e7a"})
    ax.annotate("", xy=(4.25, -0.22), xytext=(4.25, 0.15),
                arrowprops={"arrowstyle": "->", "color": "#546e7a"})
