"""The site's math looks the same with the built site's cut-down KaTeX fonts as with KaTeX's
original fonts (hooks/katex_fonts.py): every distinct formula of every page is drawn in
Chromium twice, once with each set of fonts, and the two drawings must match pixel for
pixel. This checks what the hook cannot check of itself: that the browser draws every
character with a font that still has it, and hints the glyphs the subset kept exactly as
the full font does."""

from __future__ import annotations

import io
import re
from html import escape, unescape

import pytest

from tools.project import PROJECT

PIL = pytest.importorskip("PIL.Image", reason="Pillow (a dependency of matplotlib) compares the drawings")

FONTS = "assets/vendor/katex/fonts"
ORIGINALS = PROJECT.docs / FONTS
SPAN = re.compile(r"<(/?)span\b[^>]*>")
FORMULA = re.compile(r'<span class="katex(?:-display)?">')
TEX = re.compile(r'<annotation encoding="application/x-tex">(.*?)</annotation>', re.S)
# The sizes the site draws math at: body text (0.8rem of Material's 20px root) and the
# smaller text of admonitions and collapsible blocks (0.64rem).
SIZES = ("16px", "12.8px")


def formulas(site_dir) -> dict[str, str]:
    """Every distinct formula (its KaTeX HTML) of the built site -> a page that shows it."""
    found: dict[str, str] = {}
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        position = 0
        while (start := FORMULA.search(html, position)) is not None:
            depth = 0
            for tag in SPAN.finditer(html, start.start()):
                depth += -1 if tag[1] else 1
                if depth == 0:
                    break
            position = tag.end()
            found.setdefault(html[start.start():position], str(page.relative_to(site_dir)))
    return found


def sheet(items: list[str]) -> str:
    cells = "".join(f'<div class="f" data-i="{n}">{html}</div>' for n, html in enumerate(items))
    blocks = "".join(f'<section style="font-size:{size}">{cells}</section>' for size in SIZES)
    return ('<!doctype html><html><head><meta charset="utf-8">'
            '<link rel="stylesheet" href="../assets/vendor/katex/katex.min.css">'
            "<style>body{margin:8px;font-family:sans-serif;background:#fff;color:#000}"
            "section{display:flex;flex-wrap:wrap;gap:6px}.f{padding:2px}"
            ".katex-display{margin:0}</style></head>"
            f"<body>{blocks}</body></html>")


def draw(context, served: str, page_html: str, original_fonts: bool):
    """A screenshot of the sheet, and the box of every cell in it."""
    page = context.new_page()
    try:
        page.route("**/math-fonts-check/", lambda route: route.fulfill(
            status=200, content_type="text/html; charset=utf-8", body=page_html))
        if original_fonts:
            page.route(f"**/{FONTS}/*.woff2", lambda route: route.fulfill(
                status=200, content_type="font/woff2",
                body=(ORIGINALS / route.request.url.rsplit("/", 1)[-1]).read_bytes()))
        page.goto(served + "math-fonts-check/", wait_until="load")
        pending = page.evaluate("""async () => {
            await document.fonts.ready;
            return [...document.fonts].filter(f => f.status !== 'loaded' && f.status !== 'unloaded')
                                       .map(f => f.family + ' ' + f.status);
        }""")
        assert not pending, f"KaTeX fonts that did not load: {pending}"
        boxes = page.evaluate("""() => [...document.querySelectorAll('.f')].map(e => {
            const r = e.getBoundingClientRect();
            return [Number(e.dataset.i), r.left + scrollX, r.top + scrollY, r.width, r.height];
        })""")
        return PIL.open(io.BytesIO(page.screenshot(full_page=True))).convert("RGB"), boxes
    finally:
        page.close()


def test_math_looks_the_same_with_the_subset_fonts(context, served, built_site):
    found = formulas(built_site)
    assert len(found) > 50, f"{built_site}: found almost no formulas"
    items = list(found)
    page_html = sheet(items)
    subset, boxes = draw(context, served, page_html, original_fonts=False)
    original, original_boxes = draw(context, served, page_html, original_fonts=True)
    def named(n: int) -> str:
        tex = TEX.search(items[n])
        return f"{found[items[n]]}: {unescape(tex[1]) if tex else escape(items[n][:80])}"

    resized = sorted({named(a[0]) for a, b in zip(boxes, original_boxes, strict=True) if a[3:] != b[3:]})
    assert not resized, (
        f"{len(resized)} formula(s) take another size with the built site's subset fonts than with "
        "KaTeX's originals (a character drawn with a font that lost it, or other metrics); "
        "hooks/katex_fonts.py decides which characters each font keeps:\n  " + "\n  ".join(resized[:20]))
    differing = []
    for n, left, top, width, height in boxes:
        box = (int(left), int(top), int(left + width + 1), int(top + height + 1))
        if subset.crop(box).tobytes() != original.crop(box).tobytes():
            differing.append(named(n))
    assert not differing, (
        f"{len(differing)} formula drawing(s) differ between KaTeX's original fonts and the built "
        "site's subsets (a character drawn with a font that lost it, or hinted differently); "
        "hooks/katex_fonts.py decides which characters each font keeps:\n  "
        + "\n  ".join(sorted(set(differing))[:20]))
