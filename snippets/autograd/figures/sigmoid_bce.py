"""Figure: the sigmoid and the BCE loss as curves, with the worked example's point and tangent."""

import torch
import torch.nn.functional as F

from tools.figures import run_snippet

LABELS = {
    "alt": {
        "en": "Two curves. Left: the sigmoid a = σ(z) for z from -6 to 6, with the worked example's "
              "point z = {z:.2f}, a = {a:.4f} and the tangent there, whose slope is a(1 - a) = "
              "{sigmoid_slope:.4f}. Right: the binary cross-entropy L against the prediction a for the "
              "label y = {y:g}, with the point a = {a:.4f}, L = {loss:.4f} and its tangent, slope "
              "(a - y) / (a(1 - a)) = {bce_slope:.4f}.",
        "hi": "दो वक्र। बाएँ: z = -6 से 6 तक सिग्मॉइड a = σ(z), उदाहरण के बिंदु z = {z:.2f}, "
              "a = {a:.4f} और वहाँ की स्पर्श रेखा के साथ, जिसका ढलान a(1 - a) = {sigmoid_slope:.4f} है। "
              "दाएँ: लेबल y = {y:g} के लिए अनुमान a के सापेक्ष बाइनरी क्रॉस-एंट्रॉपी L, बिंदु a = {a:.4f}, "
              "L = {loss:.4f} और उसकी स्पर्श रेखा के साथ, ढलान (a - y) / (a(1 - a)) = {bce_slope:.4f}।",
    },
    "sigmoid": {"en": "sigmoid a = σ(z)", "hi": "सिग्मॉइड a = σ(z)"},
    "bce": {"en": "binary cross-entropy, label y = {y:g}", "hi": "बाइनरी क्रॉस-एंट्रॉपी, लेबल y = {y:g}"},
    "tangent": {"en": "tangent, slope {slope:.4f}", "hi": "स्पर्श रेखा, ढलान {slope:.4f}"},
    "point": {"en": "the example", "hi": "उदाहरण"},
    "prediction": {"en": "prediction a", "hi": "अनुमान a"},
    "loss": {"en": "loss L", "hi": "लॉस L"},
}


def _slope(function, at):
    """The derivative of a scalar function at a point, by autograd."""
    point = torch.tensor(at, dtype=torch.float64, requires_grad=True)
    function(point).backward()
    return point.grad.item()


def values():
    snippet = run_snippet("autograd/03_manual_gradients.py")
    z, a, y, loss = (snippet[k].item() for k in ("z", "a", "y", "loss"))
    zs = torch.linspace(-6, 6, 49, dtype=torch.float64)
    As = torch.linspace(0.02, 0.995, 40, dtype=torch.float64)
    target = torch.full_like(As, y)
    return {
        "z": z, "a": a, "y": y, "loss": loss,
        "sigmoid_slope": _slope(torch.sigmoid, z),
        "bce_slope": _slope(lambda p: F.binary_cross_entropy(p, torch.tensor(y, dtype=torch.float64)), a),
        "z_grid": zs.tolist(), "sigmoid": torch.sigmoid(zs).tolist(),
        "a_grid": As.tolist(), "bce": F.binary_cross_entropy(As, target, reduction="none").tolist(),
    }


def draw(fig, v, label):
    fig.set_size_inches(7.6, 4.4)
    left, right = fig.subplots(1, 2)
    left.plot(v["z_grid"], v["sigmoid"], color="#1565c0", lw=2, label=label("sigmoid"))
    span = 2.2
    left.plot([v["z"] - span, v["z"] + span],
              [v["a"] - span * v["sigmoid_slope"], v["a"] + span * v["sigmoid_slope"]],
              color="#e65100", lw=1.5, ls="--", label=label("tangent").format(slope=v["sigmoid_slope"]))
    left.plot([v["z"]], [v["a"]], "o", color="#c62828",
              label=f"{label('point')}: z = {v['z']:.2f}, a = {v['a']:.4f}")
    left.set_xlabel("z")
    left.set_ylabel("a")
    left.set_ylim(-0.05, 1.15)
    # Legends under the plots, in the size of the axis labels: readable where the figure is shown.
    legend = {"loc": "upper center", "bbox_to_anchor": (0.5, -0.2), "fontsize": 9.5, "frameon": False}
    left.legend(**legend)

    right.plot(v["a_grid"], v["bce"], color="#1565c0", lw=2, label=label("bce").format(y=v["y"]))
    span = 0.35
    end = min(v["a"] + span, 1.0)
    right.plot([v["a"] - span, end],
               [v["loss"] - span * v["bce_slope"], v["loss"] + (end - v["a"]) * v["bce_slope"]],
               color="#e65100", lw=1.5, ls="--", label=label("tangent").format(slope=v["bce_slope"]))
    right.plot([v["a"]], [v["loss"]], "o", color="#c62828",
               label=f"{label('point')}: a = {v['a']:.4f}, L = {v['loss']:.4f}")
    right.set_xlabel(label("prediction"))
    right.set_ylabel(label("loss"))
    right.legend(**legend)
