"""Figure: the loss as a function of w, its tangent (autograd) and a central-difference secant."""

import torch

from tools.figures import run_snippet

# A step large enough to see: with the snippet's h = 1e-6 the secant lies on the tangent.
VISIBLE_STEP = 0.6

LABELS = {
    "alt": {
        "en": "The loss L as a function of the weight w near w = {w:g}, with two straight lines: the "
              "tangent at w = {w:g}, whose slope {autograd_slope:.5f} is the gradient autograd computes, "
              "and the secant through the points at w - h and w + h for a large step h = {big_h:g}, "
              "whose slope {secant_slope:.5f} is the central difference. As h shrinks the secant turns "
              "into the tangent: with the snippet's h = {h:g} its slope is {small_step_slope:.8f}.",
        "hi": "w = {w:g} के आसपास वेट w के फ़ंक्शन के रूप में लॉस L, दो सीधी रेखाओं के साथ: w = {w:g} "
              "पर स्पर्श रेखा, जिसका ढलान {autograd_slope:.5f} वही ग्रेडिएंट है जो autograd निकालता है, "
              "और बड़े क़दम h = {big_h:g} के लिए w - h और w + h वाले बिंदुओं से गुज़रती छेदक रेखा, जिसका "
              "ढलान {secant_slope:.5f} केंद्रीय अंतर है। h घटने पर छेदक रेखा स्पर्श रेखा बन जाती है: "
              "स्निपेट के h = {h:g} पर उसका ढलान {small_step_slope:.8f} है।",
    },
    "loss": {"en": "loss L(w)", "hi": "लॉस L(w)"},
    "tangent": {"en": "tangent: autograd dL/dw = {slope:.5f}",
                "hi": "स्पर्श रेखा: autograd dL/dw = {slope:.5f}"},
    "secant": {"en": "secant, h = {h:g}: slope {slope:.5f}", "hi": "छेदक रेखा, h = {h:g}: ढलान {slope:.5f}"},
    "small": {"en": "with h = {h:g} (the snippet): slope {slope:.8f}",
              "hi": "h = {h:g} (स्निपेट) पर: ढलान {slope:.8f}"},
    "weight": {"en": "weight w", "hi": "वेट w"},
}


def values():
    snippet = run_snippet("autograd/04_finite_differences.py")
    loss_at, w, b, h = snippet["loss_at"], snippet["w"], snippet["b"], snippet["h"]
    with torch.no_grad():
        ws = torch.linspace(w.item() - 1.6, w.item() + 1.6, 41, dtype=torch.float64)
        curve = [loss_at(torch.tensor([v], dtype=torch.float64), b).item() for v in ws]
        big = VISIBLE_STEP
        left, right = loss_at(w - big, b).item(), loss_at(w + big, b).item()
    return {
        "w": w.item(), "loss": loss_at(w, b).item(), "autograd_slope": w.grad.item(),
        "h": h, "small_step_slope": snippet["numeric_w"].item(),
        "big_h": big, "loss_left": left, "loss_right": right, "secant_slope": (right - left) / (2 * big),
        "w_grid": ws.tolist(), "curve": curve,
    }


def draw(fig, v, label):
    fig.set_size_inches(6.4, 3.6)
    ax = fig.add_subplot()
    ax.plot(v["w_grid"], v["curve"], color="#1565c0", lw=2, label=label("loss"))
    reach = 1.3
    ws = [v["w"] - reach, v["w"] + reach]
    ax.plot(ws, [v["loss"] + (x - v["w"]) * v["autograd_slope"] for x in ws], color="#e65100", lw=1.6,
            label=label("tangent").format(slope=v["autograd_slope"]))
    ax.plot(ws, [v["loss_left"] + (x - v["w"] + v["big_h"]) * v["secant_slope"] for x in ws], color="#6a1b9a",
            lw=1.4, ls="--", label=label("secant").format(h=v["big_h"], slope=v["secant_slope"]))
    ax.plot([v["w"] - v["big_h"], v["w"] + v["big_h"]], [v["loss_left"], v["loss_right"]], "s",
            color="#6a1b9a")
    ax.plot([v["w"]], [v["loss"]], "o", color="#c62828")
    ax.plot([], [], " ", label=label("small").format(h=v["h"], slope=v["small_step_slope"]))
    ax.set_xlabel(label("weight"))
    ax.set_ylabel("L")
    ax.legend(loc="upper right", fontsize=8, frameon=False)
