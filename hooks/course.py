"""MkDocs hook of the course site.

- A Hindi page that does not exist yet is built from its English page by
  mkdocs-static-i18n; this hook puts a short Hindi notice on top of it.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority

UNTRANSLATED_NOTICE = {
    "hi": (
        '!!! note "अनुवाद बाकी है"\n'
        "    इस पेज का हिन्दी अनुवाद अभी नहीं हुआ है, इसलिए इसे अंग्रेज़ी में दिखाया जा रहा है।\n\n"
    ),
}


def is_fallback(page) -> bool:
    """True when the page is the default language's file standing in for another language."""
    file = page.file
    locale = getattr(file, "locale", None)
    building = getattr(file, "locale_alternate_of", None)
    return locale is not None and building is not None and locale != building


def on_page_markdown(markdown, page, config, files):
    if is_fallback(page):
        notice = UNTRANSLATED_NOTICE.get(page.file.locale_alternate_of, "")
        return notice + markdown
    return markdown


# --- one search index per language --------------------------------------------
# mkdocs-static-i18n stacks every language into the one index at
# search/search_index.json. We split it: English pages search
# search/search_index.json, Hindi pages hi/search/search_index.json (the theme
# override points a Hindi page's search at its own language root), so a search
# lists the reader's language only, with Hindi stemming and stop words.


def split_search_index(site_dir: Path, languages: list[str]) -> None:
    index_path = site_dir / "search" / "search_index.json"
    if not index_path.exists():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    by_language: dict[str, list] = {code: [] for code in languages}
    default = []
    for doc in index["docs"]:
        code = doc["location"].split("/", 1)[0]
        if code in by_language:
            doc = {**doc, "location": doc["location"][len(code) + 1 :]}
            by_language[code].append(doc)
        else:
            default.append(doc)
    for code, docs in by_language.items():
        if not docs:
            continue  # an inner (per-language) build: the full index is not there yet
        target = site_dir / code / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({**index, "docs": docs}, ensure_ascii=False), encoding="utf-8")
        index_path.write_text(json.dumps({**index, "docs": default}, ensure_ascii=False),
                              encoding="utf-8")


@event_priority(-200)  # after mkdocs-static-i18n has built every language
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return
    others = [lang.locale for lang in i18n.config.languages if not lang.default]
    split_search_index(Path(config.site_dir), others)
