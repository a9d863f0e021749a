"""Notebook pages are converted once per content, beside the build, and as mkdocs-jupyter
would convert them (hooks/notebook_cache.py, hooks/notebook_conversion.py)."""

from __future__ import annotations

import json
import logging
import re

import nbconvert.exporters.html
import pytest
from bs4 import BeautifulSoup
from mkdocs_jupyter import convert as nbconvert2

from tools import site
from tools.project import CACHE, PROJECT

conversion = site.load_hook("notebook_conversion")
NOTEBOOKS = sorted(PROJECT.notebooks.glob("*.ipynb"))
CONVERTED_IN_WORKER = re.compile(r"Notebook converted in a worker process: docs/(\S+)")
CONVERTED_BY_PLUGIN = re.compile(r"Cache miss, writing: \S*/docs/(\S+)")  # in the build's process
CACHE_HIT = re.compile(r"Cache hit: \S*/docs/(\S+)")


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
<div class="jp-Notebook" class="other"><div class="jp-Cell-inputWrapper">its last class counts</div></div>
<div class="jp-Notebook"><span><div class="jp-Cell-inputWrapper">x</span>
<div class="jp-Cell-inputWrapper">the span closed the notebook's div above</div>
</body></html>"""


def test_light_soup_reads_tags_as_beautifulsoup_does():
    """Comments, raw text, quoted ">", unquoted and repeated attributes (on a cell and on the
    notebook), self-closed divs, upper case, unclosed tags and end tags that close what was
    opened after their element."""
    light = marked_by_nbconvert(TRICKY, conversion.LightSoup)
    expected = marked_by_nbconvert(TRICKY, BeautifulSoup)
    assert tree(light) == expected
    assert expected.count('tabindex="0"') >= 4 and expected.count("No description") == 2, (
        "the markup no longer exercises the selectors")


def test_light_soup_refuses_a_selector_it_does_not_know():
    with pytest.raises(NotImplementedError, match=r"'div.jp-Cell'.*LightSoup.SELECTORS"):
        conversion.LightSoup("<div></div>").select("div.jp-Cell")


def test_a_worker_returns_the_warnings_logged_while_converting(tmp_path, monkeypatch):
    """A strict build counts the warnings logged in its own process only: the worker hands its
    warnings back (hooks/notebook_cache.py logs them again)."""
    real = nbconvert2.nb2html

    def nb2html(path, **options):
        logging.getLogger("mkdocs.mkdocs-jupyter").warning("a warning while converting")
        logging.getLogger("traitlets").warning("not one MkDocs counts")
        return real(path, **options)

    monkeypatch.setattr(nbconvert2, "nb2html", nb2html)
    options = {"kernel_name": "", "theme": "", "allow_errors": True, "show_input": True, "no_input": False,
               "no_prompt": True, "remove_tag_config": {}, "highlight_extra_classes": "",
               "include_requirejs": False, "custom_mathjax_url": "", "toc_depth": 3}
    target = tmp_path / "entry.json"
    warnings = conversion.convert(str(NOTEBOOKS[0]), str(target), options)
    assert warnings == ["mkdocs.mkdocs-jupyter: a warning while converting"]
    assert json.loads(target.read_text(encoding="utf-8"))["content"]


def cache_entries(project) -> dict[str, dict]:
    return {path.name: json.loads(path.read_text(encoding="utf-8"))
            for path in (project.root / CACHE).glob("mkdocs-jupyter-*/*.json")}


def test_workers_convert_each_notebook_once_as_the_plugin_would(tmp_path):
    """A cold build converts every notebook of every language in worker processes; the plugin,
    converting one itself, writes the same entry; a build after it converts only the notebooks
    missing from the cache (an edited one) and reads the others."""
    project = PROJECT.copy_to(tmp_path / "src", caches=False)
    built = site.build(tmp_path / "site", project, deployed=False)
    assert built.ok, built.output[-3000:]
    names = sorted(p.relative_to(PROJECT.docs).as_posix() for p in NOTEBOOKS)
    assert sorted(CONVERTED_IN_WORKER.findall(built.output)) == names
    assert not CONVERTED_BY_PLUGIN.findall(built.output), "the plugin converted a notebook itself"
    by_workers = cache_entries(project)
    assert len(by_workers) == len(NOTEBOOKS)

    # the plugin converts two again itself (their entries removed), and an edited one
    again = {"notebooks/autograd.ipynb": None, "notebooks/tiny-lm.hi.ipynb": None}
    for name in again:
        again[name] = next(n for n, e in by_workers.items() if e["title"] == title_of(project, name))
        (project.root / CACHE / entry_folder(project) / again[name]).unlink()
    edited = project.notebook("tensors", "hi")
    notebook = json.loads(edited.read_text(encoding="utf-8"))
    notebook["cells"][0]["source"].append("\n\nEDITED-NOTEBOOK-MARKER")
    edited.write_text(json.dumps(notebook, ensure_ascii=False, indent=1), encoding="utf-8")
    rebuilt = site.build(tmp_path / "site-again", project, deployed=False, env={"NOTEBOOK_WORKERS": "0"})
    assert rebuilt.ok, rebuilt.output[-3000:]
    converted = {*again, "notebooks/tensors.hi.ipynb"}
    assert sorted(CONVERTED_BY_PLUGIN.findall(rebuilt.output)) == sorted(converted)
    assert not CONVERTED_IN_WORKER.findall(rebuilt.output), "NOTEBOOK_WORKERS=0 should start no worker"
    assert sorted(CACHE_HIT.findall(rebuilt.output)) == sorted(set(names) - converted)
    entries = cache_entries(project)
    for name, entry in again.items():
        assert entries.get(entry) == by_workers[entry], (
            f"{name}: the plugin's own cache entry differs from the worker's (file name: content and "
            "options; text)")
    assert len(entries) == len(NOTEBOOKS) and len(set(by_workers) - set(entries)) == 1, (
        "the edited notebook's old entry should be evicted, its new one kept")
    assert "EDITED-NOTEBOOK-MARKER" in (tmp_path / "site-again/hi/notebooks/tensors/index.html").read_text(
        encoding="utf-8")


def title_of(project, name: str) -> str:
    notebook = json.loads((project.docs / name).read_text(encoding="utf-8"))
    return notebook["cells"][0]["source"][0].removeprefix("# ").strip()


def entry_folder(project) -> str:
    (folder,) = (project.root / CACHE).glob("mkdocs-jupyter-*")
    return folder.name


def test_a_notebook_nbconvert_cannot_convert_fails_the_build_naming_it(site_copy, tmp_path):
    broken = site_copy.notebook("tensors", "hi")
    notebook = json.loads(broken.read_text(encoding="utf-8"))
    notebook["cells"][0]["source"] = 5
    broken.write_text(json.dumps(notebook), encoding="utf-8")
    built = site.build(tmp_path / "site", site_copy, deployed=False)
    assert built.returncode != 0
    assert re.search(r"docs/notebooks/tensors\.hi\.ipynb: nbconvert could not convert this notebook "
                     r"\(NotebookValidationError: 5 is not valid", built.output), built.output[-3000:]
    assert "python -m tools notebooks" in built.output


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
