"""The pages and snippets as a whole: every snippet shown, every file under snippets/ owned, no
untested Python on a page, a strict build without a single warning."""

import ast
import json
import re
import subprocess
import sys

import pytest

from tools import harness, markdown, site
from tools.project import PROJECT

SNIPPETS = harness.discover()
PYTHON_LANGS = {"python", "py", "python3", "py3", "pycon"}
GENERATED = re.compile(r"^(produced-by|measured-speed)(\.[a-z]+)?\.txt$")
ALL_PAGES = [page for code in PROJECT.codes for page in PROJECT.pages(code)]


def test_every_snippet_is_shown_on_a_page():
    missing = [s.display for s in SNIPPETS if not harness.pages_showing(s.rel)]
    assert not missing, (
        "These snippets are not shown on any page; include them with "
        '--8<-- "<chapter>/<file>.py" or delete them:\n  ' + "\n  ".join(missing)
    )


def test_every_file_under_snippets_belongs_to_a_snippet():
    problems = []
    for path in sorted(PROJECT.snippets.rglob("*")):
        if path.is_dir() or "__pycache__" in path.parts:
            continue
        if path.parent.name == "figures":  # figure modules and their files: tests/test_figures.py
            continue
        name, rel = path.name, PROJECT.rel(path)
        if path.suffix == ".py":
            if not harness.SNIPPET_NAME.match(name):
                problems.append(f"{rel}: snippet names look like NN_what_it_shows.py")
        elif name.endswith(".out"):
            module = path.with_name(name.split(".")[0] + ".py")
            if not module.exists():
                problems.append(f"{rel}: output file without its snippet {PROJECT.rel(module)}; "
                                "delete the output or restore the snippet")
        elif not GENERATED.match(name):
            problems.append(f"{rel}: unexpected file in snippets/")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("page", ALL_PAGES, ids=PROJECT.rel)
def test_every_include_is_followed_by_its_output(page):
    """A code include is followed by its output include, so a reader sees both."""
    targets = markdown.includes(markdown.read(page))
    problems = []
    for i, target in enumerate(targets):
        module = markdown.include_file(target)
        if not module.endswith(".py"):
            continue
        stem = module[: -len(".py")]
        following = markdown.include_file(targets[i + 1]) if i + 1 < len(targets) else ""
        if (following.startswith(stem + ".") and following.endswith(".out")) or following == module:
            continue  # its output, or the next part of the same module first
        problems.append(f"{PROJECT.rel(page)}: {target} is not followed by {stem}.out")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("page", ALL_PAGES, ids=PROJECT.rel)
def test_a_part_of_a_program_comes_with_the_whole_program_folded(page):
    """A page may show only the new part of a program (`file.py:name`); the whole file, which runs
    on its own and prints the output shown, follows in a collapsed block before that output, so
    the block a reader copies is one that runs."""
    text = markdown.read(page)
    problems = []
    for m in markdown.INCLUDE.finditer(text):
        module = markdown.include_file(m["target"])
        if m["target"] == module or not module.endswith(".py"):
            continue
        until_output = text[m.end():].split(f'"{module[:-len(".py")]}.out"')[0]
        whole = re.search(rf'^\?\?\? .*\n(?:[ \t]*\n|[ \t]+.*\n)*?[ \t]+--8<--\s+"{re.escape(module)}"\s*$',
                          until_output, re.MULTILINE)
        if not whole:
            problems.append(f"{PROJECT.rel(page)}: shows {m['target']} but not the whole {module} in a "
                            f"collapsed block (??? note) before its output")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("chapter", PROJECT.chapters)
def test_chapter_page_ends_with_provenance(chapter):
    for language in PROJECT.codes:
        page = PROJECT.page(chapter, language)
        if not page.exists():
            continue
        targets = markdown.includes(markdown.read(page))
        assert targets and targets[-1].startswith(f"{chapter}/produced-by"), (
            f"{PROJECT.rel(page)} must end with the generated line naming what produced its outputs:\n"
            f'!!! info "..."\n    --8<-- "{chapter}/produced-by.txt"'
        )


@pytest.mark.parametrize("path", [PROJECT.root / "README.md", *sorted(PROJECT.docs.rglob("*.md"))],
                         ids=PROJECT.rel)
