"""MkDocs hook: the site's math is typeset when the site is built, not in the browser.

Every formula becomes KaTeX's HTML (which carries its own sizes, so nothing moves
when it is shown) plus MathML for screen readers (KaTeX's "htmlAndMathml" output),
so no page ships a math script. KaTeX itself is the vendored
docs/assets/vendor/katex/katex.min.js, run in V8 through mini-racer (a PyPI wheel
that carries V8; no Node.js). Where the math is:

- Markdown pages: pymdownx.arithmatex (generic) wraps it in
  <span class="arithmatex">\\(...\\)</span> and <div class="arithmatex">\\[...\\]</div>;
- notebook pages: mkdocs-jupyter leaves $...$ and $$...$$ as text in the
  markdown cells (.jp-MarkdownOutput); each becomes an .arithmatex element too.

It runs on_post_page, after the search plugin has read the page, so the search
index keeps the short TeX source rather than KaTeX's markup. A page with math
links KaTeX's stylesheet, which loads the fonts the math on screen uses.

A display formula is focusable (`tabindex="0"`): on a narrow screen it scrolls sideways, and
a box that scrolls must be reachable by keyboard.

A formula KaTeX cannot typeset is a warning naming the page and the formula,
and shows as KaTeX's red error text. Under `strict` the build then fails with
an error that lists them again: MkDocs' own strict count misses warnings when
`--quiet` hides them (MkDocs 1.6.1 raises the log level, so the count sees none).

V8 and the rendered formulas are kept for the life of the process, so that
`mkdocs serve`, which reloads this hook on every rebuild, starts V8 once and
renders a formula once (many repeat across the two languages).
"""

from __future__ import annotations

import hashlib
import logging
import re
import sys
import types
from html import unescape
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

log = logging.getLogger("mkdocs.hooks.math")

KATEX_DIR = "assets/vendor/katex"  # under docs/ and the built site
STYLESHEET = f"{KATEX_DIR}/katex.min.css"
# Arithmatex's generic output on Markdown pages.
ARITHMATEX = re.compile(r'<(?P<tag>span|div) class="arithmatex">(?P<tex>.*?)</(?P=tag)>', re.DOTALL)
# A notebook page's markdown cells (mkdocs-jupyter / nbconvert).
MARKDOWN_OUTPUT = re.compile(r'<div\b[^>]*\bclass="[^"]*\bjp-MarkdownOutput\b[^"]*"[^>]*>')
DIV_TAG = re.compile(r"<(/?)div\b[^>]*>")
# Inside a markdown cell, in document order: code (left alone), any other tag
# (left alone), a paragraph that is one display formula, display math, inline
# math. Math holds no tags (nbconvert escapes its < and >), so it cannot cross one.
NOTEBOOK_MATH = re.compile(
    r"<(?P<code>pre|code|script|style)\b.*?</(?P=code)>"
    r"|<p>\s*\$\$(?P<block>[^<]+?)\$\$\s*</p>"
    r"|<[^>]*>"
    r"|\$\$(?P<display>[^<]+?)\$\$"
    r"|(?<!\\)\$(?P<inline>[^<$]+?)(?<!\\)\$",
    re.DOTALL,
)


# --- KaTeX in V8, one per process ------------------------------------------------

class Katex:
    """KaTeX's renderToString in one V8 context, with the formulas it has rendered."""

    def __init__(self, script: Path):
        from py_mini_racer import MiniRacer

        source = script.read_text(encoding="utf-8")
        self.digest = hashlib.sha256(source.encode()).hexdigest()
        self.context = MiniRacer()
        self.context.eval(source)
        self.context.eval(
            "globalThis.courseRender = (tex, display, strict) => katex.renderToString(tex, "
            "{displayMode: display, throwOnError: strict, output: 'htmlAndMathml'});"
        )
        self.version = self.context.eval("katex.version")
        self.rendered: dict[tuple[str, bool], str] = {}

    def render(self, tex: str, display: bool) -> tuple[str, str | None]:
        """(KaTeX's HTML, None), or (KaTeX's error markup, the error) if it cannot render."""
        key = (tex, display)
        if key in self.rendered:
            return self.rendered[key], None
        try:
            html = self.context.call("courseRender", tex, display, True)
        except Exception as error:  # py_mini_racer.JSEvalException: KaTeX's ParseError
            message = str(error).splitlines()[0].split("ParseError: ", 1)[-1]
            return self.context.call("courseRender", tex, display, False), message
        self.rendered[key] = html
        return html, None


