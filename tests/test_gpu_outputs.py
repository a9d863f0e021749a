"""Outputs that depend on the device: a page shows the CUDA output of a snippet in a tab beside
the CPU's only once it has been captured on a CUDA machine (`NN_name.cuda.out` exists), without
any edit to the page; until then the CPU output stands alone, on the site (hooks/gpu_outputs.py)
and in the notebooks. A CUDA output that exists was captured there (tools/gpu_lane.sh). These
tests need no GPU; tests/test_gpu.py checks the CUDA outputs themselves on a CUDA machine."""

import importlib.util
import re

import pytest

from tools import harness, markdown
from tools import notebooks as nb
from tools.project import PROJECT

PAGE = '''# A page

```py title="snippets/ch/01_run.py"
--8<-- "ch/01_run.py"
```

=== "CPU"

    ```text title="Output"
    --8<-- "ch/01_run.out"
    ```

=== "CUDA"

    ```text title="Output"
    --8<-- "ch/01_run.cuda.out"
    ```

Text after the output.

!!! info "How these outputs were made"
    --8<-- "ch/produced-by.txt"

    --8<-- "ch/produced-by.cuda.txt"
'''
CUDA_TAB = re.compile(r'^=== "CUDA"$', re.MULTILINE)


@pytest.fixture(scope="module")
def hook():
    """hooks/gpu_outputs.py, loaded as MkDocs loads a hook: from its file."""
    spec = importlib.util.spec_from_file_location("gpu_outputs", PROJECT.root / "hooks" / "gpu_outputs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def snippets_with(tmp_path, *names):
    base = tmp_path / "snippets"
    (base / "ch").mkdir(parents=True)
    for name in ("01_run.out", "produced-by.txt", *names):
        (base / "ch" / name).write_text("printed\n", encoding="utf-8")
    return base


def test_a_captured_cuda_output_gets_its_tab(hook, tmp_path):
    base = snippets_with(tmp_path, "01_run.cuda.out", "produced-by.cuda.txt")
    assert hook.without_uncaptured(PAGE, base) == PAGE


def test_without_the_cuda_output_the_cpu_output_stands_alone(hook, tmp_path):
    shown = hook.without_uncaptured(PAGE, snippets_with(tmp_path))
    assert '=== "' not in shown and "cuda" not in shown, shown
    assert '\n\n```text title="Output"\n--8<-- "ch/01_run.out"\n```\n\nText after the output.' in shown, shown
    assert shown.endswith('!!! info "How these outputs were made"\n    --8<-- "ch/produced-by.txt"\n'), shown


def test_the_hook_reads_the_snippets_folder_from_the_configuration(hook, tmp_path):
    base = snippets_with(tmp_path, "01_run.cuda.out", "produced-by.cuda.txt")
    config = {"mdx_configs": {"pymdownx.snippets": {"base_path": str(base)}},
              "config_file_path": str(tmp_path / "mkdocs.yml")}
    assert hook.on_page_markdown(PAGE, None, config, None) == PAGE
    (base / "ch" / "01_run.cuda.out").unlink()
    assert not CUDA_TAB.search(hook.on_page_markdown(PAGE, None, config, None))


def test_any_other_missing_include_is_left_for_the_build_to_fail_on(hook, tmp_path):
    """Only a device's output or provenance may be missing; a missing CPU output or snippet stays
    in the page, so the strict build fails naming it."""
    base = snippets_with(tmp_path, "01_run.cuda.out", "produced-by.cuda.txt")
    (base / "ch" / "01_run.out").unlink()
    assert hook.without_uncaptured(PAGE, base) == PAGE


DEVICE_PAGES = [page for code in PROJECT.codes for page in PROJECT.pages(code)
                if any(harness.DEVICE_FILE.search(markdown.include_file(t))
                       for t in markdown.includes(markdown.read(page)))]


@pytest.mark.parametrize("page", DEVICE_PAGES, ids=PROJECT.rel)
def test_the_site_shows_a_cuda_tab_exactly_when_the_output_was_captured(hook, page):
    shown = hook.without_uncaptured(markdown.read(page), PROJECT.snippets)
    for target in map(markdown.include_file, markdown.includes(markdown.read(page))):
        if harness.DEVICE_FILE.search(target):
            captured = (PROJECT.snippets / target).exists()
            assert (f'"{target}"' in shown) == captured, (
                f"{PROJECT.rel(page)}: {target} is {'' if captured else 'not '}captured but the "
                f"page as built {'lacks' if captured else 'still shows'} it")


def test_the_notebook_shows_a_cuda_output_exactly_when_it_was_captured(tmp_path):
    copy = PROJECT.copy_to(tmp_path / "src", caches=False)
    snippet = harness.device_dependent(copy)[0]
    page = copy.page(snippet.chapter, copy.default_language)
    cuda_out = snippet.output_path("cuda")
    cuda_out.unlink(missing_ok=True)
    tab = "**CUDA**\n\n```text\n"  # how a notebook shows a tab after the first, as text
    text = "\n".join(c.source for c in nb.build(page, copy).cells)
    assert tab not in text, f"{copy.rel(page)}: a CUDA output that was not captured is shown"
    cuda_out.write_text("printed on a GPU\n", encoding="utf-8")
    text = "\n".join(c.source for c in nb.build(page, copy).cells)
    assert f"{tab}printed on a GPU\n```" in text, copy.rel(page)


def test_every_cuda_output_was_captured_on_a_cuda_machine():
    """A CUDA output file belongs to a snippet a page shows in a CUDA tab, and its chapter's
    provenance line names the CUDA device that printed it; a provenance line for CUDA exists
    only beside captured outputs. Capture them only with tools/gpu_lane.sh."""
    shown = {s.output_path("cuda") for s in harness.device_dependent()}
    problems = []
    for path in sorted(PROJECT.snippets.glob("*/*.cuda.out")):
        if path not in shown:
            problems.append(f"{PROJECT.rel(path)}: no page shows it in a CUDA tab")
        provenance = harness.provenance_path(path.parent.name, "cuda")
        if not provenance.exists() or not provenance.read_text(encoding="utf-8").startswith("PyTorch "):
            problems.append(f"{PROJECT.rel(path)}: {PROJECT.rel(provenance)} does not say what printed it")
        elif "· CUDA on " not in provenance.read_text(encoding="utf-8"):
            problems.append(f"{PROJECT.rel(path)}: {PROJECT.rel(provenance)} names no CUDA device")
    for provenance in sorted(PROJECT.snippets.glob("*/produced-by.cuda.txt")):
        if not any(provenance.parent.glob("*.cuda.out")):
            problems.append(f"{PROJECT.rel(provenance)}: no CUDA output beside it")
    assert not problems, "\n".join(problems)
