"""Figure: the computational graph PyTorch recorded for the worked example, from grad_fn."""

from tools.figures import run_snippet

LABELS = {
    "alt": {
        "en": "The computational graph of the worked example as PyTorch recorded it, walked from "
              "loss.grad_fn through next_functions: BinaryCrossEntropyBackward0 (the loss), "
              "SigmoidBackward0 (a), AddBackward0 (z = w x + b), MulBackward0 (w x), and one "
              "AccumulateGrad node for each leaf, w and b; x and y are data and need no gradient. "
              "Each node shows the value it computed.",
        "hi": "उदाहरण का कम्प्यूटेशनल ग्राफ़, जैसा PyTorch ने दर्ज किया, loss.grad_fn से next_functions "
              "के सहारे चलकर: BinaryCrossEntropyBackward0 (लॉस), SigmoidBackward0 (a), AddBackward0 "
              "(z = w x + b), MulBackward0 (w x), और हर लीफ़ w और b के लिए एक AccumulateGrad नोड; x "
              "और y डेटा हैं, उन्हें ग्रेडिएंट नहीं चाहिए। हर नोड पर उसका निकाला हुआ मान है।",
    },
    "data": {"en": "None: data, no gradient", "hi": "None: डेटा, ग्रेडिएंट नहीं"},
    "stores": {"en": "stores dL/d{leaf} in {leaf}.grad", "hi": "dL/d{leaf} को {leaf}.grad में रखता है"},
    "backward": {"en": "backward(): from the loss to the leaves", "hi": "backward(): लॉस से लीफ़ की ओर"},
}


def values():
    snippet = run_snippet("autograd/02_computational_graph.py")
    leaves = {id(snippet["w"]): "w", id(snippet["b"]): "b"}
    named = {id(t.grad_fn): name for name, t in snippet.items()
             if name in ("z", "a", "loss") and getattr(t, "grad_fn", None) is not None}
    nodes = []

    def walk(node, depth, parent):
        index = len(nodes)
        name = type(node).__name__ if node is not None else "None"
        entry = {"name": name, "depth": depth, "parent": parent}
        nodes.append(entry)
        if node is None:
            return
        if hasattr(node, "variable"):  # AccumulateGrad: a leaf
            leaf = leaves[id(node.variable)]
            entry.update(tensor=leaf, value=node.variable.item(), leaf=True)
            return
        if id(node) in named:
            tensor = snippet[named[id(node)]]
            entry.update(tensor=named[id(node)], value=tensor.item())
        elif type(node).__name__ == "MulBackward0":  # w * x is not kept in a variable
            entry.update(tensor="w x", value=(snippet["w"] * snippet["x"]).item())
        for next_node, _ in node.next_functions:
            walk(next_node, depth + 1, index)

    walk(snippet["loss"].grad_fn, 0, None)
    return {"nodes": nodes}


def _positions(nodes):
    """Leaves and data nodes side by side; a parent above the middle of its children."""
    children = {i: [j for j, n in enumerate(nodes) if n["parent"] == i] for i in range(len(nodes))}
    x, column = {}, [0]

    def place(i):
        if not children[i]:
            x[i] = column[0]
            column[0] += 1
        else:
            for c in children[i]:
                place(c)
            x[i] = sum(x[c] for c in children[i]) / len(children[i])

    place(0)
    return x


def draw(fig, values, label):
    nodes = values["nodes"]
    x = _positions(nodes)
    depth = max(n["depth"] for n in nodes)
    fig.set_size_inches(7.4, 5.0)
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_xlim(min(x.values()) - 0.9, max(x.values()) + 0.9)
    ax.set_ylim(-depth - 0.6, 0.9)
    for i, node in enumerate(nodes):
        if node["parent"] is not None:
            p = node["parent"]
            ax.annotate("", xy=(x[i], -node["depth"] + 0.22), xytext=(x[p], -nodes[p]["depth"] - 0.22),
                        arrowprops={"arrowstyle": "->", "color": "#546e7a", "lw": 1.2})
    for i, node in enumerate(nodes):
        if node["name"] == "None":
            text, colour, edge = label("data"), "#eceff1", "#90a4ae"
        elif node.get("leaf"):
            leaf = node["tensor"]
            text = (f"{node['name']}\n{leaf} = {node['value']:.4g}\n"
                    + label("stores").format(leaf=leaf))
            colour, edge = "#c8e6c9", "#2e7d32"
        else:
            text = f"{node['name']}\n{node['tensor']} = {node['value']:.4f}"
            colour, edge = "#bbdefb", "#1565c0"
        ax.text(x[i], -node["depth"], text, ha="center", va="center", fontsize=8.5,
                bbox={"boxstyle": "round,pad=0.4", "facecolor": colour, "edgecolor": edge})
    ax.text(min(x.values()) - 0.85, 0.75, label("backward") + "  ↓", fontsize=9, color="#37474f")
