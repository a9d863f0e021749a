"""Figure: a 2 x 3 tensor and its transpose share one storage; strides say how to walk it."""

from tools.figures import run_snippet

LABELS = {
    "alt": {
        "en": "Memory layout of t = {t[values]} and t.T: both read the same stored numbers "
              "{storage}; t with shape {t[shape]} and stride {t[stride]} reads them in order, t.T with "
              "shape {t_T[shape]} and stride {t_T[stride]} reads them at offsets {t_T[offsets]}, so it "
              "is not contiguous and .view fails; .contiguous() copies the numbers into new memory in "
              "t.T's order, {copy_storage}.",
        "hi": "t = {t[values]} और t.T का मेमोरी लेआउट: दोनों मेमोरी में रखी उन्हीं संख्याओं "
              "{storage} को पढ़ते हैं; शेप {t[shape]} और स्ट्राइड {t[stride]} वाला t उन्हें क्रम से "
              "पढ़ता है, शेप {t_T[shape]} और स्ट्राइड {t_T[stride]} वाला t.T उन्हें ऑफ़सेट {t_T[offsets]} "
              "पर पढ़ता है, इसलिए वह कॉन्टिगुअस नहीं है और .view विफल होता है; .contiguous() "
              "संख्याओं को t.T के क्रम में, {copy_storage}, नई मेमोरी में कॉपी करता है।",
    },
    "storage": {"en": "storage (memory), shared by t and t.T", "hi": "t और t.T की साझा मेमोरी (storage)"},
    "offset": {"en": "offset", "hi": "ऑफ़सेट"},
    "shape": {"en": "shape", "hi": "शेप"},
    "stride": {"en": "stride", "hi": "स्ट्राइड"},
    "reads": {"en": "reads offsets", "hi": "पढ़ने का क्रम (ऑफ़सेट)"},
    "contiguous": {"en": "contiguous", "hi": "कॉन्टिगुअस"},
    "not_contiguous": {"en": "not contiguous: .view fails", "hi": "कॉन्टिगुअस नहीं: .view विफल"},
    "copy": {"en": "t.T.contiguous(): a copy in new memory, now .view works",
             "hi": "t.T.contiguous(): नई मेमोरी में कॉपी, अब .view चलता है"},
}


def _layout(tensor):
    """Shape, stride, values and the memory offset each element is read from."""
    rows, cols = tensor.shape
    return {
        "shape": list(tensor.shape),
        "stride": list(tensor.stride()),
        "contiguous": tensor.is_contiguous(),
        "values": tensor.tolist(),
        "offsets": [i * tensor.stride(0) + j * tensor.stride(1) for i in range(rows) for j in range(cols)],
    }


def values():
    snippet = run_snippet("tensors/04_view_needs_contiguous.py")
    t, tt = snippet["t"], snippet["tt"]
    copy = tt.contiguous()
    return {
        # the memory itself: t.T viewed as a flat run of its storage
        "storage": tt.as_strided((tt.numel(),), (1,), tt.storage_offset()).tolist(),
        "same_storage": tt.untyped_storage().data_ptr() == t.untyped_storage().data_ptr(),
        "t": _layout(t),
        "t_T": _layout(tt),
        "copy_storage": copy.as_strided((copy.numel(),), (1,)).tolist(),
        "copy_same_storage": copy.untyped_storage().data_ptr() == t.untyped_storage().data_ptr(),
    }


def _cells(ax, x0, y0, numbers, colour, size=0.8):
    for k, number in enumerate(numbers):
        ax.add_patch(_box(x0 + k * size, y0, size, colour))
        ax.text(x0 + k * size + size / 2, y0 + size / 2, str(number), ha="center", va="center", fontsize=11)


def _box(x, y, size, colour):
    from matplotlib.patches import Rectangle

    return Rectangle((x, y), size, size, facecolor=colour, edgecolor="#37474f", linewidth=1)


def _grid(ax, x0, y0, layout, colour, name, label, size=0.8):
    rows, cols = layout["shape"]
    for i in range(rows):
        for j in range(cols):
            y = y0 + (rows - 1 - i) * size
            ax.add_patch(_box(x0 + j * size, y, size, colour))
            ax.text(x0 + j * size + size / 2, y + size / 2, str(layout["values"][i][j]),
                    ha="center", va="center", fontsize=11)
    top = y0 + rows * size + 0.15
    state = label("contiguous") if layout["contiguous"] else label("not_contiguous")
    shape, stride = tuple(layout["shape"]), tuple(layout["stride"])
    ax.text(x0, top + 0.75, f"{name}   {label('shape')} {shape}   {label('stride')} {stride}",
            fontsize=10, fontweight="bold")
    ax.text(x0, top + 0.3, state, fontsize=10, color="#2e7d32" if layout["contiguous"] else "#c62828")
    offsets = ", ".join(map(str, layout["offsets"]))
    ax.text(x0, y0 - 0.4, f"{label('reads')}: {offsets}", fontsize=9)


def draw(fig, values, label):
    fig.set_size_inches(6.0, 4.4)
    ax = fig.add_subplot()
    ax.set_xlim(0, 8.6)
    ax.set_ylim(-0.3, 8.2)
    ax.set_axis_off()
    ax.set_aspect("equal")
    ax.text(0.2, 7.75, label("storage"), fontsize=10, fontweight="bold")
    _cells(ax, 0.2, 6.8, values["storage"], "#bbdefb")
    for k in range(len(values["storage"])):
        ax.text(0.2 + k * 0.8 + 0.4, 6.55, str(k), ha="center", va="center", fontsize=8, color="#455a64")
    ax.text(0.4 + len(values["storage"]) * 0.8, 6.55, f"← {label('offset')}", fontsize=8, color="#455a64",
            va="center")
    _grid(ax, 0.2, 3.6, values["t"], "#bbdefb", "t", label)
    _grid(ax, 4.9, 2.8, values["t_T"], "#ffe0b2", "t.T", label)
    ax.text(0.2, 1.2, label("copy"), fontsize=10, fontweight="bold")
    _cells(ax, 0.2, 0.2, values["copy_storage"], "#c8e6c9")
