"""Figure: float32, bfloat16 and float16 on a number line: range and spacing, from torch.finfo."""

import math

import torch

FORMATS = ("float32", "bfloat16", "float16")

LABELS = {
    "alt": {
        "en": "The positive normal numbers that float32, bfloat16 and float16 can hold, on a "
              "logarithmic number line: float32 from {float32[smallest_normal]:.2g} to "
              "{float32[max]:.3g}, bfloat16 from {bfloat16[smallest_normal]:.2g} to {bfloat16[max]:.3g}, "
              "float16 only from {float16[smallest_normal]:.2g} to {float16[max]:g}. The spacing next "
              "to 1 (eps) is {float32[eps]:.2g} for float32, {bfloat16[eps]:.2g} for bfloat16 and "
              "{float16[eps]:.2g} for float16: bfloat16 keeps float32's range but fewer digits.",
        "hi": "float32, bfloat16 और float16 जिन धनात्मक सामान्य संख्याओं को रख सकते हैं, वे "
              "लघुगणकीय संख्या रेखा पर: float32 {float32[smallest_normal]:.2g} से {float32[max]:.3g} तक, "
              "bfloat16 {bfloat16[smallest_normal]:.2g} से {bfloat16[max]:.3g} तक, float16 केवल "
              "{float16[smallest_normal]:.2g} से {float16[max]:g} तक। 1 के बाद का अंतर (eps) float32 के "
              "लिए {float32[eps]:.2g}, bfloat16 के लिए {bfloat16[eps]:.2g} और float16 के लिए "
              "{float16[eps]:.2g} है: bfloat16 में float32 जितनी रेंज है, पर कम अंक।",
    },
    "axis": {"en": "magnitude (powers of ten)", "hi": "परिमाण (दस की घात)"},
    "range": {"en": "range {tiny:.2g} … {max:.4g}", "hi": "रेंज {tiny:.2g} … {max:.4g}"},
    "spacing": {"en": "spacing next to 1: {eps:.2g} ({bits} bits)",
                "hi": "1 के बाद का अंतर: {eps:.2g} ({bits} बिट)"},
    "one": {"en": "1", "hi": "1"},
}


def values():
    found = {}
    for name in FORMATS:
        info = torch.finfo(getattr(torch, name))
        found[name] = {"bits": info.bits, "max": info.max, "smallest_normal": info.smallest_normal,
                       "eps": info.eps, "digits": info.resolution}
    return found


def draw(fig, v, label):
    fig.set_size_inches(7.4, 3.0)
    ax = fig.add_subplot()
    colours = {"float32": "#1565c0", "bfloat16": "#2e7d32", "float16": "#e65100"}
    for row, name in enumerate(reversed(FORMATS)):
        f = v[name]
        low, high = math.log10(f["smallest_normal"]), math.log10(f["max"])
        ax.barh(row, high - low, left=low, height=0.42, color=colours[name], alpha=0.85)
        ax.text(low, row + 0.3, f"{name}: " + label("range").format(tiny=f["smallest_normal"], max=f["max"]),
                fontsize=8.5, va="bottom")
        ax.text(high, row - 0.3, label("spacing").format(eps=f["eps"], bits=f["bits"]), fontsize=8,
                va="top", ha="right", color="#37474f")
    ax.axvline(0, color="#c62828", lw=1)
    ax.text(0.4, len(FORMATS) - 0.45, label("one"), color="#c62828", fontsize=9)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.set_xlim(-42, 42)
    ax.set_ylim(-0.7, len(FORMATS) - 0.2)
    ax.set_xticks(range(-40, 41, 10))
    ax.set_xticklabels([f"1e{k}" if k else "1" for k in range(-40, 41, 10)], fontsize=8)
    ax.set_xlabel(label("axis"))
