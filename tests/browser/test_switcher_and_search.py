"""Moving between languages in Chromium: the switcher, clicked there and back, and the search,
which lists the reader's own language only."""

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browsing import new_context, open_search, script


def switch_language(page, language: str) -> None:
    page.locator(".md-select").first.hover()
    page.locator(f"a.md-select__link[hreflang='{language}']").click()
    page.wait_for_load_state("load")


@pytest.mark.parametrize("path", ["", "autograd/"])
def test_switching_language_and_back_by_clicking(context, served, pages, project, path):
    assert path in pages, f"/{path} was not built"
    page = context.new_page()
    page.goto(served + path)
    for language in (*project.translations, project.default_language):
        switch_language(page, language)
        expected = served + project.url_counterpart(path, language)
        assert page.url == expected, f"the switcher to {language!r} led to {page.url}, not {expected}"
        lang = page.evaluate("document.documentElement.lang")
        assert lang == language, f"{page.url} has lang={lang!r}"


def hindi_search_term(site_dir: Path) -> tuple[str, set[str]]:
    """A Hindi word from the text of a Hindi page, on as few pages as possible, and
    the pages (paths under hi/) that have it. Words are cut as the search cuts them:
    at spaces and hyphens, with punctuation trimmed."""
    docs = json.loads((site_dir / "hi" / "search" / "search_index.json").read_text("utf-8"))["docs"]
    pages_with: dict[str, set[str]] = {}
    for doc in docs:
        text = re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}")
        for token in re.split(r"[\s\-]+", text):
            word = re.sub(r"^[^\w\u0900-\u097F]+|[^\w\u0900-\u097F]+$", "", token)
            if re.fullmatch(r"[\u0900-\u097F]{5,}", word):
                pages_with.setdefault(word, set()).add(doc["location"].split("#")[0])
    assert pages_with, "no Hindi words in hi/search/search_index.json"
    # the rarest word, a chapter's (not the home page's) when there is a choice
    word = min(pages_with, key=lambda w: (len(pages_with[w]), "" in pages_with[w], w))
    return word, pages_with[word]


def search_results(browser, base_url: str, path: str, term: str) -> set[str]:
    """Type a term into the search box of a page; the result pages' URLs."""
    context = new_context(browser, base_url)
    try:
        page = context.new_page()
        page.goto(base_url + path)
        open_search(page)
        search = page.locator("input.md-search__input")
        search.fill(term)
        search.press("End")
        page.wait_for_function(script("search_done"), polling=50)
        hrefs = page.locator(".md-search-result__list a.md-search-result__link").evaluate_all(
            "as => as.map(a => a.href)")
    finally:
        context.close()
    return {urlsplit(h)._replace(query="", fragment="").geturl() for h in hrefs}


def test_hindi_search_lists_the_hindi_page_with_the_term(browser, served, built_site):
    """Typed on a Hindi page, a Hindi word lists the Hindi page that has it, and only
    Hindi pages (each language searches its own index)."""
    base_url = served
    word, having = hindi_search_term(built_site)
    found = search_results(browser, base_url, "hi/", word)
    expected = {base_url + "hi/" + p for p in having}
    assert expected & found, (f"searching {word!r} on a Hindi page lists {sorted(found)}, "
                              f"none of the Hindi pages with it: {sorted(expected)}")
    others = sorted(u for u in found if not u.startswith(base_url + "hi/"))
    assert not others, f"searching {word!r} on a Hindi page lists pages of another language: {others}"


def test_english_search_lists_english_pages(browser, served):
    """Typed on an English page, an English word lists English pages only."""
    base_url = served
    found = search_results(browser, base_url, "autograd/", "gradient")
    assert base_url + "autograd/" in found, f"'gradient' lists {sorted(found)}"
    hindi = sorted(u for u in found if u.startswith(base_url + "hi/"))
    assert not hindi, f"searching 'gradient' on an English page lists Hindi pages: {hindi}"


