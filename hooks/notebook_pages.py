"""Chapter notebooks (docs/notebooks/*.ipynb) as light, valid documentation pages.

- Under mkdocs-static-i18n, which recreates every file as a plain File, mkdocs-jupyter's pages
  would be copied as raw JSON: notebooks are made documentation pages on the File class itself
  (works around mkdocs-static-i18n issue #198, "mkdocs-jupyter notebooks not rendered").
- mkdocs-jupyter keeps its conversions in a cache (`cache: true`) and, after each build, deletes
  the entries that build did not use; mkdocs-static-i18n builds one language after the other,
  so each language's build deleted the other's and every build converted every notebook again.
  Each language gets a cache folder of its own (.cache/mkdocs-jupyter/<language>/).
  tests/test_notebooks.py notices when mkdocs-jupyter no longer deletes unused entries.
- A notebook that is not valid JSON fails the build naming the file, line and column.
- mkdocs-jupyter inlines about 600 KB of JupyterLab CSS and a few scripts (one imports Mermaid
  from a CDN) into every notebook page: they are dropped, cells are styled by notebook.css, and
  code cells become ordinary highlighted code blocks (the theme's copy button and colours apply).
- nbconvert repeats heading ids ("What to notice"): every heading gets a unique id, slugged like
  the Markdown pages, and the table of contents points at them.
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

INLINE_STYLE_OR_SCRIPT = re.compile(r"<(style|script)\b[^>]*>.*?</\1>", re.DOTALL)
CLIPBOARD = re.compile(
    r'<div class="zeroclipboard-container">.*?</clipboard-copy>\s*</div>'
    r'|<div [^>]*\bclass="clipboard-copy-txt"[^>]*>.*?</div>',  # nbconvert writes its id first
    re.DOTALL,
)
NOTEBOOK_CODE = re.compile(r'<div class="highlight-ipynb[^"]*"><pre>(?:<span></span>)?(.*?)</pre>', re.DOTALL)
HEADING = re.compile(r'<h(?P<level>[1-6]) id="(?P<id>[^"]*)">(?P<inner>.*?)</h(?P=level)>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def is_notebook_page(file) -> bool:
    return file.src_uri.startswith("notebooks/") and file.src_uri.endswith(".ipynb")


def on_startup(command, dirty):
    # mkdocs-static-i18n #198: it asks each (recreated, plain) File whether it is a page, so the
    # answer has to come from the class, not from a wrapper around one file.
    if getattr(File.is_documentation_page, "course_notebooks", False):
        return
    markdown_only = File.is_documentation_page

    def is_documentation_page(self) -> bool:
        return markdown_only(self) or is_notebook_page(self)

    is_documentation_page.course_notebooks = True
    File.is_documentation_page = is_documentation_page


def on_pre_build(config):
    jupyter, i18n = config.plugins.get("mkdocs-jupyter"), config.plugins.get("i18n")
    if jupyter is not None and i18n is not None:
        jupyter.config["cache_dir"] = f".cache/mkdocs-jupyter/{i18n.current_language}"


def on_files(files, config):
    for file in files:
        if not is_notebook_page(file):
            continue
        try:
            json.loads(Path(file.abs_src_path).read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise PluginError(
                f"docs/{file.src_uri}: not a valid notebook (JSON error at line {exc.lineno}, column "
                f"{exc.colno}: {exc.msg}). Notebooks are generated: run `python -m tools notebooks`."
            ) from None
    return files


def on_page_content(html, page, config, files):
    if not is_notebook_page(page.file):
        return html
    # left out of the search (a notebook page repeats its chapter), which then need not parse it
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    html = INLINE_STYLE_OR_SCRIPT.sub("", html)
    html = CLIPBOARD.sub("", html)
    html = NOTEBOOK_CODE.sub(r'<div class="highlight"><pre><code>\1</code></pre>', html)
    return _unique_heading_ids(html, page.toc, config.mdx_configs["toc"]["slugify"])


def on_post_page(output, page, config):
    if not is_notebook_page(page.file):
        return output
    # nbconvert's cell ids ("cell-id=x") become the theme's code block ids, and the "=" breaks
    # the copy button's selector
    return output.replace('id="cell-id=', 'id="cell-')


def _unique_heading_ids(html: str, toc, slugify) -> str:
    seen: dict[str, int] = {}
    ids: list[str] = []

    def retitle(match: re.Match) -> str:
        text = unescape(TAG.sub("", match["inner"])).replace("¶", "").strip()
        base = slugify(text, "-") or "section"  # as the Markdown pages' headings (hooks/heading_slugs.py)
        count = seen.get(base, 0)
        seen[base] = count + 1
        new = base if count == 0 else f"{base}_{count}"
        ids.append(new)
        inner = match["inner"].replace(f'href="#{match["id"]}"', f'href="#{new}"')
        return f'<h{match["level"]} id="{new}">{inner}</h{match["level"]}>'

    html = HEADING.sub(retitle, html)
    for item, new in zip(_flatten(toc), ids, strict=False):
        item.id = new
    return html


def _flatten(toc) -> list:
    items = []
    for item in toc:
        items.append(item)
        items.extend(_flatten(item.children))
    return items
