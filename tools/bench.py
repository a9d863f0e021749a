"""Benchmark figures of the course: prints them, asserts nothing.

    python -m tools bench            everything below
    python -m tools bench --quick    harness and build only

- the cost of `import torch` in a fresh interpreter;
- the snippets' own run time (each run once in a warm process);
- the wall time of the snippet tests, and its ratio to one import + the
  snippets' own time (target: at most 1.5);
- the strict build time of the site, with and without the notebook pages;
- the byte size of a notebook page against an ordinary chapter page;
- the CPU/GPU speed figures (tools.bench_devices) and the page weight in
  Chromium (tools.bench_weight), when those are available.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tools import copy_site
from tools import snippets as sn

ROOT = sn.ROOT
PYTHON = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def timed(command: list[str], cwd: Path = ROOT) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=ENV, check=True, capture_output=True)
    return time.perf_counter() - start


def torch_import_time(repeat: int = 3) -> float:
    """Median over fresh interpreters, less the interpreter's own start-up."""
    bare = statistics.median(timed([PYTHON, "-c", "pass"]) for _ in range(repeat))
    full = statistics.median(timed([PYTHON, "-c", "import torch"]) for _ in range(repeat))
    return full - bare


def snippets_own_time() -> tuple[float, int]:
    """Each snippet run once in this process after torch is imported (warm)."""
    import torch  # noqa: F401 - paid before timing, as the harness pays it once

    found = sn.discover()
    for snippet in found[:1]:
        sn.run(snippet)  # warm-up of lazy initialisation inside torch
    start = time.perf_counter()
    for snippet in found:
        sn.run(snippet)
    return time.perf_counter() - start, len(found)


def harness_wall_time() -> float:
    return timed([PYTHON, "-m", "pytest", "tests/test_snippets.py", "-q", "-p", "no:cacheprovider",
                  "-p", "no:codeblocks", "-o", "addopts="])


def build(config_root: Path, site: Path) -> float:
    return timed([PYTHON, "-m", "mkdocs", "build", "--strict", "--clean", "--quiet",
                  "--config-file", str(config_root / "mkdocs.yml"), "--site-dir", str(site)])


def site_without_notebooks(target: Path) -> Path:
    """A copy of the site sources with the notebook pages left out."""
    copy_site(target)
    shutil.rmtree(target / "docs" / "notebooks", ignore_errors=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\n  - Notebooks:\n(?:      - .*\n)+", "\n", config)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


def page_bytes(site: Path) -> list[tuple[str, int, int]]:
    """(chapter, chapter page HTML bytes, notebook page HTML bytes), English."""
    rows = []
    for notebook in sorted((site / "notebooks").glob("*/index.html")):
        chapter = notebook.parent.name
        page = site / chapter / "index.html"
        rows.append((chapter, page.stat().st_size, notebook.stat().st_size))
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tools bench")
    parser.add_argument("--quick", action="store_true", help="harness and build figures only")
    args = parser.parse_args(argv)

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

    print("\n== Site build (mkdocs build --strict, both languages) ==")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        with_nb = build(ROOT, tmp / "site")
        without_nb = build(site_without_notebooks(tmp / "src"), tmp / "site-plain")
        print(f"with notebook pages:             {with_nb:6.2f} s")
        print(f"without notebook pages:          {without_nb:6.2f} s")
        rows = page_bytes(tmp / "site")
        if rows:
            print("\n== Notebook page against its chapter page (HTML bytes, English) ==")
            print(f"{'chapter':<16}{'chapter page':>14}{'notebook page':>15}{'ratio':>8}")
            for chapter, page, notebook in rows:
                flag = "" if notebook <= 2 * page else "  over 2x"
                print(f"{chapter:<16}{page:>14,}{notebook:>15,}{notebook / page:>8.2f}{flag}")

    if args.quick:
        return
    from tools import bench_devices, bench_weight

    print("\n== CPU / GPU speed (tools/bench_devices.py; the page's figures are written by")
    print("   `python -m tools.bench_devices` and then `python -m tools notebooks`) ==")
    bench_devices.main(["--print-only"])
    print("\n== Page weight in Chromium, cold load (tools/bench_weight.py) ==")
    bench_weight.main()


if __name__ == "__main__":
    main()
