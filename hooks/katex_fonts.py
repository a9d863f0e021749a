"""MkDocs hook: the built site serves KaTeX's fonts cut down to the glyphs its math draws.

hooks/math.py typesets every formula at build time, so no math script ships, but a page
with math still loads KaTeX's woff2 fonts (docs/assets/vendor/katex/fonts/, 20 files,
268 KB), the largest part of a chapter page's weight. Once every language has been built,
this hook reads the built pages and works out, for every character of every formula's
visible KaTeX HTML (the text inside `.katex-html`), which KaTeX font the browser draws it
with: KaTeX's own stylesheet says so (`.katex .mathnormal` is KaTeX_Math italic,
`.katex .mathbf` KaTeX_Main bold, `.delimsizing.size2` KaTeX_Size2, ...), so the hook
applies that stylesheet's font rules to the formula's elements (selectors, specificity,
inheritance and the @font-face matching of family, style and weight). Each font is then cut
down to the characters drawn with it, under the same file name, so the @font-face rules of
katex.min.css still point at it: the site's one bold glyph (the "1" of a ones vector) no
longer brings all of KaTeX_Main-Bold. A font no formula uses is copied whole (no page loads
it; a font without characters is one browsers refuse).

A font's subset keeps the same metrics, hinting, names and glyph shapes (fontTools.subset
keeps the tables; no glyph is redrawn). It also keeps the reference letters from which
FreeType's auto-hinter (Chromium on Linux and Android) measures the heights of a script
(REFERENCE_LETTERS) for every script the font draws, so that the glyphs it keeps are hinted
as the full font hints them, and "(", ")" and the digits, which KaTeX's stylesheet draws
for equation numbers. The browser tests compare every formula of the site drawn with these
subsets and with the original fonts, pixel for pixel (tests/browser/test_math_fonts.py).
A font the subset would not make smaller is copied as it is.

The subsets are computed once per set of characters (and fonts, fontTools version and
options) and kept in <config dir>/.cache/katex-fonts/<hash>/ (ignored by git), so a
`mkdocs serve` rebuild only reads the formulas and copies 20 files; a new character in a
formula costs one fresh subset (about a second).
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
from html.parser import HTMLParser
from importlib.metadata import version
from pathlib import Path

from course_interface import memo
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.katex_fonts")

KATEX_DIR = "assets/vendor/katex"  # under docs/ and the built site
FONTS_DIR = f"{KATEX_DIR}/fonts"
STYLESHEET = f"{KATEX_DIR}/katex.min.css"
ALWAYS = "()0123456789"  # KaTeX's stylesheet numbers equations: "(" counter ")"
# The letters on which FreeType's auto-hinter measures a script's blue zones (its
# src/autofit/afblue.dat: Latin and Greek capitals, small letters, ascenders, descenders).
# A subset without them hints the script's other letters differently (a few grey levels).
REFERENCE_LETTERS = {
    "Latin": "THEZOCQS" "HEZLOCUS" "fijkdbh" "uvxzoesc" "nrxzoesc" "pqgjy",
    "Greek": "ΓΒΕΖΘΟΩ" "ΒΔΖΞΘΟ" "βθδζλξ" "αειοπστω" "βγημρφχψ",
    "Cyrillic": "БВЕПЗОСЭ" "БВЕШЗОСЭ" "хпншезос" "руф",
}
SCRIPTS = {  # the characters of a script, for the auto-hinter (digits are hinted as Latin)
    "Latin": lambda c: c.isascii() and c.isalnum() or "\u00c0" <= c <= "\u024f",
    "Greek": lambda c: "\u0370" <= c <= "\u03ff",
    "Cyrillic": lambda c: "\u0400" <= c <= "\u04ff",
}
KEEP = 8  # subsets kept in the cache (about 200 KB each)
# Bump when the options below change: the cache's key includes it.
OPTIONS_VERSION = "6"

FONT_PROPERTIES = ("font-family", "font-style", "font-weight")
VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "col", "area", "source"}


def _weight(value: str) -> int:
    value = value.strip().lower()
    return {"normal": 400, "bold": 700}.get(value) or int(value)


class KatexStyles:
    """The font rules of KaTeX's stylesheet: which font file draws an element's text."""

    def __init__(self, css: str):
        self.digest = hashlib.sha256(css.encode("utf-8")).hexdigest()
        css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
        self.faces: dict[str, list[tuple[str, int, str]]] = {}  # family -> (style, weight, file)
        self.rules: list[tuple[list, tuple[int, int], dict[str, str]]] = []
        for order, (prelude, body) in enumerate(re.findall(r"([^{}]+)\{([^{}]*)\}", css)):
            prelude = prelude.strip()
            declarations = dict((k.strip().lower(), v.strip()) for k, _, v in
                                (d.partition(":") for d in body.split(";") if ":" in d))
            if prelude == "@font-face":
                source = re.search(r"url\(['\"]?(?:[^)'\"]*/)?([^/)'\"]+\.woff2)",
                                   declarations.get("src", ""))
                if source:
                    self.faces.setdefault(declarations["font-family"].strip("'\""), []).append(
                        (declarations.get("font-style", "normal"),
                         _weight(declarations.get("font-weight", "400")), source[1]))
                continue
            fonts = {k: v for k, v in declarations.items() if k in FONT_PROPERTIES}
            if "font" in declarations:  # the shorthand: [style] [weight] size[/line-height] family
                words = declarations["font"].split(",")[0].split()
                fonts["font-family"] = words[-1]
                fonts["font-style"] = "italic" if "italic" in words else "normal"
                fonts["font-weight"] = next((w for w in words if w in ("bold", "700")), "400")
            if not fonts or prelude.startswith("@"):
                continue
            for selector in prelude.split(","):
                parsed = self._parse(selector)
                if parsed is not None:
                    specificity = sum(10 * len(classes) + bool(tag) for _, tag, classes in parsed)
                    self.rules.append((parsed, (specificity, order), fonts))

    @staticmethod
    def _parse(selector: str):
        """[(combinator, tag, classes), ...] for selectors of tags and classes, else None."""
        parts, combinator = [], " "
        for token in re.findall(r">|[^\s>]+", selector.strip()):
            if token == ">":
                combinator = ">"
                continue
            match = re.fullmatch(r"([a-z][a-z0-9]*)?((?:\.[-\w]+)*)", token)
            if match is None:  # pseudo-classes, attributes: not font rules KaTeX's HTML needs
                return None
            parts.append((combinator, match[1] or "", frozenset(match[2].split(".")[1:])))
            combinator = " "
        return parts or None

    @staticmethod
    def _matches(parts, chain) -> bool:
        """Whether the selector matches the last element of chain ([(tag, classes), ...])."""
        def compound(part, element):
            return (not part[1] or part[1] == element[0]) and part[2] <= element[1]

        def match(i, j):  # selector part i against chain element j
            if not compound(parts[i], chain[j]):
                return False
            if i == 0:
                return True
            if parts[i][0] == ">":
                return j > 0 and match(i - 1, j - 1)
            return any(match(i - 1, k) for k in range(j - 1, -1, -1))

        return match(len(parts) - 1, len(chain) - 1)

    def computed(self, chain, inherited: dict[str, str]) -> dict[str, str]:
        """The element's font properties: the winning rule's, else the parent's."""
        values, ranks = dict(inherited), {}
        tag, classes = chain[-1]
        for parts, rank, fonts in self.rules:
            last = parts[-1]
            if last[2] <= classes and last[1] in ("", tag) and self._matches(parts, chain):
                for prop, value in fonts.items():
                    if prop not in ranks or rank >= ranks[prop]:
                        values[prop], ranks[prop] = value, rank
        return values

    def face(self, font: dict[str, str]) -> str | None:
        """The font file CSS font matching picks for the element's family, style, weight."""
        family = font.get("font-family", "").split(",")[0].strip().strip("'\"")
        faces = self.faces.get(family)
        if not faces:
            return None
        style = font.get("font-style", "normal")
        weight = _weight(font.get("font-weight", "400"))
        order = ["italic", "oblique", "normal"] if style != "normal" else ["normal", "oblique", "italic"]
        best_style = min((order.index(s) if s in order else 3) for s, _, _ in faces)
        candidates = [f for f in faces if (order.index(f[0]) if f[0] in order else 3) == best_style]

        def weight_rank(w):  # CSS Fonts: lighter first for <= 500, heavier first above
            if w == weight:
                return (0, 0)
            if weight <= 500:
                return (1, weight - w) if w < weight else (2, w - weight)
            return (1, w - weight) if w > weight else (2, weight - w)

        return min(candidates, key=lambda f: weight_rank(f[1]))[2]


