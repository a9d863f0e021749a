"""MkDocs hook: the theme's and KaTeX's stylesheets ship without the rules no page can use.

Material's main stylesheet (138 KB) styles every feature the theme has: blog posts, cards,
grids, keyboard keys, banners, cookie consent, repository facts, navigation tabs, ...; this
site uses a few of them, and KaTeX's stylesheet styles every construct TeX has. Every page
loads both, so each carries about 7 KB (compressed) of rules for elements that appear
nowhere. Once every language has been built, this hook collects every class name the site
can use: those in the built pages' `class` attributes, and every name in the site's
JavaScript (the theme's bundle and the pages' inline scripts, which build elements and
toggle classes at run time; a template like `tabbed-control--${...}` keeps every class that
starts with `tabbed-control--`). It then rewrites the stylesheets in STYLESHEETS in the
built site, under the same names, without every selector that needs a class outside that
set (a rule whose selectors all go goes with them). Nothing else changes: the other
selectors, declarations, at-rules and the order of the rules are as they were, and a class
inside :not(), :is(), :where() or :has() never removes a selector (the selector may match
without it).

The browser tests compare, element by element, the computed style of pages drawn with
these stylesheets and with the originals, in light and dark, on a desktop and a phone, with
the search open (tests/browser/test_unused_css.py).
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from pathlib import Path

from course_interface import memo
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.unused_css")

# Glob patterns under the built site.
STYLESHEETS = (
    "assets/stylesheets/main.*.min.css",
    "assets/stylesheets/palette.*.min.css",
    "assets/vendor/katex/katex.min.css",
)
CLASS_ATTRIBUTES = (re.compile(r'class="([^"]*)"'), re.compile(r"class='([^']*)'"))
SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.S | re.I)
NAME = re.compile(r"[A-Za-z_][-\w]*")
TEMPLATE_PREFIX = re.compile(r"([A-Za-z_][-\w]*)\$\{")  # `md-tag--${name}`
# A class in a selector (after functional pseudo-classes are taken out).
CLASS = re.compile(r"\.(-?[_a-zA-Z][-\w]*)")
FUNCTIONAL = re.compile(r":(?:not|is|where|has|matches|-webkit-any|-moz-any)\(")


class Names:
    """The class names the built site can use."""

    def __init__(self, site_dir: Path):
        self.names: set[str] = set()
        self.prefixes: set[str] = set()
        known = memo("unused_css.files")  # a file's digest -> its names and prefixes
        files = sorted(site_dir.rglob("*.html")) + sorted(site_dir.rglob("*.js"))
        for path in files:
            data = path.read_bytes()
            key = (path.suffix, hashlib.blake2b(data, digest_size=16).digest())
            if key not in known:
                known[key] = self.scan(data.decode("utf-8", errors="replace"), html=path.suffix == ".html")
            names, prefixes = known[key]
            self.names |= names
            self.prefixes |= prefixes
        self.digest = hashlib.sha256("\0".join(sorted(self.names) + ["\1"] + sorted(self.prefixes))
                                     .encode()).hexdigest()

    @staticmethod
    def scan(text: str, html: bool) -> tuple[frozenset[str], frozenset[str]]:
        """The class names a page's class attributes and scripts, or a script, can use."""
        names, prefixes = set(), set()
        scripts = SCRIPT.findall(text) if html else [text]
        if html:
            for attribute in CLASS_ATTRIBUTES:
                for value in attribute.findall(text):
                    names.update(value.split())
        for script in scripts:
            names.update(NAME.findall(script))
            prefixes.update(TEMPLATE_PREFIX.findall(script))
        return frozenset(names), frozenset(prefixes)

    def __contains__(self, name: str) -> bool:
        return name in self.names or any(name.startswith(p) for p in self.prefixes)


def without_functional(selector: str) -> str:
    """The selector with every :not(...), :is(...), :where(...), :has(...) taken out."""
    out, position = [], 0
    while (match := FUNCTIONAL.search(selector, position)) is not None:
        out.append(selector[position:match.start()])
        depth, index = 1, match.end()
        while index < len(selector) and depth:
            depth += {"(": 1, ")": -1}.get(selector[index], 0)
            index += 1
        position = index
    out.append(selector[position:])
    return "".join(out)


def split_top_level(text: str, separator: str = ",") -> list[str]:
    """text split at the separator outside brackets and strings."""
    parts, depth, quote, start = [], 0, "", 0
    for index, character in enumerate(text):
        if quote:
            if character == quote and text[index - 1] != "\\":
                quote = ""
        elif character in "\"'":
            quote = character
        elif character in "([":
            depth += 1
        elif character in ")]":
            depth -= 1
        elif character == separator and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


