"""Figure: CPU against GPU speed, only for the devices that were measured."""

import re

from tools.figures import stored_output

MEASURED = "gpu-training/measured-speed.txt"
ROWS = {"training step, TFLOP/s": "train", "matmul, TFLOP/s": "matmul"}

LABELS = {
    "alt": {
        "en": "Measured speed in TFLOP/s for a training step and a large matrix product, one bar per "
              "device measured, named beside it (from snippets/gpu-training/measured-speed.txt).",
        "hi": "एक ट्रेनिंग क़दम और एक बड़े मैट्रिक्स गुणन की नापी गई रफ़्तार, TFLOP/s में, हर नापे गए "
              "डिवाइस के लिए एक बार, उसके नाम के साथ (snippets/gpu-training/measured-speed.txt से)।",
    },
    "train": {"en": "training step", "hi": "ट्रेनिंग क़दम"},
    "matmul": {"en": "matrix multiplication", "hi": "मैट्रिक्स गुणन"},
    "axis": {"en": "TFLOP/s (measured; more is faster)", "hi": "TFLOP/s (नापा गया; ज़्यादा = तेज़)"},
    "threads": {"en": "{n} threads", "hi": "{n} थ्रेड"},
    "measured_on": {"en": "measured on {date}", "hi": "{date} को नापा गया"},
}
THREADS = re.compile(r"^(?P<name>.*?) \((?P<n>\d+) threads\)$")  # how the report names a CPU


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
    named = dict(re.findall(r"^(CPU|CUDA|MPS):\s+(.*)$", text, re.MULTILINE))  # the device lines
    names, threads = {}, {}
    for device in devices:
        m = THREADS.match(named[device])
        names[device] = m["name"] if m else named[device]
        if m:
            threads[device] = int(m["n"])
    return {
        "date": date[1] if date else "",
        "measured": devices,
        "device_names": names,
        "threads": threads,  # the CPU's, in the labels' language
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
    def name(device):
        threads = v["threads"].get(device)
        extra = f" ({label('threads').format(n=threads)})" if threads else ""
        return f"{device}: {v['device_names'][device]}{extra}"

    ax.set_yticklabels([f"{label(task)}\n{name(device)}" for task, device in rows], fontsize=8.5)
    ax.invert_yaxis()
    ax.set_xlabel(label("axis"))
    ax.set_xlim(0, max(x for r in v["tflops"].values() for x in r.values()) * 1.35)
    ax.set_title(label("measured_on").format(date=v["date"]), fontsize=8, color="#455a64", loc="left")