def test_python_fences_are_included_or_executed(path):
    """Python on a page comes from a snippet include, or is run by pytest-codeblocks
    (info string exactly `python`); anything else would be untested code."""
    problems = []
    for fence in markdown.fences(markdown.read(path)):
        language = fence.info.split()[0].lstrip(".{") if fence.info else ""
        if language not in PYTHON_LANGS or fence.info == "python":
            continue
        content = [b for b in fence.body if b.strip()]
        if content and all(markdown.INCLUDE.match(b) for b in content):
            continue
        problems.append(
            f"{PROJECT.rel(path)}:{fence.line}: a ```{fence.info} block with inline code. Move the code "
            "into a snippet module and include it, or use ```python so pytest-codeblocks runs it."
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
    random = re.search(r"\b(rand\w*|normal_|uniform_|nn\.(Linear|Dropout|Sequential|Embedding))\b",
                       snippet.source)
    if random:
        assert "manual_seed" in snippet.source, (
            f"{snippet.display} uses randomness ({random.group(0)}) without torch.manual_seed; "
            "seed it so its output is reproducible"
        )


def test_strict_build_prints_no_warning(strict_build):
    assert strict_build.ok, "the strict build printed warnings:\n" + "\n".join(strict_build.warnings)
    for language in PROJECT.translations:
        assert (strict_build.site_dir / language / "index.html").exists(), f"no /{language}/ home page"


@pytest.fixture(scope="module")
def broken_build(tmp_path_factory) -> site.Build:
    """One strict build of a copy with two faults: a link to a missing page on a Hindi page, and
    a formula KaTeX cannot typeset on that page and in a Hindi notebook's markdown cell."""
    copy = PROJECT.copy_to(tmp_path_factory.mktemp("src"))
    page = copy.page("tensors", "hi")
    page.write_text(page.read_text(encoding="utf-8") + "\n[broken](no-such-page.md)\n\n"
                    "टूटा सूत्र: $\\frac{1}{2$\n", encoding="utf-8")
    notebook = copy.notebook("autograd", "hi")
    content = json.loads(notebook.read_text(encoding="utf-8"))
    cell = next(c for c in content["cells"] if c["cell_type"] == "markdown")
    cell["source"] = "".join(cell["source"]) + "\n\nटूटा: $\\notamacro{x}$\n"
    notebook.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    return site.build(tmp_path_factory.mktemp("site"), copy, deployed=False)


def test_a_warning_fails_the_strict_build_naming_the_page(broken_build):
    built = broken_build
    assert built.returncode != 0 and not built.ok, "a link to a missing page should fail the strict build"
    assert any("tensors.hi.md" in w and "no-such-page.md" in w for w in built.warnings), built.output[-2000:]


def test_a_formula_that_does_not_render_fails_the_strict_build_naming_it(broken_build):
    """hooks/math.py: the build fails and says which page and which formula."""
    built = broken_build
    assert built.returncode != 0, "a formula KaTeX cannot typeset should fail the strict build"
    faults = [("tensors.hi.md", "\\frac{1}{2"), ("notebooks/autograd.hi.ipynb", "\\notamacro{x}")]
    for where, formula in faults:
        assert any(where in w and f'"{formula}"' in w for w in built.warnings), (
            f"the build output should name {where} and the formula {formula}:\n{built.output[-3000:]}")


@pytest.mark.parametrize("language", PROJECT.codes)
def test_unresolved_include_fails_the_build_naming_the_file(site_copy, tmp_path, language):
    """A page (of any language) that includes a missing snippet fails the strict build."""
    page = site_copy.page("tensors", language)
    page.write_text(page.read_text(encoding="utf-8") + '\n```py\n--8<-- "tensors/99_missing.py"\n```\n',
                    encoding="utf-8")
    built = site.build(tmp_path / "site", site_copy, deployed=False)
    assert built.returncode != 0, "a missing include should fail the strict build"
    assert "99_missing.py" in built.output, built.output[-2000:]


def test_malformed_notebook_fails_the_build_naming_the_file(site_copy, tmp_path):
    notebook = site_copy.notebook("tensors", "hi")
    notebook.write_text('{"cells": [\n  {"cell_type": "code",\n', encoding="utf-8")
    built = site.build(tmp_path / "site", site_copy, deployed=False)
    assert built.returncode != 0
    assert "docs/notebooks/tensors.hi.ipynb: not a valid notebook (JSON error at line 3" in built.output, (
        built.output[-2000:])
    assert "python -m tools notebooks" in built.output


def test_ruff_is_clean():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "snippets", "tests", "tools", "hooks"],
        cwd=PROJECT.root, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, f"ruff found problems (ruff check --fix may help):\n{result.stdout}"


def test_no_built_page_shows_an_output_that_was_not_captured_or_measured(built_site):
    """A reader sees outputs, never a promise of one: a CUDA output not captured yet has no tab
    (hooks/gpu_outputs.py), and the speed figure has no bar or note for a device not measured."""
    promises = re.compile(r"not (?:been )?captured|not measured|मापा नहीं गया|सहेजा नहीं गया", re.IGNORECASE)
    found = [f"{page.relative_to(built_site)}: {m.group(0)!r}"
             for page in sorted(built_site.rglob("*.html"))
             for m in promises.finditer(page.read_text(encoding="utf-8"))]
    assert not found, "\n".join(found)


def test_every_speed_mechanism_can_still_be_switched_off_for_the_benchmark(site_copy):
    """`python -m tools bench mechanisms` audits the site without each mechanism: the text each
    switch-off edits must still be where tools/lighthouse.py looks for it."""
    from mkdocs.config import load_config

    from tools import lighthouse

    for n, mechanism in enumerate(lighthouse.MECHANISMS):
        copy = site_copy.copy_to(site_copy.root.parent / f"off-{n}", caches=False)
        mechanism.switch_off(copy)  # exits naming the mechanism when its text has moved
        for file, old, _new in mechanism.edits:
            path = copy.root / file
            assert not path.exists() if old is None else old not in path.read_text(encoding="utf-8"), (
                f"{mechanism.name}: {file} still holds it after switching it off")
        load_config(str(copy.root / "mkdocs.yml"))  # the copy still builds: its configuration is valid
