"""Reading the course's Markdown: front matter, snippet includes, fenced blocks, and prose.

Pure functions of a page's text (or path); nothing here knows languages or folders.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

FRONT_MATTER = re.compile(r"\A---\n(?P<body>.*?)\n---\n", re.DOTALL)
FIELD = re.compile(r"^(?P<key>[a-z_]+):\s*(?P<value>.*?)\s*$", re.MULTILINE)
# A `--8<-- "chapter/file"` line of pymdownx.snippets: how pages include snippets and outputs.
INCLUDE = re.compile(r'^(?P<indent>[ \t]*)--8<--\s+"(?P<target>[^"]+)"\s*$', re.MULTILINE)
FENCE_LINE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>```+|~~~+)(?P<info>[^\n`]*)$")
FENCED = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[ \t]*$", re.MULTILINE | re.DOTALL)
WORD = re.compile(r"[\w\u0900-\u097F]+")
CODE_SPAN = re.compile(r"`[^`\n]*`")
MATH = re.compile(r"\$\$.*?\$\$|\$[^$\n]+\$", re.DOTALL)


def read(page: Path) -> str:
    return Path(page).read_text(encoding="utf-8")


def front_matter(text: str) -> dict[str, str]:
    """The `key: value` lines of a page's front matter (flat: the course uses no nesting)."""
    m = FRONT_MATTER.match(text)
    return {f["key"]: f["value"] for f in FIELD.finditer(m["body"])} if m else {}


def with_front_matter(text: str, fields: dict[str, str]) -> str:
    header = "---\n" + "".join(f"{k}: {v}\n" for k, v in fields.items()) + "---\n"
    return header + body(text).lstrip("\n")


def body(text: str) -> str:
    """The page without its front matter."""
    return FRONT_MATTER.sub("", text, count=1)


def includes(text: str) -> list[str]:
    """The `--8<--` targets of a page, in order (`file` or `file:section`)."""
    return [m["target"] for m in INCLUDE.finditer(text)]


def include_file(target: str) -> str:
    """The file an include names, without its `:section`."""
    return target.split(":")[0]


@dataclass(frozen=True)
class Fence:
    line: int  # 1-based line of the opening fence
    info: str  # the info string: "py title=...", "text", "python"
    body: list[str]  # the lines inside, dedented by the fence's indent


def fences(text: str) -> Iterator[Fence]:
    """Every fenced code block of a Markdown text."""
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        m = FENCE_LINE.match(lines[i])
        if not m:
            i += 1
            continue
        start, fence, indent = i, m["fence"], m["indent"]
        inside = []
        i += 1
        while i < len(lines) and lines[i].strip() != fence:
            inside.append(lines[i][len(indent):])
            i += 1
        yield Fence(start + 1, m["info"].strip(), inside)
        i += 1


def prose(text: str) -> str:
    """Text without front matter and code fences: what a reader reads as words (math included)."""
    return FENCED.sub("", body(text))


def reading_text(text: str) -> str:
    """Prose without code spans and math: the running words only."""
    return MATH.sub(" ", CODE_SPAN.sub(" ", prose(text)))


def word_count(text: str) -> int:
    return len(WORD.findall(prose(text)))
