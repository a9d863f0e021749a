"""MkDocs hook of the course site.

- Chapter notebooks (docs/notebooks/*.ipynb) stay documentation pages under
  mkdocs-static-i18n, which rebuilds every file as a plain File and would
  otherwise copy the notebook JSON raw instead of rendering it.
- A Hindi page that does not exist yet is built from its English page by
  mkdocs-static-i18n; this hook puts a short Hindi notice on top of it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from html import unescape
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

UNTRANSLATED_NOTICE = {
    "hi": (
        '!!! note "अनुवाद बाकी है"\n'
        "    इस पेज का हिन्दी अनुवाद अभी नहीं हुआ है, इसलिए इसे अंग्रेज़ी में दिखाया जा रहा है।\n\n"
    ),
}


def _is_notebook_page(file) -> bool:
    return file.src_uri.startswith("notebooks/") and file.src_uri.endswith(".ipynb")


def on_startup(command, dirty):
    # mkdocs-static-i18n recreates every file as a plain File and asks it whether
    # it is a page, so the answer has to come from the class, not a wrapper.
    if getattr(File.is_documentation_page, "course_notebooks", False):
        return
    markdown_only = File.is_documentation_page

    def is_documentation_page(self) -> bool:
        return markdown_only(self) or _is_notebook_page(self)

    is_documentation_page.course_notebooks = True
    File.is_documentation_page = is_documentation_page


# --- light notebook pages ------------------------------------------------------
# mkdocs-jupyter inlines about 600 KB of JupyterLab CSS and a few scripts (one of
# them imports Mermaid from a CDN) into every notebook page. The course keeps the
# cells' HTML, drops those, and styles the cells with its own notebook.css; code
# cells become ordinary highlighted code blocks, so the theme's copy button and
# colours apply, and KaTeX renders the math in markdown cells.
INLINE_STYLE_OR_SCRIPT = re.compile(r"<(style|script)\b[^>]*>.*?</\1>", re.DOTALL)
CLIPBOARD = re.compile(
    r'<div class="zeroclipboard-container">.*?</clipboard-copy>\s*</div>'
    r'|<div class="clipboard-copy-txt"[^>]*>.*?</div>',
    re.DOTALL,
)
NOTEBOOK_CODE = re.compile(r'<div class="highlight-ipynb[^"]*"><pre>(?:<span></span>)?(.*?)</pre>', re.DOTALL)


HEADING = re.compile(r'<h(?P<level>[1-6]) id="(?P<id>[^"]*)">(?P<inner>.*?)</h(?P=level)>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")
NOT_IN_SLUG = re.compile(r"[^\w\s\u0900-\u097f-]")  # keeps Devanagari vowel signs, which \w drops


def heading_slug(text: str, separator: str) -> str:
    """Heading anchors for every page: lower case, punctuation dropped, Devanagari
    kept whole ("चेन रूल" -> "चेन-रूल"; Python-Markdown's default makes it "_1")."""
    text = NOT_IN_SLUG.sub("", unicodedata.normalize("NFC", text).lower())
    return re.sub(r"[\s-]+", separator, text).strip(separator)


def on_config(config):
    config.mdx_configs.setdefault("toc", {})["slugify"] = heading_slug
    return config


def on_page_content(html, page, config, files):
    if not _is_notebook_page(page.file):
        return html
    html = INLINE_STYLE_OR_SCRIPT.sub("", html)
    html = CLIPBOARD.sub("", html)
    html = NOTEBOOK_CODE.sub(r'<div class="highlight"><pre><code>\1</code></pre>', html)
    return _unique_heading_ids(html, page.toc)


def _unique_heading_ids(html: str, toc) -> str:
    """nbconvert repeats ids for repeated headings ("What to notice") and the
    table of contents mkdocs-jupyter builds uses other ones: give every heading
    a unique id, slugged like the Markdown pages, and point the TOC at them."""
    seen: dict[str, int] = {}
    ids: list[str] = []

    def retitle(match: re.Match) -> str:
        text = unescape(TAG.sub("", match["inner"])).replace("¶", "").strip()
        base = heading_slug(text, "-") or "section"
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


# Material's JavaScript fetches sitemap.xml beside every <link rel="alternate">
# in the head; mkdocs-static-i18n points those at the page itself in each
# language, so every page would request two sitemap.xml files that do not exist.
# The language switcher in the header is a separate element and stays.
ALTERNATE_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def on_post_page(output, page, config):
    output = ALTERNATE_LINK.sub("", output)
    if _is_notebook_page(page.file):
        # nbconvert's cell ids ("cell-id=x") become the theme's code block ids, and
        # the "=" breaks the copy button's selector
        output = output.replace('id="cell-id=', 'id="cell-')
    return output


def is_fallback(page) -> bool:
    """True when the page is the default language's file standing in for another language."""
    file = page.file
    locale = getattr(file, "locale", None)
    building = getattr(file, "locale_alternate_of", None)
    return locale is not None and building is not None and locale != building


NOTEBOOK_LINKS = {
    "en": ("Run this chapter as a notebook", "read it here", "download the .ipynb", "open it in Colab"),
    "hi": ("इस अध्याय को नोटबुक में चलाएँ", "यहाँ पढ़ें", ".ipynb डाउनलोड करें", "Colab में खोलें"),
}


def notebook_links(page, config) -> str:
    """A line under a chapter's title linking its notebook: the rendered page, the
    file to download and, when the repository URL is configured, Colab."""
    language = getattr(page.file, "locale_alternate_of", None) or "en"
    chapter = Path(page.file.src_uri).name.split(".")[0]
    suffix = "" if language == "en" else f".{language}"
    source = Path(config.docs_dir) / "notebooks" / f"{chapter}{suffix}.ipynb"
    if page.file.src_uri.startswith("notebooks/") or not source.exists():
        return ""
    lead, read, download, colab = NOTEBOOK_LINKS.get(language, NOTEBOOK_LINKS["en"])
    links = [
        f"[{read}](notebooks/{chapter}.ipynb)",
        f'<a href="../notebooks/{chapter}/{source.name}" download>{download}</a>',
    ]
    repo = (config.extra.get("repository") or "").rstrip("/")
    if repo.startswith("https://github.com/"):
        slug = repo.removeprefix("https://github.com/")
        links.append(f"[{colab}](https://colab.research.google.com/github/{slug}/blob/main/docs/notebooks/{source.name})")
    return f'{lead}: {" · ".join(links)}\n{{ .notebook-links }}\n\n'


def on_page_markdown(markdown, page, config, files):
    if is_fallback(page):
        markdown = UNTRANSLATED_NOTICE.get(page.file.locale_alternate_of, "") + markdown
    links = notebook_links(page, config)
    if links:
        title = re.search(r"^# .*$", markdown, re.MULTILINE)
        at = title.end() + 1 if title else 0
        markdown = markdown[:at] + "\n" + links + markdown[at:]
    return markdown


# --- one search index per language --------------------------------------------
# mkdocs-static-i18n stacks every language into the one index at
# search/search_index.json. We split it: English pages search
# search/search_index.json, Hindi pages hi/search/search_index.json (the theme
# override points a Hindi page's search at its own language root), so a search
# lists the reader's language only, with Hindi stemming and stop words. Code
# blocks and outputs are left out of the indexes: they are the same in both
# languages and made up a third of each index, which every page downloads; the
# code names that the prose mentions stay searchable.
CODE_BLOCK = re.compile(r"<pre\b.*?</pre>", re.DOTALL)


def split_search_index(site_dir: Path, default_language: str, languages: list[str]) -> None:
    index_path = site_dir / "search" / "search_index.json"
    if not index_path.exists():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    by_language: dict[str, list] = {code: [] for code in languages}
    default = []
    for doc in index["docs"]:
        if "notebooks/" in doc["location"]:
            continue  # a notebook page repeats its chapter's text; search lists the chapter
        doc = {**doc, "text": CODE_BLOCK.sub(" ", doc["text"])}
        code = doc["location"].split("/", 1)[0]
        if code in by_language:
            doc = {**doc, "location": doc["location"][len(code) + 1 :]}
            by_language[code].append(doc)
        else:
            default.append(doc)
    if not any(by_language.values()):
        return  # an inner (per-language) build: the full index is not there yet
    for code, docs in [(default_language, default), *by_language.items()]:
        path = index_path if code == default_language else site_dir / code / "search" / "search_index.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        own = {**index, "config": {**index["config"], "lang": [code]}, "docs": docs}
        path.write_text(json.dumps(own, ensure_ascii=False), encoding="utf-8")


@event_priority(-200)  # after mkdocs-static-i18n has built every language
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return
    default = next(lang.locale for lang in i18n.config.languages if lang.default)
    others = [lang.locale for lang in i18n.config.languages if not lang.default]
    split_search_index(Path(config.site_dir), default, others)