def katex_styles(docs_dir) -> KatexStyles:
    """KaTeX's stylesheet under docs_dir, read once per process while it stays the same (this
    hook and hooks/math.py's font preloads ask for it on every page and build)."""
    path = Path(docs_dir) / STYLESHEET
    status = path.stat()
    read = memo("katex_fonts.styles")
    key = (str(path), status.st_mtime_ns, status.st_size)
    if key not in read:
        read.clear()
        read[key] = KatexStyles(path.read_text(encoding="utf-8"))
    return read[key]


class _MathText(HTMLParser):
    """Walks a page: the characters of every .katex-html, by the font file that draws them."""

    def __init__(self, styles: KatexStyles, found: dict[str, set[str]]):
        super().__init__(convert_charrefs=True)
        self.styles, self.found = styles, found
        self.stack: list[tuple[tuple[str, frozenset], dict[str, str], bool]] = []  # in a .katex

    def handle_starttag(self, tag, attrs):
        classes = frozenset((dict(attrs).get("class") or "").split())
        if not self.stack and "katex" not in classes:
            return
        element = (tag, classes)
        chain = [e for e, _, _ in self.stack] + [element]
        inherited = self.stack[-1][1] if self.stack else {}
        visible = (self.stack[-1][2] if self.stack else False) or "katex-html" in classes
        font = self.styles.computed(chain, inherited)
        if tag in VOID:
            return
        self.stack.append((element, font, visible))

    def handle_endtag(self, tag):
        if self.stack and tag not in VOID:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1][2] and data.strip():
            face = self.styles.face(self.stack[-1][1])
            if face:
                self.found.setdefault(face, set()).update(data)


