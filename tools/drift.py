"""The drift report: does the installed PyTorch still print what the pages show?

    python -m tools drift                         # every check, a report on stdout
    python -m tools drift --report drift.md -k gpu-training --no-notebooks

It runs, on the CPU lane and against whatever PyTorch is installed, the checks the tests make of
stored results: every snippet (exercise starters and solutions included) against its output
file, every figure's values against its `.values.json`, every chapter notebook executed against
the snippets' output files. Each is reported as agrees, drifted (with the diff) or crashed (with
the error). Nothing is rewritten. That the outputs came from another PyTorch (produced-by.txt) is
reported, not counted as a drift. Exit status 1 when anything drifted or crashed.
"""

from __future__ import annotations

import platform
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tools.project import PROJECT

AGREES, DRIFTED, CRASHED = "agrees", "drifted", "crashed"
CELL_TIMEOUT_S = 600


@dataclass
class Result:
    kind: str  # snippet, exercise, figure, notebook
    id: str
    status: str
    detail: str = ""


def _kind(snippet) -> str:
    return "exercise" if "_exercise_" in snippet.id or "_solution_" in snippet.id else "snippet"


def check_snippets(snippets: list) -> Iterator[Result]:
    """Each snippet run on the CPU against its stored output (harness.Snippet objects)."""
    from tools import runner
    from tools.compare import Comparison

    for snippet in snippets:
        rel = snippet.project.rel
        try:
            printed, varies = snippet.run(), snippet.varies
        except runner.SnippetError as exc:
            yield Result(_kind(snippet), snippet.id, CRASHED, str(exc))
            continue
        out = snippet.output_path()
        if not out.exists():
            yield Result(_kind(snippet), snippet.id, CRASHED, f"no stored output {rel(out)}")
            continue
        comparison = Comparison(out.read_text(encoding="utf-8"), printed, varies)
        if comparison.agrees:
            yield Result(_kind(snippet), snippet.id, AGREES)
        else:
            yield Result(_kind(snippet), snippet.id, DRIFTED, comparison.diff(rel(out)))


def check_figures(pattern: str | None) -> Iterator[Result]:
    from tools import figures
    from tools.compare import Comparison

    for figure in figures.discover():
        if pattern and pattern not in figure.id:
            continue
        stored = figure.values_path
        try:
            now = figures.values_text(figure.module().values())
        except Exception as exc:  # noqa: BLE001 - a figure module that fails is reported as crashed
            yield Result("figure", figure.id, CRASHED, _last_frames(exc))
            continue
        if not stored.exists():
            yield Result("figure", figure.id, CRASHED, f"no stored values {PROJECT.rel(stored)}")
            continue
        comparison = Comparison(stored.read_text(encoding="utf-8"), now)
        yield Result("figure", figure.id, AGREES if comparison.agrees else DRIFTED,
                     "" if comparison.agrees else comparison.diff(PROJECT.rel(stored)))


def check_notebooks(pattern: str | None) -> Iterator[Result]:
    """Each default-language notebook, run with a fresh kernel (its translations run the same
    code cells, which tests/test_notebooks.py checks)."""
    for chapter in PROJECT.chapters:
        path = PROJECT.notebook(chapter, PROJECT.default_language)
        if pattern and pattern not in chapter:
            continue
        if not path.exists():
            yield Result("notebook", PROJECT.rel(path), CRASHED, "missing: python -m tools notebooks")
            continue
        try:
            differences = _notebook_differences(path)
        except Exception as exc:  # noqa: BLE001 - a cell that fails is reported as crashed
            yield Result("notebook", PROJECT.rel(path), CRASHED, str(exc)[-3000:])
            continue
        yield Result("notebook", PROJECT.rel(path), DRIFTED if differences else AGREES,
                     "\n".join(differences))


