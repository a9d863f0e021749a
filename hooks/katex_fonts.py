"""MkDocs hook: the built site serves KaTeX's fonts cut down to the characters its math uses.

hooks/math.py typesets every formula at build time, so no math script ships, but a page
with math still loads KaTeX's woff2 fonts (docs/assets/vendor/katex/fonts/, 20 files,
268 KB), the largest part of a chapter page's weight. The site's formulas use few
characters. Once every language has been built, this hook reads the built pages, collects
the characters of every formula's visible KaTeX HTML (the text inside `.katex-html`), and
writes into the built site's assets/vendor/katex/fonts/ a subset of every KaTeX font
holding those characters and printable ASCII (KaTeX's stylesheet numbers equations with
"(", digits and ")"), under the same file names, so katex.min.css is unchanged. A page's
fonts are the same files with fewer glyphs: same metrics, hinting, names and glyph shapes
(fontTools.subset keeps the tables; no glyph is redrawn), so a formula looks the same.
Where a Greek (or Cyrillic) letter is used, the font keeps that whole alphabet: FreeType's
auto-hinter (Chromium on Linux) measures a script's heights on its reference letters, and
without them drew the letters a few grey levels differently in screenshots.

The characters are those of every font's cmap that the math uses, whichever KaTeX font
draws them: a superset of what each font needs, which is sound without knowing which
font KaTeX picks for a character. A font the subset would not make smaller is copied as
it is.

The subsets are computed once per set of characters (and fonts, fontTools version and
options) and kept in <config dir>/.cache/katex-fonts/<hash>/ (ignored by git), so a
`mkdocs serve` rebuild only copies 20 small files; a new character in a formula costs
one fresh subset (a few seconds).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import os
import re
import shutil
import tempfile
import time
from html import unescape
from importlib.metadata import version
from pathlib import Path

from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.katex_fonts")

FONTS_DIR = "assets/vendor/katex/fonts"  # under docs/ and the built site
ALWAYS = "".join(chr(c) for c in range(0x20, 0x7F))  # printable ASCII
# FreeType's auto-hinter (Chromium on Linux) sizes a script's letters by blue zones it
# measures on reference letters of that script (for Latin: ASCII letters, always kept).
# A subset without them hints the script's letters a little differently, so when the math
# uses a letter of one of these alphabets, the font keeps the whole basic alphabet.
ALPHABETS = [
    "".join(chr(c) for c in [*range(0x391, 0x3AA), *range(0x3B1, 0x3CA)]),  # Greek
    "".join(chr(c) for c in range(0x410, 0x450)),  # Cyrillic
]
KEEP = 8  # subsets kept in the cache (about 200 KB each)
# Bump when the options below change: the cache's key includes it.
OPTIONS_VERSION = "4"

KATEX_HTML = re.compile(r'<span\b[^>]*\bclass="katex-html"[^>]*>')
SPAN = re.compile(r"<(/?)span\b[^>]*>")
TAG = re.compile(r"<[^>]*>")


def formula_characters(html: str) -> set[str]:
    """The characters of the visible KaTeX output (.katex-html) of every formula on a page."""
    found: set[str] = set()
    for start in KATEX_HTML.finditer(html):
        depth, end = 1, len(html)
        for tag in SPAN.finditer(html, start.end()):
            depth += -1 if tag[1] else 1
            if depth == 0:
                end = tag.start()
                break
        found.update(unescape(TAG.sub("", html[start.end():end])))
    return found


def site_characters(site_dir: Path) -> set[str]:
    """The characters of every formula on every built page."""
    found: set[str] = set()
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8", errors="replace")
        if "katex-html" in html:
            found |= formula_characters(html)
    return found


def characters_to_keep(used: set[str]) -> set[str]:
    """The math's characters, printable ASCII, and the alphabet of any letter used."""
    keep = used | set(ALWAYS)
    for alphabet in ALPHABETS:
        if used & set(alphabet):
            keep |= set(alphabet)
    return keep


