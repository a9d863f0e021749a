"""What the course's hooks share: the interface text they add to pages, per language (read from
hooks/strings/<language>.yml), what a page is (its language, a notebook page, a fallback), and
memos that outlive a build."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

STRINGS = Path(__file__).parent / "strings"
_MEMOS: dict[str, dict] = {}


def memo(name: str) -> dict:
    """A dict kept for the life of the process: MkDocs imports the hooks afresh for every
    build of `mkdocs serve`, but this module, imported by them, stays imported. For results
    keyed by the content they were computed from, so a rebuild only computes what changed."""
    return _MEMOS.setdefault(name, {})


@cache
def strings(language: str) -> dict[str, str]:
    """The interface text of one language; a missing file or key fails the build saying which."""
    path = STRINGS / f"{language}.yml"
    if not path.exists():
        raise PluginError(f"{path}: missing. Every language in mkdocs.yml needs its interface text: "
                          f"copy hooks/strings/en.yml to {path.name} and translate the values.")
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    expected = set(yaml.safe_load((STRINGS / "en.yml").read_text(encoding="utf-8")))
    if missing := sorted(expected - set(data)):
        raise PluginError(f"{path}: no text for {', '.join(missing)} (hooks/strings/en.yml has them)")
    return data


def page_language(page) -> str:
    """The language a page is built for (mkdocs-static-i18n records it on the file)."""
    return getattr(page.file, "locale_alternate_of", None) or "en"


def is_notebook_page(file) -> bool:
    return file.src_uri.startswith("notebooks/") and file.src_uri.endswith(".ipynb")


def is_fallback(page) -> bool:
    """True when the page is the default language's file standing in for another language."""
    locale = getattr(page.file, "locale", None)
    building = getattr(page.file, "locale_alternate_of", None)
    return locale is not None and building is not None and locale != building