def katex_for(config) -> Katex:
    """The process's KaTeX, kept in sys.modules: MkDocs re-imports this hook on each rebuild."""
    script = Path(config.docs_dir) / KATEX_DIR / "katex.min.js"
    state = sys.modules.get("_course_math_state")
    if state is None:
        state = types.ModuleType("_course_math_state")
        state.katex = None
        sys.modules["_course_math_state"] = state
    digest = hashlib.sha256(script.read_bytes()).hexdigest()
    if state.katex is None or state.katex.digest != digest:
        state.katex = Katex(script)
    return state.katex


# --- finding and replacing the math ------------------------------------------------

class PageMath:
    def __init__(self, katex: Katex, page):
        self.katex = katex
        self.page = page
        self.count = 0

    def formula(self, tex: str, display: bool) -> str:
        """One formula's KaTeX markup; tex is HTML-escaped, as it stands in the page."""
        tex = unescape(tex).strip()
        html, error = self.katex.render(tex, display)
        if error:
            failure = f"{self.page.file.src_uri}: a formula does not render: {_quote(tex)} ({error})"
            log.warning(failure)
            FAILURES.append(failure)
        self.count += 1
        if display:  # a display formula wider than the page scrolls: a keyboard must reach it
            html = html.replace('class="katex-display">', 'class="katex-display" tabindex="0">', 1)
        return html

    def arithmatex(self, match: re.Match) -> str:
        tex, display = match["tex"].strip(), match["tag"] == "div"
        for left, right in (("\\(", "\\)"), ("\\[", "\\]")):
            if tex.startswith(left) and tex.endswith(right):
                tex = tex[len(left):-len(right)]
                break
        tag = match["tag"]
        return f'<{tag} class="arithmatex">{self.formula(tex, display)}</{tag}>'

    def notebook(self, match: re.Match) -> str:
        if match["block"] is not None:
            return f'<div class="arithmatex">{self.formula(match["block"], True)}</div>'
        if match["display"] is not None:
            return f'<span class="arithmatex">{self.formula(match["display"], True)}</span>'
        if match["inline"] is not None:
            return f'<span class="arithmatex">{self.formula(match["inline"], False)}</span>'
        return match[0]  # code or a tag

    def notebook_cells(self, html: str) -> str:
        """Typeset the math in each markdown cell of a notebook page."""
        out, at = [], 0
        for start in MARKDOWN_OUTPUT.finditer(html):
            if start.start() < at:
                continue  # nested in a cell already done
            end = _closing_div(html, start.end())
            out.append(html[at:start.end()])
            out.append(NOTEBOOK_MATH.sub(self.notebook, html[start.end():end]))
            at = end
        out.append(html[at:])
        return "".join(out)


def _closing_div(html: str, after: int) -> int:
    """The offset of the </div> that closes the div opened just before `after`."""
    depth = 1
    for tag in DIV_TAG.finditer(html, after):
        depth += -1 if tag[1] else 1
        if depth == 0:
            return tag.start()
    return len(html)


def _quote(tex: str) -> str:
    tex = " ".join(tex.split())
    return '"' + (tex if len(tex) <= 120 else tex[:117] + "...") + '"'


def typeset(html: str, page, config) -> tuple[str, int]:
    """The page's HTML with every formula typeset, and how many there were."""
    has_arithmatex = 'class="arithmatex"' in html
    has_cells = "jp-MarkdownOutput" in html and "$" in html
    if not (has_arithmatex or has_cells):
        return html, 0
    math = PageMath(katex_for(config), page)
    if has_arithmatex:
        html = ARITHMATEX.sub(math.arithmatex, html)
    if has_cells:
        html = math.notebook_cells(html)
    return html, math.count


def head_links(page) -> str:
    """KaTeX's stylesheet. Its fonts are not preloaded: the browser fetches the ones the math it
    lays out uses (Lighthouse, mobile: LCP 0.2-0.6 s sooner than with every font of the page
    preloaded, and no layout shift, also on a throttled load)."""
    return f'<link rel="stylesheet" href="{get_relative_url(STYLESHEET, page.url)}">'


# This build's formulas that did not render. Not cleared per build: mkdocs-static-i18n runs
# the other languages' builds inside the default one's; MkDocs loads the hook afresh for
# each `mkdocs build` and each `mkdocs serve` rebuild.
FAILURES: list[str] = []


def on_post_build(config):
    if FAILURES and config.strict:
        failures, count = "\n  ".join(FAILURES), len(FAILURES)
        FAILURES.clear()
        raise PluginError(f"{count} formula(s) KaTeX cannot typeset (strict mode):\n  {failures}\n"
                          "Fix the TeX on that page (or in the page its notebook is made from).")


def on_post_page(output, page, config):
    head_end = output.find("</head>")
    if head_end == -1:
        return output
    body, count = typeset(output[head_end:], page, config)
    if count == 0:
        return output
    return output[:head_end] + head_links(page) + "\n  " + body