STRING = re.compile(r""""(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'""")
ATTRIBUTE = re.compile(r"\[[^\]]*\]")


def usable(selector: str, names: Names) -> bool:
    """Whether every class the selector needs is one the site can use."""
    plain = ATTRIBUTE.sub("", STRING.sub('""', without_functional(selector)))
    return all(name in names for name in CLASS.findall(plain))


GROUPING = ("@media", "@supports", "@layer", "@container", "@document")


def _skip_string(css: str, index: int) -> int:
    """The index after the string that starts at css[index] (a quote)."""
    quote, index = css[index], index + 1
    while index < len(css) and css[index] != quote:
        index += 2 if css[index] == "\\" else 1
    return index + 1


def _block_end(css: str, index: int) -> int:
    """The index after the "}" that closes the "{" at css[index]."""
    depth = 0
    while index < len(css):
        character = css[index]
        if character in "\"'":
            index = _skip_string(css, index)
            continue
        if css.startswith("/*", index):
            index = css.find("*/", index + 2) + 2 if css.find("*/", index + 2) >= 0 else len(css)
            continue
        if character == "{":
            depth += 1
        elif character == "}":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    raise ValueError("a block is not closed")


def _statements(css: str):
    """(prelude, body or None, text) for every top-level statement, as written; comments and
    whitespace between statements are dropped."""
    index = 0
    while index < len(css):
        if css[index].isspace():
            index += 1
            continue
        if css.startswith("/*", index):
            end = css.find("*/", index + 2)
            index = len(css) if end < 0 else end + 2
            continue
        start = index
        while index < len(css) and css[index] not in "{;}":
            if css[index] in "\"'":
                index = _skip_string(css, index)
            elif css.startswith("/*", index):
                end = css.find("*/", index + 2)
                index = len(css) if end < 0 else end + 2
            else:
                index += 1
        if index >= len(css) or css[index] == "}":
            raise ValueError(f"unexpected end of a statement near {css[start:start + 40]!r}")
        if css[index] == ";":  # @charset, @import, @layer a, b;
            yield css[start:index], None, css[start:index + 1]
            index += 1
            continue
        end = _block_end(css, index)
        yield css[start:index], css[index + 1:end - 1], css[start:end]
        index = end


def purge(css: str, names: Names) -> tuple[str, list[str]]:
    """The stylesheet without its unusable selectors (everything else exactly as written),
    and the selectors that went."""
    removed: list[str] = []

    def rules(text: str) -> list[str]:
        out = []
        for prelude, body, statement in _statements(text):
            head = prelude.strip()
            if body is None or head.startswith("@") and not head.lower().startswith(GROUPING):
                out.append(statement)  # @charset, @font-face, @keyframes, @page ... as they are
            elif head.startswith("@"):
                inner = rules(body)
                if inner:
                    out.append(f"{prelude}{{{''.join(inner)}}}")
            else:
                selectors = split_top_level(prelude)
                kept = [s for s in selectors if usable(s, names)]
                removed.extend(s.strip() for s in selectors if not usable(s, names))
                if kept:
                    out.append(",".join(s.strip() for s in kept) + "{" + body + "}")
        return out

    return "".join(rules(css)), removed


@event_priority(-200)  # after mkdocs-static-i18n has built every language
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # an inner (per-language) build: the other languages' pages are not all there
    start = time.perf_counter()
    site_dir = Path(config.site_dir)
    names = Names(site_dir)
    before = after = removed = 0
    done = memo("unused_css.stylesheets")  # (stylesheet, names) -> the purge
    for pattern in STYLESHEETS:
        for path in sorted(site_dir.glob(pattern)):
            css = path.read_text(encoding="utf-8")
            key = (hashlib.sha256(css.encode("utf-8")).hexdigest(), names.digest)
            try:
                if key not in done:
                    done[key] = purge(css, names)
            except ValueError as error:
                log.warning(f"{path.relative_to(site_dir)}: {error}; shipped as it is (hooks/unused_css.py)")
                continue
            purged, gone = done[key]
            path.write_text(purged, encoding="utf-8")
            before, after, removed = before + len(css), after + len(purged), removed + len(gone)
    log.info(f"Stylesheets without the {removed} selectors no page can use: {before // 1000} KB -> "
             f"{after // 1000} KB ({time.perf_counter() - start:.2f} s)")