def _notebook_differences(path: Path) -> list[str]:
    import nbformat
    from nbclient import NotebookClient

    from tools import harness
    from tools.compare import Comparison

    notebook = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory() as workdir:
        NotebookClient(notebook, timeout=CELL_TIMEOUT_S, kernel_name="python3",
                       resources={"metadata": {"path": workdir}}).execute()
    differences = []
    for index, cell in enumerate(notebook.cells):
        module = cell.get("metadata", {}).get("course", {}).get("snippet")
        if cell.cell_type != "code" or not module:
            continue
        snippet = harness.Snippet(PROJECT.snippets / module)
        printed = "".join(o.get("text", "") for o in cell.outputs
                          if o.get("output_type") == "stream" and o.get("name") == "stdout")
        printed += "".join(f"{o['ename']}: {o['evalue']}\n" for o in cell.outputs
                           if o.get("output_type") == "error")
        comparison = Comparison(snippet.output_path().read_text("utf-8"), printed, snippet.varies)
        if not comparison.agrees:
            differences.append(f"cell {index} ({module}):\n"
                               + comparison.diff(PROJECT.rel(snippet.output_path())))
    return differences


def _last_frames(exc: BaseException) -> str:
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)[-6:])


def provenance_notes() -> list[str]:
    """Chapters whose outputs record another PyTorch or Python than this one (not a drift)."""
    from tools import harness

    now = harness.provenance("cpu")
    notes = []
    for chapter in sorted({s.chapter for s in harness.discover()}):
        path = harness.provenance_path(chapter)
        stored = path.read_text(encoding="utf-8") if path.exists() else "(missing)\n"
        if stored != now:
            notes.append(f"{chapter}: {stored.strip()}")
    return notes


def report(results: list[Result], notes: list[str]) -> str:
    import torch

    counts = {status: sum(r.status == status for r in results) for status in (AGREES, DRIFTED, CRASHED)}
    lines = [
        f"# Drift report: PyTorch {torch.__version__}",
        "",
        f"Python {platform.python_version()} on {platform.machine()}, CPU lane. "
        f"{len(results)} checks: {counts[AGREES]} agree, {counts[DRIFTED]} drifted, "
        f"{counts[CRASHED]} crashed.",
        "",
        "| kind | agrees | drifted | crashed |",
        "| --- | --- | --- | --- |",
    ]
    for kind in ("snippet", "exercise", "figure", "notebook"):
        of_kind = [r for r in results if r.kind == kind]
        if of_kind:
            lines.append(f"| {kind} | " + " | ".join(
                str(sum(r.status == s for r in of_kind)) for s in (AGREES, DRIFTED, CRASHED)) + " |")
    for status in (CRASHED, DRIFTED):
        for r in (r for r in results if r.status == status):
            lines += ["", f"## {status}: {r.kind} {r.id}", "", "```text", r.detail.rstrip(), "```"]
    if notes:
        lines += ["", "## Provenance (not a drift)", "",
                  "The stored outputs record another version than this run (produced-by.txt):", ""]
        lines += [f"- {note}" for note in notes]
    lines += ["", "## What to do", "",
              "Nothing drifted or crashed: the pages hold for this PyTorch." if not
              (counts[DRIFTED] or counts[CRASHED]) else
              "See the README, \"When PyTorch moves\": refresh (python -m tools refresh), review "
              "`git diff snippets/` and the prose that quotes the numbers, commit."]
    return "\n".join(lines) + "\n"


def run(pattern: str | None = None, notebooks: bool = True,
        echo: Callable[[str], None] = print) -> tuple[list[Result], list[str]]:
    from tools import harness

    checks = [check_snippets(harness.select(harness.discover(), pattern)), check_figures(pattern)]
    if notebooks:
        checks.append(check_notebooks(pattern))
    results = []
    for check in checks:
        for result in check:
            echo(f"{result.status:8} {result.kind:8} {result.id}")
            results.append(result)
    return results, provenance_notes()


def main(pattern: str | None, report_path: str | None, notebooks: bool) -> int:
    from tools import runner

    runner.hide_cuda()  # the CPU lane, before torch asks CUDA for devices
    results, notes = run(pattern, notebooks, echo=lambda line: print(line, file=sys.stderr, flush=True))
    text = report(results, notes)
    if report_path:
        Path(report_path).write_text(text, encoding="utf-8")
    print(text)
    return 1 if any(r.status != AGREES for r in results) or not results else 0
