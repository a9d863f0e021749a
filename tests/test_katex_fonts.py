"""The built site's KaTeX fonts are subsets (hooks/katex_fonts.py): every character its math
shows is still in the font, every kept glyph is the original's, the files are valid and smaller,
and the subsets are cached by content."""

from __future__ import annotations

import importlib.util
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytest.importorskip("fontTools", reason="fonttools is in requirements.txt; install it")
pytest.importorskip("brotli", reason="brotli (for woff2) is in requirements.txt; install it")
from fontTools.ttLib import TTFont  # noqa: E402

from tools.project import PROJECT  # noqa: E402

FONTS = "assets/vendor/katex/fonts"
ORIGINALS = PROJECT.docs / FONTS
GREEK = {chr(c) for c in [*range(0x391, 0x3AA), *range(0x3B1, 0x3CA)]}
REBUILD = "rebuild the site (mkdocs build); hooks/katex_fonts.py writes the subsets"


class MathText(HTMLParser):
    """The text inside every .katex-html element (what KaTeX draws with its fonts)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0  # >0 inside a .katex-html element: the number of open elements there
        self.characters: set[str] = set()

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "img", "input", "meta", "link", "hr", "wbr"):
            return
        if self.depth:
            self.depth += 1
        elif "katex-html" in (dict(attrs).get("class") or "").split():
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.characters.update(data)


def math_characters(site_dir: Path) -> dict[str, set[Path]]:
    """Every character the built site's math draws -> the pages that draw it."""
    found: dict[str, set[Path]] = {}
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        if "katex-html" not in html:
            continue
        parser = MathText()
        parser.feed(html)
        for character in parser.characters:
            found.setdefault(character, set()).add(page.relative_to(site_dir))
    return found


def originals() -> list[Path]:
    fonts = sorted(ORIGINALS.glob("*.woff2"))
    assert fonts, f"no KaTeX fonts in {PROJECT.rel(ORIGINALS)}"
    return fonts


def cmap(path: Path) -> dict[int, str]:
    with TTFont(path) as font:
        return dict(font.getBestCmap())


@pytest.fixture(scope="module")
def drawn(built_site) -> dict[str, set[Path]]:
    characters = math_characters(built_site)
    assert len(characters) > 20, f"{built_site}: found almost no math on the built pages"
    return characters


def test_every_character_of_the_math_is_in_the_subset_fonts(built_site, drawn):
    missing = []
    for original in originals():
        before, after = cmap(original), cmap(built_site / FONTS / original.name)
        for character, pages in sorted(drawn.items()):
            if ord(character) in before and ord(character) not in after:
                page = sorted(pages)[0]
                missing.append(f"{original.name}: {character!r} (U+{ord(character):04X}), drawn on "
                               f"{page}" + (f" and {len(pages) - 1} more pages" if len(pages) > 1 else ""))
    assert not missing, ("The built site's KaTeX fonts lack characters its math draws (the browser "
                         "would draw them in another font). hooks/katex_fonts.py collects them from "
                         "the .katex-html of every page; it missed:\n  " + "\n  ".join(missing))


def test_kept_glyphs_are_the_originals(built_site):
    changed = []
    for original in originals():
        with TTFont(original) as a, TTFont(built_site / FONTS / original.name) as b:
            names_a, names_b = a.getBestCmap(), b.getBestCmap()
            for code, name in sorted(names_b.items()):
                ga, gb = a["glyf"][names_a[code]], b["glyf"][name]
                ga.expand(a["glyf"]), gb.expand(b["glyf"])
                same = (a["hmtx"][names_a[code]] == b["hmtx"][name]
                        and ga.getCoordinates(a["glyf"])[0] == gb.getCoordinates(b["glyf"])[0]
                        and (ga.program.getBytecode() if hasattr(ga, "program") else b"")
                        == (gb.program.getBytecode() if hasattr(gb, "program") else b""))
                if not same:
                    changed.append(f"{original.name}: U+{code:04X} ({name})")
            for tag in ("head", "hhea", "OS/2", "fpgm", "prep", "cvt ", "gasp"):
                if tag in a and tag not in b:
                    changed.append(f"{original.name}: the {tag} table was dropped")
            if (a["hhea"].ascent, a["hhea"].descent, a["head"].unitsPerEm) != (
                    b["hhea"].ascent, b["hhea"].descent, b["head"].unitsPerEm):
                changed.append(f"{original.name}: the vertical metrics changed")
    assert not changed, ("A subset font draws a character differently from KaTeX's original "
                         "(outline, advance, hinting or metrics); hooks/katex_fonts.py's subset "
                         "options must keep them:\n  " + "\n  ".join(changed))


