"""The benchmark figures of the course: printed, never asserted (`python -m tools bench ...`).

- harness: the cost of `import torch` in a fresh interpreter, the snippets' own run time (each
  run once in a warm process), the wall time of the snippet tests and its ratio to one import +
  the snippets' own time (target: at most 1.5);
- build: the strict build time with and without the notebook pages, and the size of a notebook
  page against its chapter page;
- devices: CPU against GPU speed (tools/device_speed.py);
- lighthouse: Lighthouse on every page of the built site, mobile preset (tools/lighthouse.py);
- mechanisms: each speed mechanism's pages audited with and without it (tools/lighthouse.py).
"""

from __future__ import annotations

import json
import os
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


def import_time(module: str, repeat: int = 3) -> float:
    """Median over fresh interpreters, less the interpreter's own start-up."""
    bare = statistics.median(timed([PYTHON, "-c", "pass"]) for _ in range(repeat))
    full = statistics.median(timed([PYTHON, "-c", f"import {module}"]) for _ in range(repeat))
    return full - bare


def snippets_own_time() -> tuple[float, int, dict[str, float]]:
    """Each snippet run once in this process after torch is imported (warm): the total, the
    count, and the CPU time of each chapter's snippets (a chapter's budget is set in CPU time)."""
    import torch  # noqa: F401 - paid before timing, as the harness pays it once

    found = harness.discover()
    for snippet in found[:1]:
        snippet.run()  # warm-up of lazy initialisation inside torch
    per_chapter: dict[str, float] = {}
    start = time.perf_counter()
    for snippet in found:
        cpu = time.process_time()
        snippet.run()
        per_chapter[snippet.chapter] = per_chapter.get(snippet.chapter, 0.0) + time.process_time() - cpu
    return time.perf_counter() - start, len(found), per_chapter


def harness_wall_time() -> float:
    return timed([PYTHON, "-m", "pytest", "tests/test_snippets.py", "-q", "-p", "no:cacheprovider",
                  "-p", "no:codeblocks", "-o", "addopts="])


