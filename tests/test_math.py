"""Math typeset when the site is built (hooks/math.py): KaTeX's HTML and MathML in the pages and
no math script on any page (tests/test_site.py: a formula KaTeX cannot typeset fails the build)."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from tools import site

MATH_SCRIPT = re.compile(r"<script\b[^>]*\bsrc=\"[^\"]*(katex(\.min)?\.js|auto-render[^\"]*|/math\.js)\"")
KATEX_CSS = "assets/vendor/katex/katex.min.css"
MARKDOWN_CELL = re.compile(r'<div\b[^>]*\bclass="[^"]*\bjp-MarkdownOutput\b[^"]*"[^>]*>')
CODE_OR_MATH = re.compile(r"<(pre|code|script|style)\b.*?</\1>|<span class=\"katex\">.*?</annotation>",
                          re.DOTALL)


def pages(site_dir: Path) -> dict[str, str]:
    return {path: (site_dir / path / "index.html").read_text(encoding="utf-8")
            for path in site.site_pages(site_dir)}


def test_no_page_loads_a_math_script(built_site):
    offenders = [f"/{path}: {m.group(0)}" for path, html in pages(built_site).items()
                 for m in MATH_SCRIPT.finditer(html)]
    assert not offenders, ("pages that load a math script (math is typeset at build time by "
                           "hooks/math.py; remove the script from mkdocs.yml or the page):\n  "
                           + "\n  ".join(offenders))


# an .arithmatex element and, once typeset, KaTeX's first element inside it
FORMULA = re.compile(r'<(span|div) class="arithmatex">(<span class="katex(?:-display" tabindex="0)?">)?')


def test_every_formula_is_katex_markup_with_mathml(built_site):
    """Each .arithmatex element holds KaTeX's HTML and MathML, not TeX; KaTeX's stylesheet
    is linked exactly on the pages that have math."""
    problems, with_math = [], 0
    for path, html in pages(built_site).items():
        formulas = FORMULA.findall(html)
        raw = [tag for tag, katex in formulas if not katex]
        if raw:
            problems.append(f"/{path}: {len(raw)} formula(s) left as TeX")
        typeset = html.count('<span class="katex">')
        if typeset and html.count('<math xmlns="http://www.w3.org/1998/Math/MathML"') != typeset:
            problems.append(f"/{path}: not every formula has its MathML (screen readers read it)")
        links_css = KATEX_CSS in html
        if typeset and not links_css:
            problems.append(f"/{path}: has math but does not link {KATEX_CSS}")
        if links_css and not typeset:
            problems.append(f"/{path}: links {KATEX_CSS} without any math (a needless download)")
        with_math += bool(typeset)
    assert with_math, "no page of the built site has typeset math: the check checked nothing"
    assert not problems, "math in the built site (hooks/math.py):\n  " + "\n  ".join(problems)


def test_notebook_pages_keep_no_dollar_math(built_site):
    """A notebook's markdown cells keep $...$ and $$...$$ as text: each becomes KaTeX markup,
    so no $ is left in a cell's text outside code."""
    problems, cells = [], 0
    for path, html in pages(built_site).items():
        if "/notebooks/" not in f"/{path}":
            continue
        for start in MARKDOWN_CELL.finditer(html):
            cells += 1
            end = html.find('<div class="jp-Cell', start.end())
            cell = html[start.end():end if end != -1 else len(html)]
            text = unescape(re.sub(r"<[^>]+>", "", CODE_OR_MATH.sub("", cell)))
            for left in re.finditer(r"\$", text):
                problems.append(f"/{path}: {text[max(0, left.start() - 40):left.start() + 40]!r}")
                break
    assert cells, "no notebook page with markdown cells in the built site: the check checked nothing"
    assert not problems, "notebook cells with math left as $ TeX (hooks/math.py):\n  " + "\n  ".join(problems)
