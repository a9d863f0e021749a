"""Figure: training and validation loss per epoch of the tiny GPT, as the training program
printed them, against the loss of uniform guessing, ln V. The training loss of an epoch is the
mean over its steps, taken while the model learned; the one before training was measured on the
whole training set: it is drawn apart, not joined to the others."""

import re

from tools.figures import stored_output

OUTPUT = "tiny-lm/03_train.out"
EPOCH_LINE = re.compile(r"^epoch\s+(?P<epoch>\d+): train loss (?P<train>[-+.\d]+), "
                        r"validation loss (?P<val>[-+.\d]+)", re.MULTILINE)
UNIFORM_LINE = re.compile(r"= (?P<uniform>[-+.\d]+)$", re.MULTILINE)
BEFORE_LINE = re.compile(r"^before training: train loss (?P<train>[-+.\d]+), "
                         r"validation loss (?P<val>[-+.\d]+)", re.MULTILINE)

LABELS = {
    "alt": {
        "en": "Training and validation loss of the tiny GPT before training and after each of its "
              "{epochs} epochs, as the training program printed them. Both start near the loss of "
              "uniform guessing, ln V. The training loss, the mean over each epoch's steps, falls "
              "every epoch; the validation loss, measured after each epoch, is lowest after epoch "
              "{best_epoch} and higher after every later one. The training loss before training is "
              "a measurement on the whole training set, drawn as a separate point.",
        "hi": "छोटे GPT का ट्रेनिंग और वैलिडेशन लॉस, ट्रेनिंग से पहले और उसके {epochs} एपॉक में से हर एक "
              "के बाद, जैसा ट्रेनिंग प्रोग्राम ने छापा। दोनों एकसमान अनुमान के लॉस ln V के पास से शुरू "
              "होते हैं। ट्रेनिंग लॉस, यानी हर एपॉक के क़दमों का औसत, हर एपॉक में घटता है; हर एपॉक के "
              "बाद नापा गया वैलिडेशन लॉस एपॉक {best_epoch} के बाद सबसे कम है और उसके बाद के हर एपॉक "
              "में उससे ज़्यादा। ट्रेनिंग से पहले का ट्रेनिंग लॉस पूरे ट्रेनिंग सेट पर किया गया माप है, "
              "इसलिए वह अलग बिंदु के रूप में दिखाया गया है।",
    },
    "epoch": {"en": "epoch (0 = before training)", "hi": "एपॉक (0 = ट्रेनिंग से पहले)"},
    "loss": {"en": "cross-entropy (nats)", "hi": "क्रॉस-एंट्रॉपी (नैट)"},
    "train": {"en": "training loss: mean over the epoch's steps",
              "hi": "ट्रेनिंग लॉस: एपॉक के क़दमों का औसत"},
    "train_before": {"en": "training loss before training: measured on the whole set",
                     "hi": "ट्रेनिंग से पहले का ट्रेनिंग लॉस: पूरे सेट पर नापा गया"},
    "val": {"en": "validation loss: measured after each epoch",
            "hi": "वैलिडेशन लॉस: हर एपॉक के बाद नापा गया"},
    "uniform": {"en": "uniform guessing, ln V", "hi": "एकसमान अनुमान, ln V"},
    "source": {"en": "values from snippets/tiny-lm/03_train.out",
               "hi": "मान snippets/tiny-lm/03_train.out से"},
}


def values():
    text = stored_output(OUTPUT)
    before = BEFORE_LINE.search(text)
    epochs = [(int(m["epoch"]), float(m["train"]), float(m["val"])) for m in EPOCH_LINE.finditer(text)]
    uniform = UNIFORM_LINE.search(text)
    if not (before and epochs and uniform):
        raise ValueError(f"snippets/{OUTPUT}: no 'before training', 'epoch N' or 'ln(V) = ' lines to draw")
    validation = [float(before["val"])] + [v for _, _, v in epochs]
    return {
        "epoch": [0] + [e for e, _, _ in epochs],
        "epochs": len(epochs),
        "train_loss": [float(before["train"])] + [t for _, t, _ in epochs],
        "validation_loss": validation,
        "best_epoch": validation.index(min(validation)),
        "uniform_loss": float(uniform["uniform"]),
    }


def draw(fig, v, label):
    fig.set_size_inches(6.0, 3.6)
    ax = fig.add_subplot()
    ax.axhline(v["uniform_loss"], color="#9e9e9e", lw=1, ls="--", label=label("uniform"))
    ax.plot(v["epoch"][1:], v["train_loss"][1:], "o-", color="#1565c0", lw=2, label=label("train"))
    ax.plot(v["epoch"], v["validation_loss"], "s-", color="#e65100", lw=2, label=label("val"))
    # drawn last and larger, a ring around the validation point it nearly covers
    ax.plot(v["epoch"][:1], v["train_loss"][:1], "o", color="#1565c0", mfc="none", ms=11, mew=2,
            zorder=4, label=label("train_before"))
    ax.set_xticks(v["epoch"])
    ax.set_xlabel(label("epoch"))
    ax.set_ylabel(label("loss"))
    ax.set_ylim(0, v["uniform_loss"] * 1.15)
    ax.legend(fontsize=7.5, loc="upper right")
    ax.set_title(label("source"), fontsize=8, color="#455a64", loc="left")
