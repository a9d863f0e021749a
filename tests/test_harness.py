"""The snippet harness itself: what it accepts, what it rejects, and what it
says. Uses the real stored outputs, so a change to any shown number is caught."""

import re

import pytest

from tools import snippets as sn

OUTPUTS = [s.output_path() for s in sn.discover() if s.output_path().exists()]


def agrees(expected, actual, varies=()):
    return sn.Comparison(expected, actual, [re.compile(v) for v in varies]).agrees


def test_tolerance_accepts_fifth_digit_and_rejects_fourth():
    assert agrees("loss 2.4200\n", "loss 2.4201\n")  # fifth significant digit moved
    assert not agrees("loss 0.9183\n", "loss 0.9184\n")  # fourth significant digit changed
    assert not agrees("grad tensor([-0.0898])\n", "grad tensor([-0.0899])\n")


def test_integers_and_text_must_match_exactly():
    assert not agrees("params 124,412,160\n", "params 124,412,161\n")
    assert not agrees("device: cpu\n", "device: cuda\n")
    assert not agrees("a\nb\n", "a\n")


def test_varying_line_is_masked_not_skipped():
    varies = [r"^step took"]
    assert agrees("step took 0.0123 s\nloss 1.5\n", "step took 0.0456 s\nloss 1.5\n", varies)
    assert not agrees("step took 0.0123 s\nloss 1.5\n", "step took 0.0456 s\nloss 1.6\n", varies)
    assert not agrees("step took 0.0123 s\n", "step lasted 0.0123 s\n", varies)  # text still checked


def test_refresh_keeps_agreeing_lines_so_it_is_idempotent():
    stored = "step took 0.0123 s\nloss 2.4200\nacc 0.50\n"
    printed = "step took 0.0456 s\nloss 2.4201\nacc 0.75\n"
    comparison = sn.Comparison(stored, printed, [re.compile("^step took")])
    refreshed = comparison.refreshed()
    assert refreshed == "step took 0.0123 s\nloss 2.4200\nacc 0.75\n"
    assert sn.Comparison(refreshed, printed, comparison.varies).refreshed() == refreshed


def _mutations(text: str):
    """Each number in the text changed at its fourth significant digit (or its
    last printed digit, if it has fewer): a change the tolerance must not allow."""
    for match in sn.NUMBER.finditer(text):
        number = match.group(0)
        digits = [i for i, c in enumerate(number) if c.isdigit()]
        significant = [i for i in digits if number[i] != "0" or i > next(
            (j for j in digits if number[j] != "0"), len(number))]
        if not significant:
            significant = digits
        mantissa_end = number.lower().find("e")
        if mantissa_end != -1:
            significant = [i for i in significant if i < mantissa_end]
        at = significant[min(3, len(significant) - 1)]
        digit = str((int(number[at]) + 1) % 10)
        yield match.start(), number, text[: match.start() + at] + digit + text[match.start() + at + 1:]


@pytest.mark.parametrize("out", OUTPUTS, ids=lambda p: p.relative_to(sn.SNIPPETS).as_posix())
def test_changing_any_shown_number_fails(out):
    snippet = sn.Snippet(out.with_suffix(".py"))
    text = out.read_text(encoding="utf-8")
    survived = []
    for position, number, mutated in _mutations(text):
        line = text[: position].count("\n")
        if any(p.search(text.splitlines()[line]) for p in snippet.varies):
            continue  # declared as varying: masked on purpose
        if sn.Comparison(text, mutated, snippet.varies).agrees:
            survived.append(f"line {line + 1}: {number}")
    assert not survived, f"{out.name}: these changed numbers would pass unnoticed: {survived}"


@pytest.fixture
def scratch_snippet(tmp_path, monkeypatch):
    chapter = tmp_path / "snippets" / "demo"
    chapter.mkdir(parents=True)
    monkeypatch.setattr(sn, "ROOT", tmp_path)
    monkeypatch.setattr(sn, "SNIPPETS", tmp_path / "snippets")
    monkeypatch.setattr(sn, "DOCS", tmp_path / "docs")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "demo.md").write_text('```py\n--8<-- "demo/01_demo.py"\n```\n')

    def write(source: str) -> sn.Snippet:
        path = chapter / "01_demo.py"
        path.write_text(source, encoding="utf-8")
        return sn.Snippet(path)

    return write


def test_changed_constant_in_a_snippet_fails_with_diff_pages_and_command(scratch_snippet):
    snippet = scratch_snippet("import torch\nx = torch.tensor([1.1])\nprint('x * 2 =', x * 2)\n")
    stored = sn.run(snippet)
    snippet = scratch_snippet("import torch\nx = torch.tensor([1.2])\nprint('x * 2 =', x * 2)\n")
    comparison = sn.Comparison(stored, sn.run(snippet))
    assert not comparison.agrees
    message = sn.mismatch_message(snippet, comparison)
    assert "-x * 2 = tensor([2.2000])" in message and "+x * 2 = tensor([2.4000])" in message
    assert "snippets/demo/01_demo.py" in message
    assert "Shown on: docs/demo.md" in message
    assert "--refresh-outputs -k demo/01_demo" in message


def test_snippet_that_raises_reports_path_and_traceback(scratch_snippet):
    snippet = scratch_snippet("print('before')\nraise ValueError('shapes differ')\n")
    with pytest.raises(sn.SnippetError) as error:
        sn.run(snippet)
    message = str(error.value)
    assert "snippets/demo/01_demo.py raised ValueError" in message
    assert "01_demo.py\", line 2" in message and "shapes differ" in message


def test_run_captures_output_of_child_processes(scratch_snippet):
    snippet = scratch_snippet(
        "import subprocess, sys\nprint('parent')\n"
        "subprocess.run([sys.executable, '-c', 'print(\"child\")'], check=True)\n"
    )
    assert sn.run(snippet) == "parent\nchild\n"


def test_cpu_run_hides_accelerators(scratch_snippet):
    snippet = scratch_snippet(
        "import os, torch\nprint(torch.cuda.is_available(), torch.backends.mps.is_available(),"
        " repr(os.environ['CUDA_VISIBLE_DEVICES']))\n"
    )
    assert sn.run(snippet) == "False False ''\n"
