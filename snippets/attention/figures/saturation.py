"""Figure: the softmax weights of one query over its 8 keys for heads of 1024 dimensions, from
the dot products as they are and divided by sqrt(d_h): the first saturates, the second does not."""

import math

import torch

from tools.figures import run_snippet

SNIPPET = "attention/03_why_scale.py"

LABELS = {
    "alt": {
        "en": "Two bar charts of the softmax weights one query gives its {keys} keys, for heads of "
              "{d_h} dimensions. Left, from the dot products q.k as they are: one key gets "
              "{top_unscaled:.3f} and the others almost nothing, softmax is saturated. Right, from "
              "q.k / sqrt(d_h): the largest weight is {top_scaled:.3f} and every key gets a share.",
        "hi": "{d_h} आयामों वाले हेड के लिए, एक क्वेरी अपनी {keys} key को जो सॉफ़्टमैक्स वेट देती है, उनके "
              "दो बार चार्ट। बाएँ, डॉट गुणनफल q.k जैसे के तैसे: एक key को {top_unscaled:.3f} मिलता है "
              "और बाक़ी को लगभग कुछ नहीं, सॉफ़्टमैक्स सैचुरेट है। दाएँ, q.k / sqrt(d_h) से: सबसे बड़ा "
              "वेट {top_scaled:.3f} है और हर key को कुछ हिस्सा मिलता है।",
    },
    "unscaled": {"en": "softmax(q.k), d_h = {d_h}", "hi": "softmax(q.k), d_h = {d_h}"},
    "scaled": {"en": "softmax(q.k / sqrt(d_h)), d_h = {d_h}", "hi": "softmax(q.k / sqrt(d_h)), d_h = {d_h}"},
    "key": {"en": "key s", "hi": "key s"},
    "weight": {"en": "attention weight", "hi": "अटेंशन वेट"},
    "source": {"en": "the first query of snippets/attention/03_why_scale.py",
               "hi": "snippets/attention/03_why_scale.py की पहली क्वेरी"},
}


def values():
    snippet = run_snippet(SNIPPET)  # its loop ends with d_h = 1024
    d_h = snippet["d_h"]
    # the first query's dot products, recomputed in float64 so that the tiny weights are exact
    q, k = snippet["q"][0].double(), snippet["k"][0].double()
    dots = (k * q).sum(dim=-1)
    unscaled = torch.softmax(dots, dim=-1)
    scaled = torch.softmax(dots / math.sqrt(d_h), dim=-1)
    return {
        "d_h": d_h, "keys": len(dots),
        "unscaled": unscaled.tolist(), "scaled": scaled.tolist(),
        "top_unscaled": unscaled.max().item(), "top_scaled": scaled.max().item(),
    }


def draw(fig, v, label):
    fig.set_size_inches(6.0, 2.6)
    axes = fig.subplots(1, 2, sharey=True)
    keys = list(range(v["keys"]))
    for ax, name, colour in zip(axes, ("unscaled", "scaled"), ("#c62828", "#1565c0"), strict=True):
        ax.bar(keys, v[name], color=colour)
        for s, w in zip(keys, v[name], strict=True):
            if w >= 0.05:
                ax.text(s, w + 0.02, f"{w:.2f}", ha="center", fontsize=7)
        ax.set_title(label(name).format(d_h=v["d_h"]), fontsize=9)
        ax.set_xticks(keys)
        ax.set_xlabel(label("key"))
        ax.set_ylim(0, 1.1)
    axes[0].set_ylabel(label("weight"))
    fig.suptitle(label("source"), fontsize=8, color="#455a64", x=0.02, ha="left")
