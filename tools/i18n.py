"""Translations: which translated page translates which version of its default-language page.

A translated page `docs/x.<code>.md` starts with front matter that records the page it
translates and a hash of that page's text:

    ---
    translation_of: x.md
    source_hash: 3f2a9c0d41be
    ---

When the source page changes, the hashes differ and the translation is stale until a translator
updates it and runs `python -m tools mark-current docs/x.<code>.md`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from tools import markdown
from tools.project import PROJECT, Project


def source_hash(page: Path) -> str:
    text = markdown.read(page)
    normalized = "\n".join(line.rstrip() for line in text.strip().splitlines())
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Translation:
    source: Path
    translated: Path
    language: str

    @property
    def exists(self) -> bool:
        return self.translated.exists()

    @property
    def recorded_hash(self) -> str | None:
        if not self.exists:
            return None
        return markdown.front_matter(markdown.read(self.translated)).get("source_hash")

    @property
    def state(self) -> str:
        if not self.exists:
            return "not translated"
        recorded = self.recorded_hash
        if not recorded:
            return "no source_hash"
        return "current" if recorded == source_hash(self.source) else "stale"


def translations(project: Project = PROJECT, languages: tuple[str, ...] | None = None) -> list[Translation]:
    """Every (source page, translation) pair, for every translated language."""
    return [Translation(page, project.twin(page, code), code)
            for code in (languages or project.translations)
            for page in project.pages(project.default_language)]


def mark_current(translated: Path, project: Project = PROJECT) -> str:
    """Record that a translated page matches its source page as it is now."""
    translated = Path(translated).resolve()
    source = project.source_of(translated)
    if translated == source:
        raise ValueError(f"{project.rel(translated)} is a {project.default_language} page; "
                         "mark its translations current, e.g. docs/x.hi.md")
    if not source.exists():
        raise FileNotFoundError(f"{project.rel(translated)}: no page {source.name} beside it to translate")
    if not translated.exists():
        raise FileNotFoundError(f"{project.rel(translated)} does not exist; translate {source.name} first")
    digest = source_hash(source)
    text = markdown.read(translated)
    fields = {**markdown.front_matter(text), "translation_of": source.name, "source_hash": digest}
    translated.write_text(markdown.with_front_matter(text, fields), encoding="utf-8")
    return digest


def status_table(project: Project = PROJECT, extra: dict[str, dict[str, str]] | None = None) -> str:
    """Words per page and language, the state of each translation, and any extra columns
    ({column: {page name: value}}, e.g. exercise counts)."""
    codes = project.codes
    header = ["page", *(f"{code} words" for code in codes),
              *(f"{code} state" for code in project.translations)]
    extra = extra or {}
    header += list(extra)
    rows = [header]
    for page in project.pages(project.default_language):
        row = [page.relative_to(project.docs).as_posix()]
        for code in codes:
            twin = project.twin(page, code)
            row.append(str(markdown.word_count(markdown.read(twin))) if twin.exists() else "-")
        row += [Translation(page, project.twin(page, code), code).state for code in project.translations]
        row += [column.get(project.name_of(page), "") for column in extra.values()]
        rows.append(row)
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
