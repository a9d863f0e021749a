"""The snippet harness itself: what it accepts, what it rejects, and what it says. Uses the real
stored outputs, so a change to any shown number is caught."""

import re

import pytest

from tools import harness, runner
from tools.compare import NUMBER, Comparison
from tools.project import Project

SNIPPETS = [s for s in harness.discover() if s.output_path().exists()]


def agrees(expected, actual, varies=()):
    return Comparison(expected, actual, [re.compile(v) for v in varies]).agrees


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
    comparison = Comparison(stored, printed, [re.compile("^step took")])
    refreshed = comparison.refreshed()
    assert refreshed == "step took 0.0123 s\nloss 2.4200\nacc 0.75\n"
    assert Comparison(refreshed, printed, comparison.varies).refreshed() == refreshed


def _mutations(text: str):
    """Each number in the text changed at its fourth significant digit (or its
    last printed digit, if it has fewer): a change the tolerance must not allow."""
    for match in NUMBER.finditer(text):
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


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda s: s.output_path().name)
def test_changing_any_shown_number_fails(snippet):
    out = snippet.output_path()
    text = out.read_text(encoding="utf-8")
    survived = []
    for position, number, mutated in _mutations(text):
        line = text[: position].count("\n")
        if any(p.search(text.splitlines()[line]) for p in snippet.varies):
            continue  # declared as varying: masked on purpose
        if Comparison(text, mutated, snippet.varies).agrees:
            survived.append(f"line {line + 1}: {number}")
    assert not survived, f"{out.name}: these changed numbers would pass unnoticed: {survived}"


MKDOCS_YML = """site_name: demo
plugins:
  - i18n:
      languages:
        - {locale: en, name: English, default: true}
        - {locale: hi, name: Hindi}
"""


@pytest.fixture
def scratch_snippet(tmp_path):
    """A throwaway project with one chapter page that shows snippets/demo/01_demo.py."""
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    chapter = tmp_path / "snippets" / "demo"
    chapter.mkdir(parents=True)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "demo.md").write_text('```py\n--8<-- "demo/01_demo.py"\n```\n')
    project = Project(tmp_path)

    def write(source: str) -> harness.Snippet:
        path = chapter / "01_demo.py"
        path.write_text(source, encoding="utf-8")
        return harness.Snippet(path, project)

    return write


def test_changed_constant_in_a_snippet_fails_with_diff_pages_and_command(scratch_snippet):
    snippet = scratch_snippet("import torch\nx = torch.tensor([1.1])\nprint('x * 2 =', x * 2)\n")
    assert harness.check(snippet, refresh=True).problem is None
    snippet = scratch_snippet("import torch\nx = torch.tensor([1.2])\nprint('x * 2 =', x * 2)\n")
    message = harness.check(snippet).problem
    assert message is not None
    assert "-x * 2 = tensor([2.2000])" in message and "+x * 2 = tensor([2.4000])" in message
    assert "snippets/demo/01_demo.py" in message
    assert "Shown on: docs/demo.md" in message
    assert "python -m tools refresh -k demo/01_demo" in message


def test_refresh_is_idempotent(scratch_snippet):
    snippet = scratch_snippet("print('loss', 2.42001)\n")
    assert harness.check(snippet, refresh=True).written
    assert not harness.check(snippet, refresh=True).written
    assert harness.check(snippet).problem is None


def test_missing_output_names_the_file_and_command(scratch_snippet):
    message = harness.check(scratch_snippet("print(1)\n")).problem
    assert "has no stored output: snippets/demo/01_demo.out" in message
    assert "python -m tools refresh -k demo/01_demo" in message


def test_snippet_that_raises_reports_path_and_traceback(scratch_snippet):
    snippet = scratch_snippet("print('before')\nraise ValueError('shapes differ')\n")
    with pytest.raises(runner.SnippetError) as error:
        snippet.run()
    message = str(error.value)
    assert "snippets/demo/01_demo.py raised ValueError" in message
    assert "01_demo.py\", line 2" in message and "shapes differ" in message