def subset_options():
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # every feature and table of the font's layout, if any
    options.hinting = True  # keep the instructions, fpgm, prep and cvt
    options.legacy_kern = True
    options.notdef_glyph = True
    options.notdef_outline = True
    options.glyph_names = True  # keep the post table's names
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.symbol_cmap = True
    options.prune_unicode_ranges = False  # OS/2 as it was
    options.prune_codepage_ranges = False
    options.recalc_average_width = False
    options.recalc_max_context = False
    options.recalc_bounds = False
    options.recalc_timestamp = False
    return options


def subset_font(source: Path, characters: str) -> bytes:
    """The woff2 bytes of source with only the glyphs of characters (and .notdef)."""
    from fontTools import subset

    options = subset_options()
    font = subset.load_font(str(source), options)
    cmap = font.getBestCmap()
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted({ord(c) for c in characters} & set(cmap)))
    subsetter.subset(font)
    out = io.BytesIO()
    subset.save_font(font, out, options)
    font.close()
    return out.getvalue()


def cache_key(fonts: list[Path], characters: str) -> str:
    digest = hashlib.sha256()
    digest.update(f"fonttools {version('fonttools')} brotli {version('brotli')} "
                  f"options {OPTIONS_VERSION}\n".encode())
    digest.update(characters.encode("utf-8"))
    for font in fonts:
        digest.update(b"\0" + font.name.encode() + b"\0" + font.read_bytes())
    return digest.hexdigest()[:20]


def subsets(fonts: list[Path], characters: str, cache_root: Path) -> tuple[Path, bool]:
    """The folder holding the subset of every font, and whether it was in the cache."""
    folder = cache_root / cache_key(fonts, characters)
    if folder.is_dir() and all((folder / f.name).is_file() for f in fonts):
        with contextlib.suppress(OSError):
            os.utime(folder)  # recently used: kept by prune()
        return folder, True
    cache_root.mkdir(parents=True, exist_ok=True)
    # Written aside, then renamed into place: an interrupted or parallel build never
    # leaves (or reads) a half-written folder.
    partial = Path(tempfile.mkdtemp(prefix=".partial-", dir=cache_root))
    try:
        for font in fonts:
            data = subset_font(font, characters)
            if len(data) >= font.stat().st_size:  # it keeps (nearly) every glyph
                data = font.read_bytes()
            (partial / font.name).write_bytes(data)
        try:
            os.replace(partial, folder)
        except OSError:  # another build wrote it first
            if not folder.is_dir():
                raise
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    prune(cache_root)
    return folder, False


def prune(cache_root: Path, keep: int = KEEP) -> None:
    """Remove all but the `keep` most recently used subsets (each edit of a formula that
    brings a new character makes one under `mkdocs serve`)."""
    folders = sorted((p for p in cache_root.iterdir() if p.is_dir() and not p.name.startswith(".")),
                     key=lambda p: p.stat().st_mtime, reverse=True)
    for old in folders[keep:]:
        shutil.rmtree(old, ignore_errors=True)


@event_priority(-200)  # after mkdocs-static-i18n has built every language
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # an inner (per-language) build: the other languages' pages are not all there
    source_dir = Path(config.docs_dir) / FONTS_DIR
    target_dir = Path(config.site_dir) / FONTS_DIR
    fonts = sorted(source_dir.glob("*.woff2"))
    if not fonts or not target_dir.is_dir():
        return
    start = time.perf_counter()
    characters = "".join(sorted(characters_to_keep(site_characters(Path(config.site_dir)))))
    cache_root = Path(config.config_file_path).resolve().parent / ".cache" / "katex-fonts"
    folder, cached = subsets(fonts, characters, cache_root)
    for font in fonts:
        shutil.copyfile(folder / font.name, target_dir / font.name)
    before = sum(f.stat().st_size for f in fonts)
    after = sum((target_dir / f.name).stat().st_size for f in fonts)
    log.info(f"KaTeX fonts subset to the math's {len(characters)} characters: {before // 1000} KB -> "
             f"{after // 1000} KB ({'cached' if cached else 'computed'}, "
             f"{time.perf_counter() - start:.2f} s)")
