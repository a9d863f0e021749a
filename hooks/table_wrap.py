"""MkDocs hook: tables come wrapped for scrolling in the page as built, not once the theme's
script has run.

The theme's script wraps every table without a class in two elements (a scrolling box and
an inline block) when it starts, at the end of the page's loading; that moved the table
and everything under it by a line's height after the first paint (a layout shift on the
glossary pages). This hook writes the same wrapping into the page's HTML. The script then
wraps the table once more, inside; docs/assets/stylesheets/extra.css gives that inner
wrapping no margin or padding, so the page's layout is the same before and after the
script runs (the browser tests measure the shift).

A table with math (the glossary's) is also marked `course-math-table`: extra.css lays it out
with fixed columns across the page, so its column boundaries do not depend on the formulas'
widths, which change when KaTeX's fonts arrive after the first paint.
"""

from __future__ import annotations

import re

TABLE = re.compile(r"<table>(.*?)</table>", re.S)  # Markdown's tables: no attributes
WRAPPED = ('<div class="md-typeset__scrollwrap{extra}"><div class="md-typeset__table">'
           "<table>{body}</table></div></div>")


def wrapped(match: re.Match) -> str:
    body = match[1]
    return WRAPPED.format(extra=" course-math-table" if 'class="arithmatex"' in body else "", body=body)


def on_page_content(html, page, config, files):
    return TABLE.sub(wrapped, html) if "<table>" in html else html
