"""Figure: training and validation loss per epoch of the tiny language model, as the training
snippet printed them, against the loss of uniform guessing, ln V."""

import re

from tools.figures import stored_output

OUTPUT = "tiny-lm/05_train.out"
EPOCH_LINE = re.compile(r"^epoch\s+(?P<epoch>\d+): train loss (?P<train>[-+.\d]+), "
                        r"validation loss (?P<val>[-+.\d]+)", re.MULTILINE)
UNIFORM_LINE = re.compile(r"= (?P<uniform>[-+.\d]+)$", re.MULTILINE)
BEFORE_LINE = re.compile(r"^before training: train loss (?P<train>[-+.\d]+), "
                         r"validation loss (?P<val>[-+.\d]+)$", re.MULTILINE)

LABELS = {
    "alt": {
        "en": "Training and validation loss of the tiny language model before training and after "
              "each epoch, as the training snippet printed them: both start near the loss of "
              "uniform guessing, ln V, and fall epoch by epoch, the training loss faster.",
        "hi": "छोटे लैंग्वेज मॉडल का ट्रेनिंग और वैलिडेशन लॉस, ट्रेनिंग से पहले और हर एपॉक के बाद, "
              "जैसा ट्रेनिंग वाले स्निपेट ने छापा: दोनों एक समान अनुमान के लॉस ln V के पास से शुरू "
              "होते हैं और हर एपॉक के साथ घटते हैं, ट्रेनिंग लॉस ज़्यादा तेज़ी से।",
    },
    "epoch": {"en": "epoch (0 = before training)", "hi": "एपॉक (0 = ट्रेनिंग से पहले)"},
    "loss": {"en": "cross-entropy (nats)", "hi": "क्रॉस-एंट्रॉपी (नैट)"},
    "train": {"en": "training loss", "hi": "ट्रेनिंग लॉस"},
    "val": {"en": "validation loss", "hi": "वैलिडेशन लॉस"},
    "uniform": {"en": "uniform guessing, ln V", "hi": "एक समान अनुमान, ln V"},
    "source": {"en": "values from snippets/tiny-lm/05_train.out",
               "hi": "मान snippets/tiny-lm/05_train.out से"},
}


def values():
    text = stored_output(OUTPUT)
    before = BEFORE_LINE.search(text)
    epochs = [(int(m["epoch"]), float(m["train"]), float(m["val"])) for m in EPOCH_LINE.finditer(text)]
    uniform = UNIFORM_LINE.search(text)
    if not (before and epochs and uniform):
        raise ValueError(f"snippets/{OUTPUT}: no 'before training', 'epoch N' or 'ln(V) = ' lines to draw")
    return {
        "epoch": [0] + [e for e, _, _ in epochs],
        "train_loss": [float(before["train"])] + [t for _, t, _ in epochs],
        "validation_loss": [float(before["val"])] + [v for _, _, v in epochs],
        "uniform_loss": float(uniform["uniform"]),
    }


def draw(fig, v, label):
    fig.set_size_inches(6.0, 3.3)
    ax = fig.add_subplot()
    ax.axhline(v["uniform_loss"], color="#9e9e9e", lw=1, ls="--", label=label("uniform"))
    ax.plot(v["epoch"], v["train_loss"], "o-", color="#1565c0", lw=2, label=label("train"))
    ax.plot(v["epoch"], v["validation_loss"], "s-", color="#e65100", lw=2, label=label("val"))
    ax.set_xticks(v["epoch"])
    ax.set_xlabel(label("epoch"))
    ax.set_ylabel(label("loss"))
    ax.set_ylim(0, v["uniform_loss"] * 1.12)
    ax.legend(fontsize=8, loc="upper right")
    ax.set_title(label("source"), fontsize=8, color="#455a64", loc="left")
