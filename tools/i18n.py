"""Translations: which Hindi page translates which version of its English page.

A Hindi page `docs/x.hi.md` starts with front matter that records the English
page it translates and a hash of that page's text:

    ---
    translation_of: x.md
    source_hash: 3f2a9c0d41be
    ---

When the English page changes, the hashes differ and the page is stale until a
translator updates it and runs `python -m tools mark-current docs/x.hi.md`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from tools.snippets import DOCS, ROOT, pages

LANGUAGE = "hi"
FRONT_MATTER = re.compile(r"\A---\n(?P<body>.*?)\n---\n", re.DOTALL)
FIELD = re.compile(r"^(?P<key>[a-z_]+):\s*(?P<value>.*?)\s*$", re.MULTILINE)
FENCED = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[ \t]*$", re.MULTILINE | re.DOTALL)
WORD = re.compile(r"[\w\u0900-\u097F]+")


def source_hash(english: Path) -> str:
    text = english.read_text(encoding="utf-8")
    normalized = "\n".join(line.rstrip() for line in text.strip().splitlines())
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:12]


def twin(english: Path, language: str = LANGUAGE) -> Path:
    return english.with_name(f"{english.stem}.{language}.md")


def english_of(translated: Path) -> Path:
    return translated.with_name(translated.name.split(".")[0] + ".md")


def front_matter(page: Path) -> dict[str, str]:
    m = FRONT_MATTER.match(page.read_text(encoding="utf-8"))
    return {f["key"]: f["value"] for f in FIELD.finditer(m["body"])} if m else {}


def body(page: Path) -> str:
    return FRONT_MATTER.sub("", page.read_text(encoding="utf-8"), count=1)


def prose(text: str) -> str:
    """Text without code fences and front matter: what a reader reads as words."""
    return FENCED.sub("", FRONT_MATTER.sub("", text, count=1))


def word_count(page: Path) -> int:
    return len(WORD.findall(prose(page.read_text(encoding="utf-8"))))


@dataclass
class Translation:
    english: Path
    translated: Path

    @property
    def exists(self) -> bool:
        return self.translated.exists()

    @property
    def recorded_hash(self) -> str | None:
        return front_matter(self.translated).get("source_hash") if self.exists else None

    @property
    def state(self) -> str:
        if not self.exists:
            return "not translated"
        recorded = self.recorded_hash
        if not recorded:
            return "no source_hash"
        return "current" if recorded == source_hash(self.english) else "stale"


def translations(language: str = LANGUAGE) -> list[Translation]:
    return [Translation(p, twin(p, language)) for p in pages("en")]


def mark_current(translated: Path) -> str:
    """Record that a translated page matches its English page as it is now."""
    english = english_of(translated)
    if not english.exists():
        raise FileNotFoundError(f"{translated}: no English page {english.name} beside it")
    if not translated.exists():
        raise FileNotFoundError(f"{translated} does not exist; translate {english.name} first")
    digest = source_hash(english)
    text = translated.read_text(encoding="utf-8")
    fields = front_matter(translated)
    fields["translation_of"] = english.name
    fields["source_hash"] = digest
    header = "---\n" + "".join(f"{k}: {v}\n" for k, v in fields.items()) + "---\n"
    translated.write_text(header + FRONT_MATTER.sub("", text, count=1).lstrip("\n"),
                          encoding="utf-8")
    return digest


def status_table(language: str = LANGUAGE) -> str:
    rows = [("page", "English words", f"{language} words", "state")]
    for t in translations(language):
        rows.append((
            t.english.relative_to(DOCS).as_posix(),
            str(word_count(t.english)),
            str(word_count(t.translated)) if t.exists else "-",
            t.state,
        ))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()
