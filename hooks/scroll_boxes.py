"""MkDocs hook: boxes that scroll sideways are ready as the page is built, not once the theme's
script has run.

- Tables: the theme's script wraps every table without a class in two elements (a scrolling box
  and an inline block) when it starts, at the end of the page's loading; that moved the table
  and everything under it by a line's height after the first paint (a layout shift on the
  glossary pages). The same wrapping is written into the page; the script then wraps the table
  once more, inside, and docs/assets/stylesheets/extra.css gives that inner wrapping no room. A
  table with math (the glossary's) is also marked `course-math-table`: extra.css lays it out
  with fixed columns, so its column boundaries do not depend on the formulas' widths.
- Code blocks: a code block wider than the page scrolls, and a box that scrolls must be
  reachable by keyboard. The theme gives one `tabindex="0"` when it finds it overflowing, but
  it looks at a block only once the block has been on screen (`content.lazy` in mkdocs.yml):
  every block starts focusable, and the theme takes it back from a block that fits.
"""

from __future__ import annotations

import re

TABLE = re.compile(r"<table>(.*?)</table>", re.S)  # Markdown's tables: no attributes
WRAPPED = ('<div class="md-typeset__scrollwrap{extra}"><div class="md-typeset__table">'
           "<table>{body}</table></div></div>")
CODE = re.compile(r"(<pre\b[^>]*>(?:<span></span>)?)<code>")


def wrapped(match: re.Match) -> str:
    body = match[1]
    return WRAPPED.format(extra=" course-math-table" if 'class="arithmatex"' in body else "", body=body)


def on_page_content(html, page, config, files):
    if "<table>" in html:
        html = TABLE.sub(wrapped, html)
    return CODE.sub(r'\1<code tabindex="0">', html)
