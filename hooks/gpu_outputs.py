"""MkDocs hook: a device's output appears on a page only once it has been captured.

A page shows an output that depends on the device in tabs, the CPU's first:

    === "CPU"

        ```text title="Output"
        --8<-- "gpu-training/01_choose_device.out"
        ```

    === "CUDA"

        ```text title="Output"
        --8<-- "gpu-training/01_choose_device.cuda.out"
        ```

The CUDA file exists only once tools/gpu_lane.sh has run the snippet on a machine with a CUDA
GPU. Until then this hook drops the tab whose device output (`NN_name.<device>.out`) is missing,
and a group left with one tab becomes that tab's content, shown plainly; it also drops an
include of a device's provenance line (`produced-by.<device>.txt`) that is missing. When the
file is captured, the tab and the provenance line appear without editing the page. Any other
missing include is left alone, so the build still fails on it. Self-contained: it reads only
the page and the snippets folder (pymdownx.snippets' base_path).
"""

from __future__ import annotations

import re
from pathlib import Path

TAB = re.compile(r'^(?P<indent>[ \t]*)===\+?[ \t]+"[^"]*"[ \t]*$')
INCLUDE = re.compile(r'^[ \t]*--8<--[ \t]+"(?P<target>[^"]+)"[ \t]*$')
# What only a device other than the CPU produces: an output and its provenance line.
DEVICE_FILE = re.compile(r"(?:^|/)(?:\d\d_[a-z0-9_]+\.[a-z]+\.out|produced-by\.[a-z]+\.txt)$")
INDENT = 4  # pymdownx.tabbed: a tab's content is indented by four spaces


def missing_device_file(line: str, base: Path) -> bool:
    """True for an include line naming a device output or provenance file that does not exist."""
    m = INCLUDE.match(line)
    if not m:
        return False
    target = m["target"].split(":")[0]
    return bool(DEVICE_FILE.search(target)) and not (base / target).exists()


def _width(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _block_end(lines: list[str], start: int, indent: int) -> int:
    """The index after the content of the tab on line `start` (trailing blank lines excluded)."""
    end = i = start + 1
    while i < len(lines) and (not lines[i].strip() or _width(lines[i]) > indent):
        if lines[i].strip():
            end = i + 1
        i += 1
    return end


def _tab_group(lines: list[str], start: int) -> list[tuple[int, int]]:
    """The tabs of the group that starts on line `start`: (first line, end) of each."""
    indent = _width(lines[start])
    tabs, i = [], start
    while True:
        end = _block_end(lines, i, indent)
        tabs.append((i, end))
        j = end
        while j < len(lines) and not lines[j].strip():
            j += 1
        m = TAB.match(lines[j]) if j < len(lines) else None
        if not (m and len(m["indent"]) == indent):
            return tabs
        i = j


def _dedented(lines: list[str], indent: int) -> list[str]:
    """A tab's content at the tab's own indent."""
    return [line[min(INDENT, _width(line) - indent):] if line.strip() else "" for line in lines]


def without_uncaptured(markdown: str, base: Path) -> str:
    """The page with every tab and provenance include of a missing device file taken out."""
    lines = markdown.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if TAB.match(lines[i]):
            tabs = _tab_group(lines, i)
            kept = [(a, b) for a, b in tabs
                    if not any(missing_device_file(line, base) for line in lines[a + 1:b])]
            if len(kept) == len(tabs):
                out.extend(lines[i:tabs[-1][1]])
            elif len(kept) == 1:  # the CPU's output alone: shown plainly, without a tab
                a, b = kept[0]
                body = lines[a + 1:b]
                while body and not body[0].strip():
                    body.pop(0)
                out.extend(_dedented(body, _width(lines[a])))
            else:
                for n, (a, b) in enumerate(kept):
                    if n:
                        out.append("")
                    out.extend(lines[a:b])
            i = tabs[-1][1]
        elif missing_device_file(lines[i], base):
            if out and not out[-1].strip():
                out.pop()  # the blank line that separated it from the line above
            i += 1
        else:
            out.append(lines[i])
            i += 1
    return "\n".join(out)


def snippets_folder(config) -> Path:
    """pymdownx.snippets' base_path (the first, if several), else snippets/ beside mkdocs.yml."""
    options = config["mdx_configs"].get("pymdownx.snippets", {})
    base = options.get("base_path") or str(Path(config["config_file_path"]).parent / "snippets")
    return Path(base[0] if isinstance(base, list) else base)


def on_page_markdown(markdown, page, config, files):
    if "--8<--" not in markdown:
        return markdown
    return without_uncaptured(markdown, snippets_folder(config))
