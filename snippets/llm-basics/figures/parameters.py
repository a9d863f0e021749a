"""Figure: where GPT-2 small's parameters sit, counted from the chapter's counting snippet."""

import torch

from tools.figures import run_snippet

GROUPS = ("token_embedding", "position_embedding", "attention", "feed_forward", "norms", "output_head")

LABELS = {
    "alt": {
        "en": "Where GPT-2 small's parameters sit (qkv_bias {qkv_bias}, counted on the meta device): "
              "the token embedding {parameters[token_embedding]:,}, the position embedding "
              "{parameters[position_embedding]:,}, attention {parameters[attention]:,} and feed-forward "
              "{parameters[feed_forward]:,} over the {n_layers} blocks, the layer norms "
              "{parameters[norms]:,}; "
              "the output head would add another {parameters[output_head]:,} but is tied to the token "
              "embedding, so the total is {head_tied_total:,} instead of {all_layers:,}.",
        "hi": "GPT-2 small के पैरामीटर कहाँ हैं (qkv_bias {qkv_bias}, meta डिवाइस पर गिने गए): टोकन "
              "एम्बेडिंग {parameters[token_embedding]:,}, पोज़िशन एम्बेडिंग {parameters[position_embedding]:,}, "
              "{n_layers} ब्लॉकों में अटेंशन {parameters[attention]:,} और फ़ीड-फ़ॉरवर्ड {parameters[feed_forward]:,}, "
              "लेयर नॉर्मलाइज़ेशन {parameters[norms]:,}; आउटपुट हेड {parameters[output_head]:,} और "
              "जोड़ता, पर वह टोकन एम्बेडिंग से बँधा है, इसलिए कुल {all_layers:,} के बजाय "
              "{head_tied_total:,}।",
    },
    "token_embedding": {"en": "token embedding", "hi": "टोकन एम्बेडिंग"},
    "position_embedding": {"en": "position embedding", "hi": "पोज़िशन एम्बेडिंग"},
    "attention": {"en": "attention ({n_layers} blocks)", "hi": "अटेंशन ({n_layers} ब्लॉक)"},
    "feed_forward": {"en": "feed-forward ({n_layers} blocks)", "hi": "फ़ीड-फ़ॉरवर्ड ({n_layers} ब्लॉक)"},
    "norms": {"en": "layer norms", "hi": "लेयर नॉर्मलाइज़ेशन"},
    "output_head": {"en": "output head", "hi": "आउटपुट हेड"},
    "tied": {"en": "tied to the token embedding: counted once",
             "hi": "टोकन एम्बेडिंग से बँधा: एक बार गिना गया"},
    "total": {"en": "total with the head tied: {n:,} parameters", "hi": "हेड बँधा होने पर कुल: {n:,} पैरामीटर"},
    # The axis counts in the unit each language counts parameters in: millions, करोड़ (10 million).
    "axis": {"en": "parameters (millions)", "hi": "पैरामीटर (करोड़)"},
    "axis_unit": {"en": "1e6", "hi": "1e7"},
}


def _group(name):
    if name.startswith("tok_emb"):
        return "token_embedding"
    if name.startswith("pos_emb"):
        return "position_embedding"
    if name.startswith("out_head"):
        return "output_head"
    if "norm" in name:
        return "norms"
    if ".ff." in name:
        return "feed_forward"
    return "attention"  # W_query, W_key, W_value, out_proj


def values():
    snippet = run_snippet("llm-basics/02_count_parameters.py")
    with torch.device("meta"):
        model = snippet["gpt2_layers"]({**snippet["cfg"], "qkv_bias": False})
    counts = dict.fromkeys(GROUPS, 0)
    for name, param in model.named_parameters():
        counts[_group(name)] += param.numel()
    model["out_head"].weight = model["tok_emb"].weight
    return {"qkv_bias": False, "n_layers": snippet["cfg"]["n_layers"], "parameters": counts,
            "all_layers": sum(counts.values()), "head_tied_total": snippet["count"](model)}


def draw(fig, v, label):
    fig.set_size_inches(7.0, 3.4)
    ax = fig.add_subplot()
    counts = v["parameters"]
    unit = float(label("axis_unit"))
    for i, group in enumerate(GROUPS):
        length = counts[group] / unit
        tied = group == "output_head"
        ax.barh(i, length, height=0.6, color="#eceff1" if tied else "#1565c0",
                edgecolor="#546e7a" if tied else None, hatch="//" if tied else None)
        text = f"  {counts[group]:,}" + (f"  ({label('tied')})" if tied else "")
        ax.text(length, i, text, va="center", fontsize=8.5)
    ax.set_yticks(range(len(GROUPS)))
    ax.set_yticklabels([label(g).format(n_layers=v["n_layers"]) for g in GROUPS], fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(0, max(counts.values()) / unit * 1.9)
    ax.set_xlabel(label("axis"))
    ax.set_title(label("total").format(n=v["head_tied_total"]), fontsize=9, loc="left")
