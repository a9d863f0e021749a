"""The drift report (tools/drift.py): each snippet against the installed PyTorch is reported as
agrees, drifted (with the diff) or crashed (with the error), nothing is rewritten, and the
provenance difference alone is a note, not a failure."""

import pytest

from tools import drift, harness
from tools.project import Project

MKDOCS_YML = """site_name: demo
plugins:
  - i18n:
      languages:
        - {locale: en, name: English, default: true}
"""


@pytest.fixture
def scratch(tmp_path):
    """A throwaway project whose snippets/demo/NN_name.py are written with their stored output."""
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    chapter = tmp_path / "snippets" / "demo"
    chapter.mkdir(parents=True)
    project = Project(tmp_path)

    def write(name: str, source: str, stored: str | None) -> harness.Snippet:
        path = chapter / f"{name}.py"
        path.write_text(source, encoding="utf-8")
        if stored is not None:
            path.with_suffix(".out").write_text(stored, encoding="utf-8")
        return harness.Snippet(path, project)

    return write


def test_each_snippet_agrees_drifts_or_crashes_and_nothing_is_written(scratch):
    snippets = [
        scratch("01_same", "print('loss', 2.42001)\n", "loss 2.4200\n"),
        scratch("02_moved", "print('grad', -0.0899)\n", "grad -0.0898\n"),
        scratch("03_fails", "raise RuntimeError('gone in this release')\n", "x\n"),
        scratch("04_exercise_raises", "# raises: ValueError\nprint(1)\n", "1\nValueError: no\n"),
        scratch("05_new", "print(1)\n", None),
    ]
    before = {p: p.read_text() for s in snippets for p in s.path.parent.iterdir()}
    results = {r.id: r for r in drift.check_snippets(snippets)}
    assert [results[s.id].status for s in snippets] == [
        drift.AGREES, drift.DRIFTED, drift.CRASHED, drift.CRASHED, drift.CRASHED]
    assert "-grad -0.0898\n+grad -0.0899" in results["demo/02_moved"].detail
    assert "RuntimeError: gone in this release" in results["demo/03_fails"].detail
    assert "declares `# raises: ValueError` but ran without raising it" in (
        results["demo/04_exercise_raises"].detail)
    assert results["demo/04_exercise_raises"].kind == "exercise"
    assert {p: p.read_text() for s in snippets for p in s.path.parent.iterdir()} == before


def test_the_report_counts_shows_the_diffs_and_notes_provenance_apart():
    results = [drift.Result("snippet", "a/01", drift.AGREES),
               drift.Result("snippet", "a/02", drift.DRIFTED, "-1\n+2"),
               drift.Result("figure", "a/fig", drift.CRASHED, "KeyError: 'x'")]
    text = drift.report(results, ["a: PyTorch 2.13.0+cpu · CPU (x86_64) · Python 3.11"])
    assert "3 checks: 1 agree, 1 drifted, 1 crashed." in text
    assert "| snippet | 1 | 1 | 0 |" in text and "| figure | 0 | 0 | 1 |" in text
    assert "## drifted: snippet a/02\n\n```text\n-1\n+2\n```" in text
    assert "## crashed: figure a/fig" in text
    assert "## Provenance (not a drift)" in text and "- a: PyTorch 2.13.0+cpu" in text
    assert "python -m tools refresh" in text
    assert "Nothing drifted or crashed" in drift.report(results[:1], ["a: another version"])


def test_a_real_chapter_agrees_with_the_installed_pytorch():
    """The command on one chapter, as the weekly workflow runs it on all: here, with the pinned
    PyTorch, every snippet of the chapter agrees."""
    results, _notes = drift.run("tensors/0", notebooks=False, echo=lambda line: None)
    snippets = [r for r in results if r.kind in ("snippet", "exercise")]
    assert snippets and all(r.status == drift.AGREES for r in snippets), [
        (r.id, r.status, r.detail) for r in results if r.status != drift.AGREES]
