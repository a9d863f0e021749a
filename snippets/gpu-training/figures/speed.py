"""Figure: CPU against GPU speed, only for the devices that were measured."""

import re

from tools.figures import stored_output

MEASURED = "gpu-training/measured-speed.txt"
ROWS = {"training step, TFLOP/s": "train", "matmul, TFLOP/s": "matmul"}

LABELS = {
    "alt": {
        "en": "Measured speed in TFLOP/s for a training step and a large matrix product, one bar per "
              "device that was measured (from snippets/gpu-training/measured-speed.txt). A device that "
              "was not measured has no bar.",
        "hi": "एक ट्रेनिंग क़दम और एक बड़े मैट्रिक्स गुणन की मापी गई गति, TFLOP/s में, हर मापे गए "
              "डिवाइस के लिए एक बार (snippets/gpu-training/measured-speed.txt से)। जो डिवाइस मापा "
              "नहीं गया, उसका कोई बार नहीं है।",
    },
    "train": {"en": "training step", "hi": "ट्रेनिंग क़दम"},
    "matmul": {"en": "matrix multiplication", "hi": "मैट्रिक्स गुणन"},
    "axis": {"en": "TFLOP/s (measured; more is faster)", "hi": "TFLOP/s (मापा गया; ज़्यादा = तेज़)"},
    "not_measured": {"en": "not measured: {devices}", "hi": "मापा नहीं गया: {devices}"},
    "measured_on": {"en": "measured on {date}", "hi": "{date} को मापा गया"},
}


def values():
    text = stored_output(MEASURED)
    lines = text.splitlines()
    date = re.search(r"Measured on (\S+)", text)
    header = next(i for i, line in enumerate(lines) if not line.strip()) + 1
    devices = lines[header].split()
    table = {}
    for line in lines[header + 1:]:
        cells = re.split(r"\s{2,}", line.strip())
        if cells[0] in ROWS:
            numbers = [float(c.replace(",", "")) for c in cells[1:]]
            table[ROWS[cells[0]]] = dict(zip(devices, numbers, strict=True))
    named = re.findall(r"^(CPU|CUDA|MPS):\s+(.*)$", text, re.MULTILINE)  # the device lines
    return {
        "date": date[1] if date else "",
        "measured": devices,
        "not_measured": [d for d, _ in named if d not in devices],
        "device_names": {d: what for d, what in named if d in devices},
        "tflops": table,
    }


def draw(fig, v, label):
    fig.set_size_inches(6.4, 2.4 + 0.5 * len(v["measured"]))
    ax = fig.add_subplot()
    rows = [(task, device) for task in v["tflops"] for device in v["measured"]]
    colours = {"CPU": "#1565c0", "CUDA": "#2e7d32", "MPS": "#6a1b9a"}
    for i, (task, device) in enumerate(rows):
        value = v["tflops"][task][device]
        ax.barh(i, value, color=colours.get(device, "#546e7a"), height=0.6)
        ax.text(value, i, f"  {value:g}", va="center", fontsize=9)
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([f"{label(task)}\n{device}: {v['device_names'].get(device, '')}"
                        for task, device in rows],
                       fontsize=8.5)
    ax.invert_yaxis()
    ax.set_xlabel(label("axis"))
    ax.set_xlim(0, max(x for r in v["tflops"].values() for x in r.values()) * 1.35)
    notes = [label("measured_on").format(date=v["date"])]
    if v["not_measured"]:
        notes.append(label("not_measured").format(devices=", ".join(v["not_measured"])))
    ax.set_title(" · ".join(notes), fontsize=8, color="#455a64", loc="left")