def test_a_used_greek_letter_keeps_the_whole_alphabet(built_site):
    # FreeType's auto-hinter measures a script's blue zones on reference letters of it; without
    # them the Greek letters the math uses are hinted differently (seen in Chromium on Linux).
    problems = []
    for original in originals():
        before, after = set(map(chr, cmap(original))), set(map(chr, cmap(built_site / FONTS / original.name)))
        if after & GREEK and not (before & GREEK) <= after:
            problems.append(f"{original.name}: lacks {''.join(sorted((before & GREEK) - after))}")
    assert not problems, ("A subset keeps some Greek letters but not the font's whole Greek "
                          "alphabet (hooks/katex_fonts.py, ALPHABETS):\n  " + "\n  ".join(problems))


def test_the_subset_fonts_are_valid_woff2_and_smaller(built_site):
    problems, before, after = [], 0, 0
    for original in originals():
        built = built_site / FONTS / original.name
        if not built.is_file():
            problems.append(f"{original.name}: not in the built site ({REBUILD})")
            continue
        try:
            with TTFont(built) as font:
                flavor, glyphs = font.flavor, font.getGlyphOrder()
                font["glyf"]  # decompresses and parses the outlines
        except Exception as error:  # noqa: BLE001 (any failure to read it is the finding)
            problems.append(f"{original.name}: fontTools cannot read it ({error})")
            continue
        if flavor != "woff2" or not glyphs or glyphs[0] != ".notdef":
            problems.append(f"{original.name}: not a woff2 font with .notdef first (flavor {flavor})")
        size, original_size = built.stat().st_size, original.stat().st_size
        if size > original_size:
            problems.append(f"{original.name}: {size} bytes, larger than the original's {original_size}")
        before, after = before + original_size, after + size
    assert not problems, "\n".join(problems)
    assert after < before, (f"The built site's KaTeX fonts are {after} bytes, the originals "
                                   f"{before}: not subset? ({REBUILD})")


def load_hook():
    path = PROJECT.root / "hooks" / "katex_fonts.py"
    spec = importlib.util.spec_from_file_location("course_katex_fonts", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_subsets_are_cached_by_content(tmp_path):
    hook = load_hook()
    fonts = [ORIGINALS / "KaTeX_Size3-Regular.woff2", ORIGINALS / "KaTeX_Caligraphic-Regular.woff2"]
    first, cached = hook.subsets(fonts, "()[]ABC", tmp_path)
    assert not cached and sorted(p.name for p in first.iterdir()) == sorted(f.name for f in fonts)
    again, cached = hook.subsets(fonts, "()[]ABC", tmp_path)
    assert cached and again == first, "the same characters and fonts must reuse the cached subset"
    other, cached = hook.subsets(fonts, "()[]ABCD", tmp_path)
    assert not cached and other != first, "other characters must make another subset"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".partial-")], "a partial folder was left"
    for n in range(hook.KEEP + 2):
        hook.subsets(fonts[:1], "()" + chr(ord("A") + n), tmp_path)
    assert len([p for p in tmp_path.iterdir() if p.is_dir()]) == hook.KEEP, (
        f"the cache keeps the {hook.KEEP} most recently used subsets, no more")
