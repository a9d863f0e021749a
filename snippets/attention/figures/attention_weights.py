"""Figure: the causal attention weights of the head that looks for the same word, as a heatmap
(the English sentence on the English page, the Hindi one on the Hindi page)."""

from tools.figures import run_snippet

SNIPPET = "attention/06_same_word_head.py"

LABELS = {
    "alt": {
        "en": "A heatmap of causal attention weights for the sentence '{english[sentence]}': one row "
              "per query position, one column per key position. Above the diagonal every weight is "
              "0 (the future is masked). A word seen before splits its weight between itself and its "
              "earlier copies, such as the second 'sat' with {english[example]:.2f} on the first; "
              "every other visible word gets a little.",
        "hi": "वाक्य '{hindi[sentence]}' के कॉज़ल अटेंशन वेट का हीटमैप: हर क्वेरी स्थान की एक पंक्ति, हर "
              "key स्थान का एक स्तंभ। विकर्ण के ऊपर हर वेट 0 है (भविष्य छिपा है)। पहले आ चुका शब्द "
              "अपना वेट ख़ुद में और अपनी पिछली प्रतियों में बाँटता है, जैसे दूसरा 'गाँव' पहले 'गाँव' पर "
              "{hindi[example]:.2f}; दिखने वाले बाक़ी हर शब्द को थोड़ा-सा वेट मिलता है।",
    },
    # which sentence the figure of each language draws (both are computed by the snippet)
    "sentence": {"en": "english", "hi": "hindi"},
    "title": {"en": "a head that looks back for the same word",
              "hi": "एक हेड जो पीछे वही शब्द ढूँढता है"},
    "masked": {"en": "grey: hidden by the causal mask", "hi": "धूसर: कॉज़ल मास्क से छिपा"},
    "query": {"en": "query position t (the word that looks)",
              "hi": "क्वेरी स्थान t (देखने वाला शब्द)"},
    "key": {"en": "key position s (the word looked at)", "hi": "key स्थान s (देखा गया शब्द)"},
    "weight": {"en": "attention weight", "hi": "अटेंशन वेट"},
    "source": {"en": "values from snippets/attention/06_same_word_head.py",
               "hi": "मान snippets/attention/06_same_word_head.py से"},
}


def values():
    snippet = run_snippet(SNIPPET)
    drawn = {}
    for name, example in (("english", "sat"), ("hindi", "गाँव")):
        words, weights = snippet["same_word_attention"](snippet[name])
        first, second = [t for t, w in enumerate(words) if w == example][:2]
        drawn[name] = {"sentence": snippet[name], "words": words, "weights": weights.tolist(),
                       "example": weights[second, first].item()}
    return drawn


def draw(fig, values, label):
    v = values[label("sentence")]
    words, weights = v["words"], v["weights"]
    T = len(words)
    fig.set_size_inches(6.0, 5.6)
    ax = fig.add_subplot()
    import matplotlib

    # White to a middle blue, so the weights written on the cells are dark on every cell (and
    # dark text stays legible in both palettes); grey: masked.
    cmap = matplotlib.colors.LinearSegmentedColormap.from_list(
        "weights", [matplotlib.colormaps["Blues"](x) for x in (0.0, 0.25, 0.5)]).with_extremes(bad="#d9d9d9")
    shown = [[w if s <= t else float("nan") for s, w in enumerate(row)] for t, row in enumerate(weights)]
    image = ax.imshow(shown, cmap=cmap, vmin=0, vmax=1, interpolation="nearest",
                      extent=(0, T, T, 0))
    grid = list(range(1, T))
    ax.vlines(grid, 0, T, color="white", linewidth=0.5)
    ax.hlines(grid, 0, T, color="white", linewidth=0.5)
    for t in range(T):
        for s in range(t + 1):
            if weights[t][s] >= 0.1:
                ax.text(s + 0.5, t + 0.5, f"{weights[t][s]:.2f}", ha="center", va="center",
                        fontsize=7, color="#0d2b57")
    ticks = [i + 0.5 for i in range(T)]
    ax.set_xticks(ticks, [f"{w} {i}" for i, w in enumerate(words)], rotation=90, fontsize=8)
    ax.set_yticks(ticks, [f"{i} {w}" for i, w in enumerate(words)], fontsize=8)
    ax.set_xlim(0, T)
    ax.set_ylim(T, 0)  # position 0 at the top, as a matrix is printed
    ax.set_aspect("equal")
    ax.tick_params(length=0)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    ax.set_xlabel(label("key"))
    ax.set_ylabel(label("query"))
    ax.set_title(f"{label('title')}; {label('masked')}\n{label('source')}", fontsize=8, color="#455a64",
                 loc="left")
    fig.colorbar(image, ax=ax, shrink=0.7, label=label("weight"))
