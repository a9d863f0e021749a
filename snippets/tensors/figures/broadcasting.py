"""Figure: how broadcasting lines shapes up from the right, for the two sums of
snippets/tensors/09_broadcasting.py: (3, 1) + (4,) and (B, T, d) + (T, d)."""

from tools.figures import run_snippet

LABELS = {
    "alt": {
        "en": "Broadcasting lines shapes up from the right. {pairs[0][a]} + {pairs[0][b]} gives "
              "{pairs[0][result]}: the missing dimension of {pairs[0][b]} counts as 1, and every 1 is "
              "stretched to the other size. {pairs[1][a]} + {pairs[1][b]} gives {pairs[1][result]}: the "
              "position table gets a leading 1, stretched over the batch, so every sequence gets the "
              "same rows.",
        "hi": "ब्रॉडकास्टिंग शेप को दाईं ओर से मिलाती है। {pairs[0][a]} + {pairs[0][b]} से "
              "{pairs[0][result]} मिलता है: {pairs[0][b]} का छूटा हुआ आयाम 1 गिना जाता है, और हर 1 "
              "दूसरे आकार तक फैल जाता है। {pairs[1][a]} + {pairs[1][b]} से {pairs[1][result]} मिलता है: "
              "स्थान वाली तालिका के आगे 1 लगता है, जो बैच पर फैलता है, इसलिए हर क्रम को वही पंक्तियाँ "
              "मिलती हैं।",
    },
    "title0": {"en": "a column plus a row", "hi": "एक स्तंभ और एक पंक्ति का जोड़"},
    "title1": {"en": "position vectors added to a batch", "hi": "बैच में स्थान वाले वेक्टर जोड़ना"},
    "result": {"en": "result", "hi": "नतीजा"},
    "legend_same": {"en": "sizes equal", "hi": "आकार बराबर"},
    "legend_one": {"en": "size 1: stretched", "hi": "आकार 1: फैलाया गया"},
    "legend_missing": {"en": "missing: counts as 1", "hi": "छूटा हुआ: 1 गिना गया"},
    "align": {"en": "shapes lined up from the right", "hi": "शेप दाईं ओर से मिलाए गए"},
}

SAME, ONE, MISSING = "#bbdefb", "#ffe0b2", "#eceff1"


def _pair(names, a, b, result):
    return {"names": names, "a": list(a.shape), "b": list(b.shape), "result": list(result.shape)}


def values():
    s = run_snippet("tensors/09_broadcasting.py")
    return {"pairs": [
        _pair(["column", "row"], s["column"], s["row"], s["table"]),
        _pair(["tokens (B, T, d)", "positions (T, d)"], s["tokens"], s["positions"], s["together"]),
    ]}


def _box(ax, x, y, text, colour, dashed=False):
    from matplotlib.patches import Rectangle

    ax.add_patch(Rectangle((x, y), 0.9, 0.7, facecolor=colour, edgecolor="#37474f", linewidth=1,
                           linestyle="--" if dashed else "-"))
    ax.text(x + 0.45, y + 0.35, text, ha="center", va="center", fontsize=11)


def _panel(ax, pair, title, label):
    rank = len(pair["result"])
    ax.set_xlim(-3.2, rank + 0.2)
    ax.set_ylim(-0.4, 3.9)
    ax.set_axis_off()
    ax.set_title(title, fontsize=10, loc="left")
    rows = [(pair["names"][0], pair["a"]), (pair["names"][1], pair["b"]), (label("result"), pair["result"])]
    for r, (name, shape) in enumerate(rows):
        y = 2.6 - r * 1.1
        ax.text(-0.2, y + 0.35, name, ha="right", va="center", fontsize=10,
                fontweight="bold" if r == 2 else "normal")
        padded = [None] * (rank - len(shape)) + shape  # lined up from the right
        for i, size in enumerate(padded):
            full = pair["result"][i]
            if r == 2:
                _box(ax, i, y, str(size), SAME)
            elif size is None:
                _box(ax, i, y, f"1→{full}", MISSING, dashed=True)
            elif size == 1 and full != 1:
                _box(ax, i, y, f"1→{full}", ONE)
            else:
                _box(ax, i, y, str(size), SAME)
    ax.plot([-0.1, rank + 0.1], [1.38, 1.38], color="#37474f", lw=1)


def draw(fig, values, label):
    from matplotlib.patches import Patch

    fig.set_size_inches(6.4, 3.0)
    axes = fig.subplots(1, 2, width_ratios=[5.4, 6.4])
    for ax, pair, key in zip(axes, values["pairs"], ("title0", "title1"), strict=True):
        _panel(ax, pair, label(key), label)
    fig.legend(handles=[Patch(facecolor=SAME, edgecolor="#37474f", label=label("legend_same")),
                        Patch(facecolor=ONE, edgecolor="#37474f", label=label("legend_one")),
                        Patch(facecolor=MISSING, edgecolor="#37474f", linestyle="--",
                              label=label("legend_missing"))],
               loc="outside lower center", ncols=3, fontsize=9, frameon=False)
    fig.suptitle(label("align"), fontsize=10, x=0.98, ha="right", color="#455a64")
