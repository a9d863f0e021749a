"""Figure: the training loop's mean loss per epoch, as the loop printed it."""

import re

from tools.figures import stored_output

OUTPUT = "backprop/04_training_loop.out"
EPOCH_LINE = re.compile(r"^epoch\s+(?P<epoch>\d+)\s+mean loss\s+(?P<loss>[-+.\d]+)\s*$", re.MULTILINE)

LABELS = {
    "alt": {
        "en": "The mean loss of each epoch of the training loop, as the loop printed it, falling "
              "epoch by epoch from the first epoch to the last.",
        "hi": "ट्रेनिंग लूप के हर एपॉक का औसत लॉस, जैसा लूप ने छापा: पहले एपॉक से आख़िरी एपॉक तक "
              "हर एपॉक के साथ घटता हुआ।",
    },
    "epoch": {"en": "epoch", "hi": "एपॉक"},
    "loss": {"en": "mean loss", "hi": "औसत लॉस"},
    "source": {"en": "values from snippets/backprop/04_training_loop.out",
               "hi": "मान snippets/backprop/04_training_loop.out से"},
}


def values():
    found = [(int(m["epoch"]), float(m["loss"])) for m in EPOCH_LINE.finditer(stored_output(OUTPUT))]
    if not found:
        raise ValueError(f"snippets/{OUTPUT}: no 'epoch N  mean loss X' lines to draw")
    return {"epoch": [e for e, _ in found], "mean_loss": [x for _, x in found]}


def draw(fig, v, label):
    fig.set_size_inches(6.0, 3.3)
    ax = fig.add_subplot()
    ax.plot(v["epoch"], v["mean_loss"], "o-", color="#1565c0", lw=2)
    for e, x in zip(v["epoch"], v["mean_loss"], strict=True):
        ax.annotate(f"{x:.4f}", (e, x), textcoords="offset points", xytext=(4, 6), fontsize=7.5)
    ax.set_xticks(v["epoch"])
    ax.set_xlabel(label("epoch"))
    ax.set_ylabel(label("loss"))
    ax.set_ylim(0, max(v["mean_loss"]) * 1.15)
    ax.set_title(label("source"), fontsize=8, color="#455a64", loc="left")
