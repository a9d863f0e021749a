"""The chapter notebooks: generated from the pages, current, valid, and when
executed on the CPU they print what the snippets' output files say. A translated
notebook whose code cells are its default-language twin's, cell for cell, is not
run again: it runs the same code and prints the same.

The notebooks run one after the other in one Jupyter kernel, as the snippet harness runs the
snippets in one process: before each notebook the kernel's namespace and PyTorch's global
settings (random state, default dtype, print options, threads, grad mode) are put back as a
fresh kernel has them, which saves a kernel start and an `import torch` per notebook."""

import json
import os
import subprocess
import sys

import nbformat
import pytest
from jupyter_client.manager import KernelManager
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


def test_generator_writes_the_same_notebooks_in_another_process():
    """Generation does not depend on the process (hash seeds, set order): another interpreter,
    with another hash seed, generates the very notebooks this one does."""
    here = {rel(path): text for path, text in nb.expected().items()}
    script = ("import json; from tools import notebooks; from tools.project import PROJECT; "
              "print(json.dumps({PROJECT.rel(p): t for p, t in notebooks.expected().items()}))")
    there = subprocess.run([sys.executable, "-c", script], cwd=PROJECT.root, capture_output=True, text=True,
                           check=True, env={**os.environ, "PYTHONHASHSEED": "12345"}).stdout
    assert json.loads(there) == here, "the notebooks generated in another process differ"


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


# Run first in the kernel before each notebook: what a fresh kernel has, back (its first run
# records PyTorch's settings as the kernel started with them).
FRESH = """%reset -f
import os, sys, types, torch
fresh = sys.modules.setdefault("_fresh_kernel", types.ModuleType("_fresh_kernel"))
if not hasattr(fresh, "rng"):
    fresh.rng, fresh.threads = torch.get_rng_state(), torch.get_num_threads()
torch.set_rng_state(fresh.rng); torch.set_num_threads(fresh.threads)
torch.set_default_dtype(torch.float32); torch.set_printoptions(profile="default")
torch.set_grad_enabled(True)
os.chdir({workdir!r})
del os, sys, types, torch, fresh
"""


@pytest.fixture(scope="module")
def cpu_kernel():
    """One Jupyter kernel, on the CPU (CUDA hidden), for the module's notebooks."""
    manager = KernelManager(kernel_name="python3")
    manager.start_kernel(env={**os.environ, "CUDA_VISIBLE_DEVICES": ""})
    yield manager
    manager.shutdown_kernel(now=True)


def execute(path, workdir, kernel):
    """Run every cell in the kernel, from a fresh kernel's state; a failing cell is reported with
    the notebook path and its cell number."""
    notebook = load(path)
    notebook.cells.insert(0, nbformat.v4.new_code_cell(FRESH.format(workdir=str(workdir))))
    client = NotebookClient(notebook, km=kernel, timeout=CELL_TIMEOUT_S, kernel_name="python3",
                            resources={"metadata": {"path": str(workdir)}})
    try:
        client.execute()
    except CellExecutionError as exc:
        index = next((i for i, c in enumerate(notebook.cells)
                      if any(o.get("output_type") == "error" for o in c.get("outputs", []))), "?")
        index = index - 1 if isinstance(index, int) else index  # the notebook's own numbering
        raise AssertionError(f"{path}: cell {index} failed:\n{str(exc)[-1500:]}") from None
    del notebook.cells[0]
    return notebook


def code_cells(path) -> list[tuple]:
    """What a notebook runs: every code cell's source, snippet and tags, in order."""
    return [(c.source, c.metadata.get("course"), c.metadata.get("tags")) for c in load(path).cells
            if c.cell_type == "code"]


@pytest.mark.parametrize("path", [PROJECT.notebook(c, PROJECT.default_language) for c in PROJECT.chapters],
                         ids=rel)
def test_notebook_runs_and_prints_the_snippet_outputs(path, tmp_path, cpu_kernel):
    runs_and_prints_the_snippet_outputs(path, tmp_path, cpu_kernel)


@pytest.mark.parametrize(("chapter", "language"), [(c, lang) for c in PROJECT.chapters
                                                  for lang in PROJECT.translations])
def test_translated_notebook_runs_the_same_code_or_is_run_too(chapter, language, tmp_path, cpu_kernel):
    path, twin = PROJECT.notebook(chapter, language), PROJECT.notebook(chapter, PROJECT.default_language)
    if not path.exists():
        pytest.fail(f"{rel(path)} is missing; run python -m tools notebooks", pytrace=False)
    if twin.exists() and code_cells(path) == code_cells(twin):
        return  # the same code as its twin, which test_notebook_runs_and_prints_the_snippet_outputs runs
    runs_and_prints_the_snippet_outputs(path, tmp_path, cpu_kernel)


def test_a_translated_notebook_with_other_code_is_not_taken_for_its_twin(tmp_path):
    twin = PROJECT.notebook(PROJECT.chapters[0], PROJECT.default_language)
    notebook = load(twin)
    cell = next(c for c in notebook.cells if c.cell_type == "code")
    cell.source += "\nprint('only in the translation')"
    changed = tmp_path / twin.name
    nbformat.write(notebook, changed)
    assert code_cells(changed) != code_cells(twin)


def runs_and_prints_the_snippet_outputs(path, tmp_path, kernel):
    if not path.exists():
        pytest.fail(f"{rel(path)} is missing; run python -m tools notebooks", pytrace=False)
    notebook = execute(path, tmp_path, kernel)
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
        execute(path, tmp_path, cpu_kernel)


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
