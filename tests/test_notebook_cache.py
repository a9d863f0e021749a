"""Notebook pages are converted as mkdocs-jupyter would convert them, with less waste
(hooks/notebook_conversion.py)."""

from __future__ import annotations

import nbconvert.exporters.html
import pytest
from bs4 import BeautifulSoup
from mkdocs_jupyter import convert as nbconvert2

from tools import site
from tools.project import PROJECT

conversion = site.load_hook("notebook_conversion")
NOTEBOOKS = sorted(PROJECT.notebooks.glob("*.ipynb"))


def tree(html: str) -> str:
    """The document as BeautifulSoup reads and writes it: equal trees, equal strings."""
    return str(BeautifulSoup(html, "html.parser"))


def marked_by_nbconvert(html: str, soup_class) -> str:
    """What nbconvert's HTML exporter does with its soup (HTMLExporter.from_notebook_node)."""
    soup = soup_class(html, features="html.parser")
    for element in soup.select("img:not([alt])"):
        element.attrs["alt"] = "No description has been provided for this image"
    for element in soup.select(".jp-Notebook div.jp-Cell-inputWrapper"):
        element.attrs["tabindex"] = "0"
    for element in soup.select(".jp-Notebook div.jp-OutputArea-output"):
        element.attrs["tabindex"] = "0"
    return str(soup)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_light_soup_marks_every_notebook_as_beautifulsoup_does(notebook, monkeypatch):
    """nbconvert's own conversion, its soup's input kept: LightSoup's marks on that input must
    make the same document as BeautifulSoup's."""
    seen = []

    def beautiful_soup(html, features=None):
        soup = BeautifulSoup(html, features)
        seen.append((html, soup))
        return soup

    monkeypatch.setattr(nbconvert.exporters.html, "BeautifulSoup", beautiful_soup)
    nbconvert2.nb2html(str(notebook), no_prompt=True)
    ((html, soup),) = seen
    light, expected = marked_by_nbconvert(html, conversion.LightSoup), str(soup)
    assert light.count('tabindex="0"') == expected.count('tabindex="0"') > 0
    assert tree(light) == expected, f"{notebook.name}: LightSoup's page differs from nbconvert's"


TRICKY = """<!DOCTYPE html><html><head><title>t</title>
<script>var s = '<img src="x.png"> <div class="jp-Notebook">';</script>
<style>div > .x { content: "</div>"; }</style></head><body>
<img src="outside.png">
<!-- <div class="jp-Notebook"> a comment, not an element -->
<div class="jp-Cell-inputWrapper">outside the notebook</div>
<div data-x="a > b" class='jp-Notebook extra'>
  <div class=jp-Cell-inputWrapper><span>unclosed <b>bold</div>
  <div class="jp-OutputArea-output jp-RenderedText" />
  <div class="jp-OutputArea-output"><img alt="" src="a.png"><img src="b.png"/><p>text</div>
  <section><div class="jp-Cell-inputWrapper">in a section</div></section>
  <DIV CLASS="jp-OutputArea-output">upper case</DIV>
  <div class="jp-Cell-inputWrapper" class="other">first class counts? no, the last</div>
</div>
<div class="jp-OutputArea-output">after the notebook</div>
<div class="jp-Notebook"><span><div class="jp-Cell-inputWrapper">x</span>
<div class="jp-Cell-inputWrapper">the span closed the notebook's div above</div>
</body></html>"""


def test_light_soup_reads_tags_as_beautifulsoup_does():
    """Comments, raw text, quoted ">", unquoted and repeated attributes, self-closed divs,
    upper case, unclosed tags and end tags that close what was opened after their element."""
    light = marked_by_nbconvert(TRICKY, conversion.LightSoup)
    expected = marked_by_nbconvert(TRICKY, BeautifulSoup)
    assert tree(light) == expected
    assert expected.count('tabindex="0"') >= 4 and expected.count("No description") == 2, (
        "the markup no longer exercises the selectors")


def test_light_soup_refuses_a_selector_it_does_not_know():
    with pytest.raises(NotImplementedError, match=r"'div.jp-Cell'.*LightSoup.SELECTORS"):
        conversion.LightSoup("<div></div>").select("div.jp-Cell")


def test_notebook_pages_keep_none_of_the_plugins_own_page_furniture(built_site):
    """hooks/notebook_pages.py drops what mkdocs-jupyter adds around the cells (inline CSS,
    its copy buttons and their hidden copies of the code, its own code blocks), whatever order
    nbconvert writes attributes in."""
    pages = sorted(built_site.glob("**/notebooks/*/index.html"))
    assert len(pages) == len(NOTEBOOKS)
    for page in pages:
        html = page.read_text(encoding="utf-8")
        chapter = (page.parent.parent.parent / page.parent.name / "index.html").read_text(encoding="utf-8")
        for leftover in ("clipboard-copy", "zeroclipboard", "highlight-ipynb"):
            assert leftover not in html, f"{page.relative_to(built_site)}: {leftover!r} left on the page"
        assert html.count("<style") == chapter.count("<style"), f"{page.relative_to(built_site)}: inline CSS"
