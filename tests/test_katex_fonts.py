"""The built site's KaTeX fonts are subsets (hooks/katex_fonts.py): the hook reads KaTeX's
stylesheet right (which font draws which part of a formula), every font keeps the characters
drawn with it and the auto-hinter's reference letters, every kept glyph is the original's, the
files are valid and smaller, and the subsets are cached by content. That the math then looks
the same in a browser is tests/browser/test_math_fonts.py's check."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fontTools", reason="fonttools is in requirements.txt; install it")
pytest.importorskip("brotli", reason="brotli (for woff2) is in requirements.txt; install it")
from fontTools.ttLib import TTFont  # noqa: E402

from tools import site  # noqa: E402
from tools.project import PROJECT  # noqa: E402

FONTS = "assets/vendor/katex/fonts"
ORIGINALS = PROJECT.docs / FONTS
GREEK = {chr(c) for c in [*range(0x391, 0x3AA), *range(0x3B1, 0x3CA)]}
REBUILD = "rebuild the site (mkdocs build); hooks/katex_fonts.py writes the subsets"


def originals() -> list[Path]:
    fonts = sorted(ORIGINALS.glob("*.woff2"))
    assert fonts, f"no KaTeX fonts in {PROJECT.rel(ORIGINALS)}"
    return fonts


def cmap(path: Path) -> dict[int, str]:
    with TTFont(path) as font:
        return dict(font.getBestCmap())


@pytest.fixture(scope="module")
def hook():
    return site.load_hook("katex_fonts")


@pytest.fixture(scope="module")
def styles(hook):
    return hook.katex_styles(PROJECT.docs)


@pytest.fixture(scope="module")
def katex():
    """KaTeX in V8, as hooks/math.py runs it."""
    pytest.importorskip("py_mini_racer", reason="mini-racer is in requirements.txt; install it")
    module = site.load_hook("math")
    return module.Katex(PROJECT.docs / "assets" / "vendor" / "katex" / "katex.min.js")


@pytest.mark.parametrize(("tex", "display", "font", "characters"), [
    (r"x + y", False, "KaTeX_Math-Italic.woff2", "xy"),
    (r"x + y", False, "KaTeX_Main-Regular.woff2", "+"),
    (r"\mathbf{1}[z > 0]", False, "KaTeX_Main-Bold.woff2", "1"),
    (r"\mathrm{BCE}(a)", False, "KaTeX_Main-Regular.woff2", "BCE()"),
    (r"\boldsymbol{w}", False, "KaTeX_Math-BoldItalic.woff2", "w"),
    (r"\mathbb{R}^{10}", False, "KaTeX_AMS-Regular.woff2", "R"),
    (r"\sum_i a_i", False, "KaTeX_Size1-Regular.woff2", "∑"),
    (r"\sum_i a_i", True, "KaTeX_Size2-Regular.woff2", "∑"),
    (r"\Bigl( a \Bigr)", False, "KaTeX_Size2-Regular.woff2", "()"),
    (r"\text{softmax}(z)", False, "KaTeX_Main-Regular.woff2", "softmax"),
    (r"\mathit{loss}", False, "KaTeX_Main-Italic.woff2", "los"),
    (r"\mathtt{x}", False, "KaTeX_Typewriter-Regular.woff2", "x"),
])
def test_the_hook_reads_which_font_draws_a_character(hook, styles, katex, tex, display, font, characters):
    html, error = katex.render(tex, display)
    assert error is None, error
    drawn = hook.drawn_characters(html, styles)
    assert set(characters) <= drawn.get(font, set()), (
        f"{tex!r}: KaTeX's stylesheet draws {characters!r} with {font}; hooks/katex_fonts.py "
        f"assigned: { {name: ''.join(sorted(chars)) for name, chars in drawn.items()} }")
    others = {name for name, chars in drawn.items() if name != font and set(characters) & chars}
    assert not others, f"{tex!r}: {characters!r} also assigned to {sorted(others)}"


def test_every_font_keeps_what_the_math_draws_with_it_and_the_hinters_letters(built_site, hook, styles):
    drawn = hook.site_characters(built_site, styles)
    assert sum(map(len, drawn.values())) > 20, f"{built_site}: found almost no math on the built pages"
    missing = []
    for original in originals():
        before, after = cmap(original), cmap(built_site / FONTS / original.name)
        wanted = {ord(c) for c in hook.characters_to_keep(drawn.get(original.name, set()), original.name)}
        lost = sorted((wanted & set(before)) - set(after))
        if lost:
            missing.append(f"{original.name}: {''.join(map(chr, lost))}")
    assert not missing, ("The built site's KaTeX fonts lack characters the math draws with them or "
                         f"the auto-hinter's reference letters ({REBUILD}):\n  " + "\n  ".join(missing))
    for original in originals():  # a font that draws a Greek letter keeps the hinter's Greek letters
        if drawn.get(original.name, set()) & GREEK:
            kept = set(map(chr, cmap(built_site / FONTS / original.name)))
            lacking = (set(hook.REFERENCE_LETTERS["Greek"]) & set(map(chr, cmap(original)))) - kept
            assert not lacking, f"{original.name} draws Greek but lacks {''.join(sorted(lacking))}"


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


def test_subsets_are_cached_by_content(tmp_path, hook):
    fonts = [ORIGINALS / "KaTeX_Size3-Regular.woff2", ORIGINALS / "KaTeX_Caligraphic-Regular.woff2"]
    names = [font.name for font in fonts]
    first, cached = hook.subsets(fonts, dict.fromkeys(names, "()[]ABC"), tmp_path)
    assert not cached and sorted(p.name for p in first.iterdir()) == sorted(f.name for f in fonts)
    again, cached = hook.subsets(fonts, dict.fromkeys(names, "()[]ABC"), tmp_path)
    assert cached and again == first, "the same characters and fonts must reuse the cached subset"
    other, cached = hook.subsets(fonts, dict.fromkeys(names, "()[]ABCD"), tmp_path)
    assert not cached and other != first, "other characters must make another subset"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".partial-")], "a partial folder was left"
    for n in range(hook.KEEP + 2):
        hook.subsets(fonts[:1], {names[0]: "()" + chr(ord("A") + n)}, tmp_path)
    assert len([p for p in tmp_path.iterdir() if p.is_dir()]) == hook.KEEP, (
        f"the cache keeps the {hook.KEEP} most recently used subsets, no more")
