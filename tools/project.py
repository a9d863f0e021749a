"""Where things are: the root, the docs, the snippets, the languages (read from mkdocs.yml), and
how a page's twin, its notebook, its URL and a snippet's outputs are named. Everything else asks.

A `Project` is one checkout (or a throwaway copy of one, in tests); `PROJECT` is this one.
Adding a language is an entry in mkdocs.yml's i18n plugin plus translated files: nothing here
names a language.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
# What the MkDocs build reads: a copy of these is a complete site to build or break.
SITE_SOURCES = ("docs", "snippets", "hooks", "overrides")
CONFIG = "mkdocs.yml"
CACHE = ".cache"  # the build's cache of converted notebooks (mkdocs-jupyter, hooks/notebook_pages.py)


class ConfigError(Exception):
    """mkdocs.yml does not say what the tooling needs; the message names the file and the key."""


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml's own tags (!ENV, !relative, python/name) as plain values."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Language:
    code: str  # the locale, which is also the file suffix (x.hi.md) and the URL prefix (/hi/)
    name: str
    default: bool


@dataclass(frozen=True)
class Project:
    root: Path

    # --- configuration -----------------------------------------------------------------

    @cached_property
    def config(self) -> dict:
        path = self.root / CONFIG
        try:
            return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise ConfigError(f"{path}: cannot read the site configuration: {exc}") from exc

    def plugin(self, name: str) -> dict:
        for entry in self.config.get("plugins", []):
            if isinstance(entry, dict) and name in entry:
                return entry[name] or {}
            if entry == name:
                return {}
        raise ConfigError(f"{self.root / CONFIG}: no `{name}` plugin under `plugins:`")

    @cached_property
    def languages(self) -> tuple[Language, ...]:
        """The site's languages, the default one first, as the i18n plugin lists them."""
        entries = self.plugin("i18n").get("languages") or []
        found = [Language(e["locale"], e.get("name", e["locale"]), bool(e.get("default")))
                 for e in entries if e.get("build", True)]
        defaults = [lang for lang in found if lang.default]
        if len(defaults) != 1:
            raise ConfigError(f"{self.root / CONFIG}: the i18n plugin must mark exactly one language "
                              f"`default: true` (found {len(defaults)})")
        return (defaults[0], *[lang for lang in found if not lang.default])

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(lang.code for lang in self.languages)

    @property
    def default_language(self) -> str:
        return self.languages[0].code

    @property
    def translations(self) -> tuple[str, ...]:
        """Every language but the default one."""
        return self.codes[1:]

    # --- folders -----------------------------------------------------------------------

    @property
    def docs(self) -> Path:
        return self.root / self.config.get("docs_dir", "docs")

    @property
    def snippets(self) -> Path:
        return self.root / "snippets"

    @property
    def notebooks(self) -> Path:
        return self.docs / "notebooks"

    def rel(self, path: Path) -> str:
        """A path as the messages show it: relative to the root, with forward slashes."""
        try:
            return Path(path).resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return Path(path).as_posix()

    # --- the language suffix rule: name.md, name.<code>.md ----------------------------

    def suffix(self, language: str) -> str:
        return "" if language == self.default_language else f".{language}"

    def language_of(self, path: Path) -> str:
        """The language of a docs file by its suffix: x.md (default), x.hi.md, x.hi.ipynb."""
        parts = Path(path).name.split(".")
        return parts[-2] if len(parts) > 2 and parts[-2] in self.translations else self.default_language

    def name_of(self, path: Path) -> str:
        """A page's name without language and extension: "autograd" for autograd.hi.md."""
        return Path(path).name.split(".")[0]

    def page(self, name: str, language: str) -> Path:
        return self.docs / f"{name}{self.suffix(language)}.md"

    def pages(self, language: str) -> list[Path]:
        """The Markdown pages of one language, sorted."""
        return [p for p in sorted(self.docs.rglob("*.md")) if self.language_of(p) == language
                and len(p.name.split(".")) == (2 if language == self.default_language else 3)]

    def twin(self, page: Path, language: str) -> Path:
        """The same page (or notebook) in another language."""
        page = Path(page)
        return page.with_name(f"{self.name_of(page)}{self.suffix(language)}{page.suffix}")

    def source_of(self, translated: Path) -> Path:
        """The default-language page a translated page translates."""
        return self.twin(translated, self.default_language)

    def notebook(self, chapter: str, language: str) -> Path:
        return self.notebooks / f"{chapter}{self.suffix(language)}.ipynb"

    # --- chapters ----------------------------------------------------------------------

    @property
    def chapters(self) -> list[str]:
        """Chapters: the folders under snippets/ (each has a page of the same name)."""
        return sorted(p.name for p in self.snippets.iterdir()
                      if p.is_dir() and not p.name.startswith(("_", ".")))

    # --- the built site's URLs: /name/ and /<code>/name/ ------------------------------

    def url_language(self, url_path: str) -> str:
        """The language of a path under the site root ("", "autograd/", "hi/autograd/")."""
        first = url_path.split("/", 1)[0]
        return first if first in self.translations else self.default_language

    def url_counterpart(self, url_path: str, language: str) -> str:
        """The same page in another language: "autograd/" <-> "hi/autograd/"."""
        own = self.url_language(url_path)
        bare = url_path if own == self.default_language else url_path[len(own) + 1:]
        return bare if language == self.default_language else f"{language}/{bare}"

    # --- copies ------------------------------------------------------------------------

    def copy_to(self, target: Path, caches: bool = True) -> Project:
        """A copy of everything the MkDocs build reads, to change without touching this one:
        a test breaks it on purpose, the benchmark leaves pages out. With `caches`, the build's
        content-keyed caches come along (a copy builds as fast as the original would)."""
        target.mkdir(parents=True, exist_ok=True)
        for name in SITE_SOURCES:
            shutil.copytree(self.root / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy(self.root / CONFIG, target / CONFIG)
        if caches and (self.root / CACHE).is_dir():
            shutil.copytree(self.root / CACHE, target / CACHE, dirs_exist_ok=True)
        return Project(target)


PROJECT = Project(ROOT)
