"""One search index per language. mkdocs-static-i18n stacks every language into the one index at
search/search_index.json; this splits it: default-language pages search search/search_index.json,
the others <code>/search/search_index.json (overrides/main.html points a page's search at its own
language root), so a search lists the reader's language only, with its stemming and stop words.
Code blocks and notebook pages are left out: they repeat across languages and made up a third of
each index, which every page downloads; the code names the prose mentions stay searchable."""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.plugins import event_priority

CODE_BLOCK = re.compile(r"<pre\b.*?</pre>", re.DOTALL)


def split_search_index(site_dir: Path, default_language: str, languages: list[str]) -> None:
    index_path = site_dir / "search" / "search_index.json"
    if not index_path.exists():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    docs: dict[str, list] = {code: [] for code in [default_language, *languages]}
    for doc in index["docs"]:
        if "notebooks/" in doc["location"]:
            continue  # a notebook page repeats its chapter's text; search lists the chapter
        doc = {**doc, "text": CODE_BLOCK.sub(" ", doc["text"])}
        code = doc["location"].split("/", 1)[0]
        if code in languages:
            doc = {**doc, "location": doc["location"][len(code) + 1:]}
        else:
            code = default_language
        docs[code].append(doc)
    if not any(docs[code] for code in languages):
        return  # an inner (per-language) build: the full index is not there yet
    for code, own in docs.items():
        path = index_path if code == default_language else site_dir / code / "search" / "search_index.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        split = {**index, "config": {**index["config"], "lang": [code]}, "docs": own}
        path.write_text(json.dumps(split, ensure_ascii=False), encoding="utf-8")


@event_priority(-200)  # after mkdocs-static-i18n has built every language
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return
    default = next(lang.locale for lang in i18n.config.languages if lang.default)
    others = [lang.locale for lang in i18n.config.languages if not lang.default]
    split_search_index(Path(config.site_dir), default, others)