def without_notebooks(project: Project, target: Path, caches: bool = True) -> Project:
    """A copy of the site sources with the notebook pages left out."""
    copy = project.copy_to(target, caches)
    shutil.rmtree(copy.notebooks, ignore_errors=True)
    config = (copy.root / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\n  - Notebooks:\n(?:      - .*\n)+", "\n", config)
    (copy.root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return copy


def snippets_own_time_on_cpu() -> tuple[float, int, dict[str, float]]:
    """snippets_own_time in a process that sees no CUDA device, as the tests run the snippets
    (this one may go on to measure the GPU)."""
    code = "import json; from tools import bench; print(json.dumps(bench.snippets_own_time()))"
    done = subprocess.run([PYTHON, "-c", code], cwd=PROJECT.root, check=True, capture_output=True, text=True,
                          env={**os.environ, "CUDA_VISIBLE_DEVICES": ""})
    return tuple(json.loads(done.stdout.splitlines()[-1]))


def harness_figures() -> None:
    print("== Snippet harness ==")
    import_s = import_time("torch")
    plotting_s = import_time("matplotlib.pyplot")
    own_s, count, per_chapter = snippets_own_time_on_cpu()
    wall_s = harness_wall_time()
    ratio = wall_s / (import_s + plotting_s + own_s)
    print(f"snippets:                        {count}")
    print(f"import torch (fresh process):    {import_s:6.2f} s")
    print(f"import matplotlib.pyplot:        {plotting_s:6.2f} s   (figures; not the snippet tests)")
    print(f"snippets' own run time (warm):   {own_s:6.2f} s")
    for chapter, cpu_s in per_chapter.items():
        print(f"  {chapter + ' (CPU time):':<31}{cpu_s:6.2f} s")
    print(f"snippet tests, wall time:        {wall_s:6.2f} s")
    verdict = "met" if ratio <= 1.2 else "NOT met"
    print(f"ratio wall / (imports + own):    {ratio:6.2f}   (target <= 1.2: {verdict})")


def build_figures() -> None:
    print("== Site build (mkdocs build --strict, every language; median of 3) ==")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        plain = without_notebooks(PROJECT, tmp / "plain-src")
        for warm_up in (PROJECT, plain):  # fill the content-keyed caches in .cache/
            site.build(tmp / "warm-up", warm_up, deployed=False)
        runs = {  # cold: a fresh copy each time, as a fresh clone builds
            "with notebook pages, warm": lambda n: site.build(tmp / f"site{n}", deployed=False),
            "without notebook pages, warm": lambda n: site.build(tmp / f"plain{n}", plain, deployed=False),
            "with notebook pages, cold": lambda n: site.build(
                tmp / f"cold{n}", PROJECT.copy_to(tmp / f"cold-src{n}", caches=False), deployed=False),
            "without notebook pages, cold": lambda n: site.build(
                tmp / f"cold-plain{n}", without_notebooks(PROJECT, tmp / f"cold-plain-src{n}", caches=False),
                deployed=False),
        }
        seconds = {}
        for name, build in runs.items():
            builds = [build(n) for n in range(3)]
            if not all(b.ok for b in builds):
                print(f"the strict build failed:\n{next(b for b in builds if not b.ok).output}")
                return
            seconds[name] = statistics.median(b.seconds for b in builds)
            print(f"{name + ':':<34}{seconds[name]:6.2f} s")
        for cache in ("warm", "cold"):
            ratio = seconds[f"with notebook pages, {cache}"] / seconds[f"without notebook pages, {cache}"]
            print(f"ratio with / without, {cache + ':':<11}{ratio:6.2f}   (target <= 1.3)")
        rows = []
        for notebook in sorted((tmp / "site0" / "notebooks").glob("*/index.html")):
            page = tmp / "site0" / notebook.parent.name / "index.html"
            rows.append((notebook.parent.name, page.stat().st_size, notebook.stat().st_size))
        if rows:
            print("\n== Notebook page against its chapter page (HTML bytes, default language) ==")
            print(f"{'chapter':<16}{'chapter page':>14}{'notebook page':>15}{'ratio':>8}")
            for chapter, page, notebook in rows:
                print(f"{chapter:<16}{page:>14,}{notebook:>15,}{notebook / page:>8.2f}")


def serve_figures() -> None:
    """Seconds from a one-line edit to the served page showing it, in `mkdocs serve`."""
    print("== mkdocs serve: a one-line edit until the page shows it (target <= 3 s) ==")
    with tempfile.TemporaryDirectory() as tmp:
        copy = PROJECT.copy_to(Path(tmp) / "src")
        edits = [("docs/autograd.md", "autograd/"), ("docs/autograd.hi.md", "hi/autograd/"),
                 ("snippets/autograd/01_chain_rule.out", "autograd/")]
        with site.preview(copy, Path(tmp) / "serve.log") as base:
            if site.wait_for(base + "autograd/", "autograd", 180) is None:
                print("mkdocs serve did not start within 180 s")
                return
            time.sleep(2)  # the first build's own reload settles
            for n, (file, page) in enumerate(edits):
                marker = f"RELOAD-MARKER-{n}"
                path = copy.root / file
                path.write_text(path.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
                seconds = site.wait_for(base + page, marker, 60)
                shown = f"{seconds:6.2f} s" if seconds is not None else "not within 60 s"
                print(f"edit {file:<38} {shown}")
                time.sleep(1)


def device_figures() -> None:
    from tools import device_speed

    print("== CPU / GPU speed (tools/device_speed.py; `python -m tools bench devices --write` "
          "writes the page's file) ==")
    device_speed.main(print_only=True)


def lighthouse_figures(site_dir: Path | None = None, pages: list[str] | None = None, runs: int = 3) -> int:
    from tools import lighthouse

    print("== Lighthouse, mobile preset, every page served gzip-compressed (tools/lighthouse.py) ==")
    return lighthouse.main(pages, site_dir, runs)


def run(what: str) -> None:
    parts = {"harness": harness_figures, "build": build_figures, "serve": serve_figures,
             "devices": device_figures, "lighthouse": lighthouse_figures}
    chosen = {"all": list(parts), "quick": ["harness", "build", "serve"]}.get(what, [what])
    for n, name in enumerate(chosen):
        if n:
            print()
        parts[name]()
