"""The chapter notebooks: generated from the pages, current, valid, and when
executed on the CPU they print what the snippets' output files say. A translated
notebook whose code cells are its default-language twin's, cell for cell, is not
run again: it runs the same code and prints the same."""

import json

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from tools import harness, site
from tools import notebooks as nb
from tools.compare import Comparison
from tools.project import PROJECT

NOTEBOOKS = [PROJECT.notebook(c, lang) for c in PROJECT.chapters for lang in PROJECT.codes]
CELL_TIMEOUT_S = 120
rel = PROJECT.rel


def test_every_chapter_has_a_notebook_per_language():
    missing = [rel(path) for path in NOTEBOOKS if not path.exists()]
    assert not missing, f"chapters without a notebook: {missing}; run python -m tools notebooks"


def test_committed_notebooks_are_up_to_date():
    problems = nb.stale()
    assert not problems, (
        "Notebooks are generated from the pages and snippets, never edited by hand:\n  "
        + "\n  ".join(problems)
        + "\nRegenerate them with: python -m tools notebooks"
    )


def test_generator_is_deterministic():
    assert nb.expected() == nb.expected()


def test_a_module_shown_in_part_and_folded_whole_runs_once():
    """The tiny GPT page shows the new part of a program (`03_train.py:new`) and folds the whole
    file under it: its notebook runs the whole module in one cell, and shows the part as a listing."""
    cells = [c for c in nb.build(PROJECT.page("tiny-lm", PROJECT.default_language)).cells
             if c.cell_type == "code"]
    modules = [c.metadata["course"]["snippet"] for c in cells]
    assert len(modules) == len(set(modules)), f"a module runs in more than one cell: {modules}"
    train = next(c for c in cells if c.metadata["course"]["snippet"] == "tiny-lm/03_train.py")
    assert train.source == nb.snippet_code("tiny-lm/03_train.py", PROJECT)
    assert train.outputs, "the whole module's cell carries the stored output"


def load(path):
    """Read and validate a notebook; a malformed one fails naming its path."""
    try:
        notebook = nbformat.read(path, as_version=4)
        nbformat.validate(notebook)
    except (json.JSONDecodeError, nbformat.ValidationError, nbformat.reader.NotJSONError) as exc:
        raise AssertionError(f"{path}: not a valid notebook: {str(exc).splitlines()[0]}") from None
    return notebook


def execute(path, workdir):
    """Run every cell with a fresh Jupyter kernel on the CPU; a failing cell is
    reported with the notebook path and its cell number."""
    notebook = load(path)
    client = NotebookClient(notebook, timeout=CELL_TIMEOUT_S, kernel_name="python3",
                            resources={"metadata": {"path": str(workdir)}})
    try:
        client.execute()
    except CellExecutionError as exc:
        index = next((i for i, c in enumerate(notebook.cells)
                      if any(o.get("output_type") == "error" for o in c.get("outputs", []))), "?")
        raise AssertionError(f"{path}: cell {index} failed:\n{str(exc)[-1500:]}") from None
    return notebook


@pytest.fixture
def cpu_kernel(monkeypatch):
    monkeypatch.setenv("CUDA_VISIBLE_DEVICES", "")


def code_cells(path) -> list[tuple]:
    """What a notebook runs: every code cell's source, snippet and tags, in order."""
    return [(c.source, c.metadata.get("course"), c.metadata.get("tags")) for c in load(path).cells
            if c.cell_type == "code"]


@pytest.mark.parametrize("path", [PROJECT.notebook(c, PROJECT.default_language) for c in PROJECT.chapters],
                         ids=rel)
def test_notebook_runs_and_prints_the_snippet_outputs(path, tmp_path, cpu_kernel):
    runs_and_prints_the_snippet_outputs(path, tmp_path)


@pytest.mark.parametrize(("chapter", "language"), [(c, lang) for c in PROJECT.chapters
                                                  for lang in PROJECT.translations])
def test_translated_notebook_runs_the_same_code_or_is_run_too(chapter, language, tmp_path, cpu_kernel):
    path, twin = PROJECT.notebook(chapter, language), PROJECT.notebook(chapter, PROJECT.default_language)
    if not path.exists():
        pytest.fail(f"{rel(path)} is missing; run python -m tools notebooks", pytrace=False)
    if twin.exists() and code_cells(path) == code_cells(twin):
        return  # the same code as its twin, which test_notebook_runs_and_prints_the_snippet_outputs runs
    runs_and_prints_the_snippet_outputs(path, tmp_path)


