"""Figure: the tokens the same sentence costs in English and in Hindi, as UTF-8 bytes, as
characters (code points) and as the tokens of the merges learned on the course's corpus
(snippets/text-to-vectors/03_token_counts.py)."""

from tools.figures import run_snippet

LABELS = {
    "alt": {
        "en": "Bar chart of the tokens one sentence costs. English: {counts[English][bytes]} bytes, "
              "{counts[English][characters]} characters, {counts[English][BPE]} tokens after "
              "{merges} merges. Hindi: {counts[Hindi][bytes]} bytes, {counts[Hindi][characters]} "
              "characters, {counts[Hindi][BPE]} tokens after {merges} merges. In bytes the Hindi "
              "sentence costs far more, in characters about the same, and the merges shorten both.",
        "hi": "एक वाक्य पर लगने वाले टोकन का बार चार्ट। अंग्रेज़ी: {counts[English][bytes]} बाइट, "
              "{counts[English][characters]} अक्षर, {merges} मर्ज के बाद {counts[English][BPE]} टोकन। "
              "हिंदी: {counts[Hindi][bytes]} बाइट, {counts[Hindi][characters]} अक्षर, {merges} मर्ज के "
              "बाद {counts[Hindi][BPE]} टोकन। बाइट में हिंदी वाक्य कहीं ज़्यादा महँगा है, अक्षरों में "
              "लगभग बराबर, और मर्ज दोनों को छोटा करते हैं।",
    },
    "bytes": {"en": "UTF-8 bytes", "hi": "UTF-8 बाइट"},
    "characters": {"en": "characters", "hi": "अक्षर"},
    "BPE": {"en": "BPE, {merges} merges", "hi": "BPE, {merges} मर्ज"},
    "English": {"en": "English", "hi": "अंग्रेज़ी"},
    "Hindi": {"en": "Hindi", "hi": "हिंदी"},
    "ylabel": {"en": "tokens for the sentence", "hi": "वाक्य के टोकन"},
}


def values():
    snippet = run_snippet("text-to-vectors/03_token_counts.py")
    return {"counts": snippet["counts"], "merges": len(snippet["merges"])}


def draw(fig, values, label):
    fig.set_size_inches(6.0, 3.2)
    ax = fig.add_subplot()
    units = ["bytes", "characters", "BPE"]
    colours = {"English": "#1565c0", "Hindi": "#ef6c00"}
    width = 0.38
    for k, language in enumerate(("English", "Hindi")):
        xs = [u + (k - 0.5) * width for u in range(len(units))]
        heights = [values["counts"][language][unit] for unit in units]
        bars = ax.bar(xs, heights, width, color=colours[language], label=label(language))
        ax.bar_label(bars, fontsize=9, padding=2)
    ax.set_xticks(range(len(units)),
                  [label(unit).format(merges=values["merges"]) for unit in units])
    ax.set_ylabel(label("ylabel"))
    ax.set_ylim(0, max(values["counts"]["Hindi"]["bytes"], values["counts"]["English"]["bytes"]) * 1.15)
    ax.legend(frameon=False)
