"""Figure: an embedding lookup. The ids pick rows of the table W; a one-hot row times W picks the
same row; the gradient reaches only the rows that were picked
(snippets/text-to-vectors/04_embedding.py)."""

from tools.figures import run_snippet

LABELS = {
    "alt": {
        "en": "An embedding table W with {V} rows of {d} numbers. The ids {ids} pick rows {ids} of W, "
              "in that order, as the output of the lookup. The one-hot vector of id {ids[0]} times W "
              "gives the same row. After backward, only rows {grad_rows} of W have a gradient.",
        "hi": "{V} पंक्तियों वाली एम्बेडिंग तालिका W, हर पंक्ति में {d} संख्याएँ। id {ids} उसी क्रम में W "
              "की पंक्तियाँ {ids} चुनते हैं, और यही लुकअप का आउटपुट है। id {ids[0]} का वन-हॉट वेक्टर गुणा W "
              "वही पंक्ति देता है। backward के बाद सिर्फ़ W की पंक्तियों {grad_rows} का ग्रेडिएंट है।",
    },
    "table": {"en": "table W (V × d)", "hi": "तालिका W (V × d)"},
    "ids": {"en": "ids", "hi": "id"},
    "out": {"en": "embedding(ids)", "hi": "embedding(ids)"},
    "row": {"en": "row", "hi": "पंक्ति"},
    "onehot": {"en": "one-hot vector of id {id}, times W: the same row",
               "hi": "id {id} का वन-हॉट वेक्टर, गुणा W: वही पंक्ति"},
    "grad": {"en": "W.grad after backward: only the rows used",
             "hi": "backward के बाद W.grad: सिर्फ़ इस्तेमाल हुई पंक्तियाँ"},
}

PICKED, GRAD, PLAIN = "#ffe0b2", "#c8e6c9", "#eceff1"


def values():
    s = run_snippet("text-to-vectors/04_embedding.py")
    W, ids = s["W"], s["ids"]
    return {
        "V": int(W.shape[0]), "d": int(W.shape[1]),
        "W": W.tolist(), "ids": ids.tolist(),
        "vectors": s["vectors"].tolist(),
        "one_hot": s["one_hot"][0].tolist(),
        "grad": W.grad.tolist(),
        "grad_rows": s["W"].grad.abs().sum(dim=1).nonzero().flatten().tolist(),
    }


def _cell(ax, x, y, text, colour, w=0.9, h=0.5, size=8.5):
    from matplotlib.patches import Rectangle

    ax.add_patch(Rectangle((x, y), w, h, facecolor=colour, edgecolor="#37474f", linewidth=0.8))
    ax.text(x + w / 2, y + h / 2, text, ha="center", va="center", fontsize=size)


def draw(fig, v, label):
    from matplotlib.patches import FancyArrowPatch

    fig.set_size_inches(6.4, 3.9)
    ax = fig.add_subplot()
    ax.set_xlim(-0.2, 12.8)
    ax.set_ylim(-0.1, 7.4)
    ax.set_axis_off()
    h = 0.55
    top = 6.2
    picked = set(v["ids"])
    # the ids
    ax.text(0.5, top + 0.75, label("ids"), ha="center", fontsize=10, fontweight="bold")
    for k, i in enumerate(v["ids"]):
        _cell(ax, 0.1, top - k * h * 1.6, str(i), PICKED, w=0.8, h=h, size=10)
    # the table
    x0 = 2.4
    ax.text(x0 + 1.35, top + 0.75, label("table"), ha="center", fontsize=10, fontweight="bold")
    for r, row in enumerate(v["W"]):
        y = top - r * h
        ax.text(x0 - 0.15, y + h / 2, f"{label('row')} {r}", ha="right", va="center", fontsize=8)
        for c, value in enumerate(row):
            _cell(ax, x0 + c * 0.9, y, f"{value:.2f}", PICKED if r in picked else PLAIN, h=h)
    # the output
    x1 = 6.6
    ax.text(x1 + 1.35, top + 0.75, label("out"), ha="center", fontsize=10, fontweight="bold")
    for k, (i, row) in enumerate(zip(v["ids"], v["vectors"], strict=True)):
        y = top - k * h * 1.6
        for c, value in enumerate(row):
            _cell(ax, x1 + c * 0.9, y, f"{value:.2f}", PICKED, h=h)
        source = top - i * h + h / 2
        ax.add_patch(FancyArrowPatch((x0 + v["d"] * 0.9 + 0.05, source), (x1 - 0.05, y + h / 2),
                                     arrowstyle="-|>", mutation_scale=8, color="#8d6e63", lw=0.8))
    # one-hot times W
    y = 2.2
    ax.text(0.1, y + 0.75, label("onehot").format(id=v["ids"][0]), fontsize=9.5, fontweight="bold")
    for c, value in enumerate(v["one_hot"]):
        _cell(ax, 0.1 + c * 0.5, y, f"{value:g}", PICKED if value else PLAIN, w=0.5, h=h)
    ax.text(0.1 + len(v["one_hot"]) * 0.5 + 0.5, y + h / 2, "@ W =", ha="center", va="center", fontsize=9.5)
    for c, value in enumerate(v["vectors"][0]):
        _cell(ax, 0.1 + len(v["one_hot"]) * 0.5 + 1.0 + c * 0.9, y, f"{value:.2f}", PICKED, h=h)
    # the gradient
    x2 = 6.6
    ax.text(x2, y + 0.75, label("grad"), fontsize=9.5, fontweight="bold")
    for r, row in enumerate(v["grad"]):
        yy = y - r * h * 0.9
        for c, value in enumerate(row):
            _cell(ax, x2 + c * 0.9, yy, f"{value:g}", GRAD if value else PLAIN, h=h * 0.9)
        ax.text(x2 + v["d"] * 0.9 + 0.15, yy + h * 0.45, f"{label('row')} {r}", va="center", fontsize=8)