def test_a_translated_notebook_with_other_code_is_not_taken_for_its_twin(tmp_path):
    twin = PROJECT.notebook(PROJECT.chapters[0], PROJECT.default_language)
    notebook = load(twin)
    cell = next(c for c in notebook.cells if c.cell_type == "code")
    cell.source += "\nprint('only in the translation')"
    changed = tmp_path / twin.name
    nbformat.write(notebook, changed)
    assert code_cells(changed) != code_cells(twin)


def runs_and_prints_the_snippet_outputs(path, tmp_path):
    if not path.exists():
        pytest.fail(f"{rel(path)} is missing; run python -m tools notebooks", pytrace=False)
    notebook = execute(path, tmp_path)
    checked = 0
    for index, cell in enumerate(notebook.cells):
        module = cell.get("metadata", {}).get("course", {}).get("snippet")
        if cell.cell_type != "code" or not module:
            continue
        snippet = harness.Snippet(PROJECT.snippets / module)
        printed = "".join(o.get("text", "") if o.get("output_type") == "stream" and o.get("name") == "stdout"
                          else f"{o['ename']}: {o['evalue']}\n" if o.get("output_type") == "error" else ""
                          for o in cell.outputs)
        comparison = Comparison(snippet.output_path().read_text("utf-8"), printed, snippet.varies)
        assert comparison.agrees, (
            f"{rel(path)} cell {index} ({module}) printed something other than its output file:\n"
            + comparison.diff(rel(snippet.output_path()))
        )
        checked += 1
    assert checked, f"{rel(path)} has no snippet cells"


def test_malformed_notebook_is_reported_with_its_path(tmp_path):
    broken = tmp_path / "broken.ipynb"
    broken.write_text('{"cells": [', encoding="utf-8")
    with pytest.raises(AssertionError, match="broken.ipynb: not a valid notebook"):
        load(broken)


def test_failing_cell_is_reported_with_path_and_cell_number(tmp_path, cpu_kernel):
    path = tmp_path / "fails.ipynb"
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# A notebook"),
        nbformat.v4.new_code_cell("print('fine')"),
        nbformat.v4.new_code_cell("raise ValueError('boom')"),
    ])
    nbformat.write(notebook, path)
    with pytest.raises(AssertionError, match=r"fails.ipynb: cell 2 failed:(.|\n)*boom"):
        execute(path, tmp_path)


def test_chapter_pages_link_their_notebooks(built_site):
    """The notebook page, the .ipynb to download and, with the repository URL
    configured (the built site has REPO_URL set), Colab."""
    colab = "https://colab.research.google.com/github/" + site.DEPLOYED_REPO_URL.removeprefix("https://github.com/")
    for chapter in PROJECT.chapters:
        for language in PROJECT.codes:
            prefix = PROJECT.url_counterpart("", language)
            html = (built_site / prefix / chapter / "index.html").read_text(encoding="utf-8")
            name = PROJECT.notebook(chapter, language).name
            assert f"../notebooks/{chapter}/{name}" in html, f"{prefix}{chapter}/ does not link {name}"
            assert f"{colab}/blob/main/docs/notebooks/{name}" in html, f"{prefix}{chapter}/: no Colab link"
            assert (built_site / prefix / "notebooks" / chapter / name).exists()
            notebook_page = built_site / prefix / "notebooks" / chapter / "index.html"
            assert "jp-Cell" in notebook_page.read_text(encoding="utf-8"), (
                f"{notebook_page} is not a rendered notebook page"
            )




def test_mkdocs_jupyter_still_deletes_cache_entries_a_build_did_not_use(tmp_path):
    """Why hooks/notebook_pages.py gives each language its own cache folder: after a build,
    mkdocs-jupyter deletes the entries that build did not use, which under mkdocs-static-i18n are
    the other language's. If this fails, mkdocs-jupyter no longer does that, and the per-language
    folders (on_pre_build in the hook) can go."""
    from mkdocs_jupyter.plugin import Plugin

    plugin = Plugin()
    errors, _ = plugin.load_config({"cache": True, "cache_dir": str(tmp_path)})
    assert not errors, errors
    plugin.on_pre_build(config=None)
    other_language = tmp_path / "entry-of-another-language.json"
    other_language.write_text("{}", encoding="utf-8")
    plugin.on_post_build(config=None)
    assert not other_language.exists(), (
        "mkdocs-jupyter kept a cache entry its build did not use: it no longer evicts them, so "
        "hooks/notebook_pages.py's per-language cache folders (on_pre_build) can be removed")