def test_declared_failure_is_required_and_its_message_becomes_output(scratch_snippet):
    snippet = scratch_snippet("# raises: ValueError\nprint('before')\nraise ValueError('shapes differ')\n")
    assert snippet.run() == "before\nValueError: shapes differ\n"
    works = scratch_snippet("# raises: ValueError\nprint('fine')\n")
    with pytest.raises(runner.SnippetError, match="declares `# raises: ValueError` but ran without raising"):
        works.run()
    other = scratch_snippet("# raises: ValueError\nraise RuntimeError('other')\n")
    with pytest.raises(runner.SnippetError, match="raised RuntimeError when run \\(it declares"):
        other.run()


def test_a_changed_error_message_fails_like_any_output(scratch_snippet):
    snippet = scratch_snippet("# raises: ValueError\nraise ValueError('size 1 differs')\n")
    harness.check(snippet, refresh=True)
    snippet = scratch_snippet("# raises: ValueError\nraise ValueError('sizes now broadcast')\n")
    assert "+ValueError: sizes now broadcast" in harness.check(snippet).problem


def test_invalid_declarations_name_the_file_and_line(scratch_snippet):
    snippet = scratch_snippet("print(1)\n# varies: ^step (took\n")
    message = harness.check(snippet).problem
    assert "snippets/demo/01_demo.py:2: `# varies: ^step (took` is not a valid regular expression" in message
    snippet = scratch_snippet("# raises: not a type\nprint(1)\n")
    assert "snippets/demo/01_demo.py:1: `# raises: not a type` must name one exception class" in (
        harness.check(snippet).problem)


def test_run_captures_output_of_child_processes(scratch_snippet):
    snippet = scratch_snippet(
        "import subprocess, sys\nprint('parent')\n"
        "subprocess.run([sys.executable, '-c', 'print(\"child\")'], check=True)\n"
    )
    assert snippet.run() == "parent\nchild\n"


def test_cpu_run_sees_no_accelerator_through_pytorchs_own_functions(scratch_snippet):
    """The CPU lane leaves PyTorch's functions as they are (a replaced one broke torch._dynamo
    on PyTorch 2.14): the tests hide CUDA through the environment, which processes a snippet
    starts inherit too."""
    import torch

    functions = (torch.cuda.is_available, torch.backends.mps.is_available, torch.accelerator.is_available)
    snippet = scratch_snippet(
        "import os, subprocess, sys, torch\n"
        "print(torch.cuda.is_available(), torch.backends.mps.is_available(),"
        " torch.accelerator.is_available(), repr(os.environ['CUDA_VISIBLE_DEVICES']))\n"
        "child = 'import torch; print(torch.accelerator.is_available())'\n"
        "subprocess.run([sys.executable, '-c', child], check=True)\n"
    )
    assert snippet.run() == "False False False \'\'\nFalse\n"
    assert functions == (torch.cuda.is_available, torch.backends.mps.is_available,
                         torch.accelerator.is_available)


def test_cpu_run_is_refused_where_pytorch_sees_an_accelerator(scratch_snippet, monkeypatch):
    """Where a GPU is visible all the same (CUDA asked before it was hidden, or Apple's MPS,
    which nothing hides), the snippet is not run and the message says why."""
    snippet = scratch_snippet("print('ran')\n")
    for device, hint in (("cuda", "CUDA_VISIBLE_DEVICES"), ("mps", "no setting that hides mps")):
        monkeypatch.setattr(runner, "visible_accelerator", lambda device=device: device)
        problem = harness.check(snippet).problem
        assert f"01_demo.py was not run on the CPU lane: this process sees a {device}" in problem
        assert hint in problem


def test_what_a_snippet_sets_for_itself_does_not_leak(scratch_snippet):
    import torch

    threads = torch.get_num_threads()
    scratch_snippet("import torch\ntorch.set_num_threads(1)\ntorch.set_default_dtype(torch.float64)\n").run()
    assert torch.get_num_threads() == threads and torch.get_default_dtype() == torch.float32
