"""Checks of the pages and snippets as a whole: every snippet shown, every
output owned, no untested Python on a page, a warning-free strict build."""

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, mkdocs_build

from tools import copy_site
from tools import snippets as sn

SNIPPETS = sn.discover()
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>```+|~~~+)(?P<info>[^\n`]*)$")
PYTHON_LANGS = {"python", "py", "python3", "py3", "pycon"}
CHAPTERS = sorted({s.chapter for s in SNIPPETS})
GENERATED = re.compile(r"^(produced-by|measured-speed)(\.[a-z]+)?\.txt$")


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def fences(path: Path):
    """Yield (line number, info string, body) of every fenced block in a Markdown file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        start, fence, indent = i, m["fence"], m["indent"]
        body = []
        i += 1
        while i < len(lines) and lines[i].strip() != fence:
            body.append(lines[i][len(indent):])
            i += 1
        yield start + 1, m["info"].strip(), body
        i += 1


def test_every_snippet_is_shown_on_a_page():
    shown = {t.split(":")[0] for page in sn.pages("en") for t in sn.includes(page)}
    missing = [s.display for s in SNIPPETS if s.rel not in shown]
    assert not missing, (
        "These snippets are not shown on any English page; include them with "
        '--8<-- "<chapter>/<file>.py" or delete them:\n  ' + "\n  ".join(missing)
    )


def test_every_file_under_snippets_belongs_to_a_snippet():
    problems = []
    for path in sorted(sn.SNIPPETS.rglob("*")):
        if path.is_dir() or "__pycache__" in path.parts:
            continue
        name = path.name
        if path.suffix == ".py":
            if not sn.SNIPPET_NAME.match(name):
                problems.append(f"{rel(path)}: snippet names look like NN_what_it_shows.py")
        elif name.endswith(".out"):
            module = path.with_name(name.split(".")[0] + ".py")
            if not module.exists():
                problems.append(
                    f"{rel(path)}: output file without its snippet {rel(module)}; "
                    "delete the output or restore the snippet"
                )
        elif not GENERATED.match(name):
            problems.append(f"{rel(path)}: unexpected file in snippets/")
    assert not problems, "\n".join(problems)


def test_every_include_is_followed_by_its_output():
    """A code include is followed by its output include, so a reader sees both."""
    problems = []
    for page in sn.pages("en") + sn.pages("hi"):
        targets = sn.includes(page)
        for i, target in enumerate(targets):
            module = target.split(":")[0]
            if not module.endswith(".py"):
                continue
            stem = module[: -len(".py")]
            following = targets[i + 1].split(":")[0] if i + 1 < len(targets) else ""
            if following.startswith(stem + ".") and following.endswith(".out"):
                continue
            if following == module:  # the next part of the same module comes first
                continue
            problems.append(f"{rel(page)}: {target} is not followed by {stem}.out")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_page_ends_with_provenance(chapter):
    for language in ("en", "hi"):
        page = sn.DOCS / (f"{chapter}.md" if language == "en" else f"{chapter}.{language}.md")
        if not page.exists():
            continue
        targets = sn.includes(page)
        assert targets and targets[-1].startswith(f"{chapter}/produced-by"), (
            f"{rel(page)} must end with the generated line naming what produced its outputs:\n"
            f'!!! info "..."\n    --8<-- "{chapter}/produced-by.txt"'
        )


def _markdown_files():
    return [ROOT / "README.md", *sorted(sn.DOCS.rglob("*.md"))]


@pytest.mark.parametrize("path", _markdown_files(), ids=rel)
def test_python_fences_are_included_or_executed(path):
    """Python on a page comes from a snippet include, or is run by pytest-codeblocks
    (info string exactly `python`); anything else would be untested code."""
    problems = []
    for line, info, body in fences(path):
        language = info.split()[0].lstrip(".{") if info else ""
        if language not in PYTHON_LANGS or info == "python":
            continue
        content = [b for b in body if b.strip()]
        if content and all(sn.INCLUDE.match(b) for b in content):
            continue
        problems.append(
            f"{rel(path)}:{line}: a ```{info} block with inline code. Move the code into a "
            "snippet module and include it, or use ```python so pytest-codeblocks runs it."
        )
    assert not problems, "\n".join(problems)


STDLIB = set(sys.stdlib_module_names)


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda s: s.rel)
def test_snippet_is_self_contained_and_seeded(snippet):
    tree = ast.parse(snippet.source, filename=snippet.display)
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{snippet.display}: relative import; snippets stand alone"
            roots.add(node.module.split(".")[0])
    allowed = STDLIB | {"torch"} | ({"numpy"} if snippet.chapter == "tensors" else set())
    foreign = sorted(roots - allowed)
    assert not foreign, (
        f"{snippet.display} imports {foreign}; a snippet uses torch and the standard library "
        "only, so a reader can copy and run it"
    )
    random = re.search(r"\b(rand\w*|normal_|uniform_|nn\.(Linear|Dropout|Sequential))\b",
                       snippet.source)
    if random:
        assert "manual_seed" in snippet.source, (
            f"{snippet.display} uses randomness ({random.group(0)}) without torch.manual_seed; "
            "seed it so its output is reproducible"
        )


def test_strict_build_has_no_warnings(built_site):
    for language_root in (built_site, built_site / "hi"):
        assert (language_root / "index.html").exists()


@pytest.mark.parametrize("page_name", ["tensors.md", "tensors.hi.md"])
def test_unresolved_include_fails_the_build_naming_the_file(tmp_path, page_name):
    """A page (English or Hindi) that includes a missing snippet fails the strict build."""
    copy_site(tmp_path)
    page = tmp_path / "docs" / page_name
    page.write_text(page.read_text() + '\n```py\n--8<-- "tensors/99_missing.py"\n```\n')
    result = mkdocs_build(tmp_path / "site", config_file=tmp_path / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0, "a missing include should fail the strict build"
    assert "99_missing.py" in output, output[-2000:]


def test_ruff_is_clean():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "snippets", "tests", "tools", "hooks"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, f"ruff found problems (ruff check --fix may help):\n{result.stdout}"


def test_cuda_outputs_are_real_or_say_they_are_not_captured():
    """A CUDA tab shows output captured on a CUDA machine (with the provenance
    line naming that GPU), or says plainly that it has not been captured."""
    problems = []
    for snippet in sn.device_dependent():
        path = snippet.output_path("cuda")
        text = path.read_text(encoding="utf-8")
        if text.startswith(sn.NOT_CAPTURED):
            if text != sn.not_captured_text():
                problems.append(f"{rel(path)}: a not-captured file holds only the notice, exactly")
            continue
        provenance = sn.provenance_path(snippet.chapter, "cuda")
        if not provenance.exists() or "CUDA on" not in provenance.read_text(encoding="utf-8"):
            problems.append(f"{rel(path)} holds an output but {rel(provenance)} names no CUDA device; "
                            "capture CUDA outputs only with tools/gpu_lane.sh")
    assert not problems, "\n".join(problems)