FORMULA = re.compile(r'<span class="katex">')
SPAN = re.compile(r"<(/?)span\b[^>]*>")


def formulas(html: str):
    """The KaTeX HTML of every formula on a page (each `<span class="katex">` element)."""
    position = 0
    while (start := FORMULA.search(html, position)) is not None:
        depth, end = 0, len(html)
        for tag in SPAN.finditer(html, start.start()):
            depth += -1 if tag[1] else 1
            if depth == 0:
                end = tag.end()
                break
        yield html[start.start():end]
        position = end


def drawn_characters(html: str, styles: KatexStyles, found: dict[str, set[str]] | None = None
                     ) -> dict[str, set[str]]:
    """Font file name -> the characters of the page's formulas drawn with it. Each formula's
    answer is kept for the process (the same formula shows on a page, its translation and its
    notebook, and again at every `mkdocs serve` rebuild)."""
    found = {} if found is None else found
    known = memo("katex_fonts.formulas")
    for formula in formulas(html):
        key = (styles.digest, formula)
        drawn = known.get(key)
        if drawn is None:
            drawn = {}
            _MathText(styles, drawn).feed(formula)
            known[key] = drawn
        for face, characters in drawn.items():
            found.setdefault(face, set()).update(characters)
    return found


def site_characters(site_dir: Path, styles: KatexStyles) -> dict[str, set[str]]:
    """Font file name -> the characters every built page's math draws with it."""
    found: dict[str, set[str]] = {}
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8", errors="replace")
        if "katex-html" in html:
            drawn_characters(html, styles, found)
    return found


def characters_to_keep(drawn: set[str], font_name: str) -> str:
    """A font's drawn characters, the auto-hinter's reference letters of each script they
    are in, and (for KaTeX_Main-Regular) what the equation numbers draw."""
    keep = set(drawn)
    if font_name == "KaTeX_Main-Regular.woff2":
        keep |= set(ALWAYS)
    for script, letters in REFERENCE_LETTERS.items():
        if any(SCRIPTS[script](c) for c in keep):
            keep |= set(letters)
    return "".join(sorted(keep))


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


def cache_key(fonts: list[Path], keep: dict[str, str]) -> str:
    digest = hashlib.sha256()
    digest.update(f"fonttools {version('fonttools')} brotli {version('brotli')} "
                  f"options {OPTIONS_VERSION}\n".encode())
    for font in fonts:
        digest.update(b"\0" + font.name.encode() + b"\0" + font.read_bytes())
        digest.update(b"\0" + keep.get(font.name, "").encode("utf-8"))
    return digest.hexdigest()[:20]


def subsets(fonts: list[Path], keep: dict[str, str], cache_root: Path) -> tuple[Path, bool]:
    """The folder holding every font cut down to its characters in keep (font file name ->
    characters; a font without any is copied whole: no page loads it, and a font of no
    characters is one browsers refuse), and whether it was in the cache."""
    folder = cache_root / cache_key(fonts, keep)
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
            data = subset_font(font, keep[font.name]) if keep.get(font.name) else font.read_bytes()
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
    drawn = site_characters(Path(config.site_dir), katex_styles(config.docs_dir))
    keep = {font.name: characters_to_keep(drawn[font.name], font.name)
            for font in fonts if drawn.get(font.name)}
    cache_root = Path(config.config_file_path).resolve().parent / ".cache" / "katex-fonts"
    folder, cached = subsets(fonts, keep, cache_root)
    for font in fonts:
        shutil.copyfile(folder / font.name, target_dir / font.name)
    used = [f for f in fonts if f.name in keep]
    before = sum(f.stat().st_size for f in used)
    after = sum((target_dir / f.name).stat().st_size for f in used)
    log.info(f"KaTeX fonts: the {len(used)} of {len(fonts)} the math uses cut down to the characters it "
             f"draws with each, {before // 1000} KB -> {after // 1000} KB "
             f"({'cached' if cached else 'computed'}, {time.perf_counter() - start:.2f} s)")
