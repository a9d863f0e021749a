"""The benchmark figures of the course: printed, never asserted (`python -m tools bench ...`).

- harness: the cost of `import torch` in a fresh interpreter, the snippets' own run time (each
  run once in a warm process), the wall time of the snippet tests and its ratio to one import +
  the snippets' own time (target: at most 1.5);
- build: the strict build time with and without the notebook pages, and the size of a notebook
  page against its chapter page;
- devices: CPU against GPU speed (tools/device_speed.py);
- weight: each page's weight on a cold load in Chromium (tools/page_weight.py).
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tools import harness, site
from tools.project import PROJECT, Project

PYTHON = sys.executable


def timed(command: list[str], cwd: Path = PROJECT.root) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def torch_import_time(repeat: int = 3) -> float:
    """Median over fresh interpreters, less the interpreter's own start-up."""
    bare = statistics.median(timed([PYTHON, "-c", "pass"]) for _ in range(repeat))
    full = statistics.median(timed([PYTHON, "-c", "import torch"]) for _ in range(repeat))
    return full - bare


def snippets_own_time() -> tuple[float, int]:
    """Each snippet run once in this process after torch is imported (warm)."""
    import torch  # noqa: F401 - paid before timing, as the harness pays it once

    found = harness.discover()
    for snippet in found[:1]:
        snippet.run()  # warm-up of lazy initialisation inside torch
    start = time.perf_counter()
    for snippet in found:
        snippet.run()
    return time.perf_counter() - start, len(found)


def harness_wall_time() -> float:
    return timed([PYTHON, "-m", "pytest", "tests/test_snippets.py", "-q", "-p", "no:cacheprovider",
                  "-p", "no:codeblocks", "-o", "addopts="])


def without_notebooks(project: Project, target: Path) -> Project:
    """A copy of the site sources with the notebook pages left out."""
    copy = project.copy_to(target)
    shutil.rmtree(copy.notebooks, ignore_errors=True)
    config = (copy.root / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\n  - Notebooks:\n(?:      - .*\n)+", "\n", config)
    (copy.root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return copy


def harness_figures() -> None:
    print("== Snippet harness ==")
    import_s = torch_import_time()
    own_s, count = snippets_own_time()
    wall_s = harness_wall_time()
    ratio = wall_s / (import_s + own_s)
    print(f"snippets:                        {count}")
    print(f"import torch (fresh process):    {import_s:6.2f} s")
    print(f"snippets' own run time (warm):   {own_s:6.2f} s")
    print(f"snippet tests, wall time:        {wall_s:6.2f} s")
    verdict = "met" if ratio <= 1.5 else "NOT met"
    print(f"ratio wall / (import + own):     {ratio:6.2f}   (target <= 1.5: {verdict})")


def build_figures() -> None:
    print("== Site build (mkdocs build --strict, every language) ==")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        with_nb = site.build(tmp / "site", deployed=False)
        without_nb = site.build(tmp / "site-plain", without_notebooks(PROJECT, tmp / "src"), deployed=False)
        for built in (with_nb, without_nb):
            if not built.ok:
                print(f"the strict build failed:\n{built.output}")
                return
        print(f"with notebook pages:             {with_nb.seconds:6.2f} s")
        print(f"without notebook pages:          {without_nb.seconds:6.2f} s")
        print(f"ratio:                           {with_nb.seconds / without_nb.seconds:6.2f}")
        rows = []
        for notebook in sorted((tmp / "site" / "notebooks").glob("*/index.html")):
            page = tmp / "site" / notebook.parent.name / "index.html"
            rows.append((notebook.parent.name, page.stat().st_size, notebook.stat().st_size))
        if rows:
            print("\n== Notebook page against its chapter page (HTML bytes, default language) ==")
            print(f"{'chapter':<16}{'chapter page':>14}{'notebook page':>15}{'ratio':>8}")
            for chapter, page, notebook in rows:
                print(f"{chapter:<16}{page:>14,}{notebook:>15,}{notebook / page:>8.2f}")


def device_figures() -> None:
    from tools import device_speed

    print("== CPU / GPU speed (tools/device_speed.py; `python -m tools bench devices --write` "
          "writes the page's file) ==")
    device_speed.main(print_only=True)


def weight_figures(site_dir: Path | None = None) -> None:
    from tools import page_weight

    print("== Page weight in Chromium, cold load (tools/page_weight.py) ==")
    page_weight.main(site_dir)


def run(what: str) -> None:
    parts = {"harness": harness_figures, "build": build_figures, "devices": device_figures,
             "weight": weight_figures}
    chosen = {"all": list(parts), "quick": ["harness", "build"]}.get(what, [what])
    for n, name in enumerate(chosen):
        if n:
            print()
        parts[name]()
