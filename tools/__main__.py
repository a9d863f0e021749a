"""The one command line for every author task: `python -m tools <command>`; `--help` lists them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tools.project import PROJECT


def refresh(args) -> int:
    from tools import harness, runner

    runner.hide_cuda()  # the CPU lane: before torch asks CUDA for devices
    chosen = harness.select(harness.discover(), args.k)
    if not chosen:
        print(f"no snippet id contains {args.k!r}")
        return 1
    failed = 0
    for snippet in chosen:
        outcome = harness.check(snippet, refresh=True)
        if outcome.problem:
            failed += 1
            print(f"FAILED {snippet.id}\n{outcome.problem}")
        for path in outcome.written:
            print(f"wrote {PROJECT.rel(path)}")
    failed += _refresh_figures({snippet.chapter for snippet in chosen})
    failures = f", {failed} failed" if failed else ""
    print(f"{len(chosen) - failed} of {len(chosen)} snippets refreshed{failures}")
    return 1 if failed else 0


def _refresh_figures(chapters: set[str]) -> int:
    """Redraw the figures of these chapters whose values or module changed; the number that failed."""
    from tools import figures

    failed = 0
    for figure in figures.discover():
        if figure.chapter not in chapters:
            continue
        try:
            written = figures.refresh(figure)
        except Exception as exc:  # noqa: BLE001 - a broken figure module is reported like a snippet
            failed += 1
            print(f"FAILED figure {figure.id} ({figure.display}): {type(exc).__name__}: {exc}")
            continue
        for path in written:
            print(f"wrote {PROJECT.rel(path)}")
    return failed


def figures(args) -> int:
    from tools import figures as drawing
    from tools import runner

    runner.hide_cuda()  # figures are drawn from CPU runs
    chosen = [f for f in drawing.discover() if (args.k or "") in f.id]
    if args.check:
        found = [p for f in chosen for p in drawing.problems(f)]
        print("\n\n".join(found) or f"{len(chosen)} figures are up to date")
        return 1 if found else 0
    for figure in chosen:
        for path in drawing.refresh(figure):
            print(f"wrote {PROJECT.rel(path)} ({path.stat().st_size:,} bytes)")
    return 0


def status(_args) -> int:
    from tools import exercises, i18n, prose_numbers

    print(i18n.status_table(extra={**exercises.counts(), **prose_numbers.summary()}))
    return 0


def mark_current(args) -> int:
    from tools import i18n

    for name in args.pages:
        page = Path(name).resolve()
        digest = i18n.mark_current(page)
        print(f"{PROJECT.rel(page)}: marked current (source_hash {digest})")
    return 0


def notebooks(args) -> int:
    from tools import notebooks as nb

    if args.check:
        problems = nb.stale()
        print("\n".join(problems) or "notebooks are up to date")
        return 1 if problems else 0
    for path in nb.write_all():
        print(f"wrote {PROJECT.rel(path)}")
    return 0


def bench(args) -> int:
    if args.what == "devices" and (args.write or args.force):
        from tools import device_speed

        device_speed.main(force=args.force)
        return 0
    from tools import bench as benchmark

    if args.what == "lighthouse":
        return benchmark.lighthouse_figures(Path(args.site) if args.site else None, args.pages or None,
                                            args.runs)
    if args.what == "mechanisms":
        from tools import lighthouse

        return lighthouse.mechanisms(args.runs, " ".join(args.pages) or None)
    benchmark.run(args.what)
    return 0


def drift(args) -> int:
    from tools import drift as drifting

    return drifting.main(args.k, args.report, notebooks=not args.no_notebooks)


def lock(args) -> int:
    from tools import lock as locking

    return locking.main(args.pip_compile)


def vendor(_args) -> int:
    from tools import vendor as vendoring

    vendoring.main()
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python -m tools", description=__doc__)
    commands = main.add_subparsers(dest="command", required=True, metavar="command")
    p = commands.add_parser("refresh",
                            help="rewrite snippet outputs from a run; redraw their chapters' figures")
    p.add_argument("-k", help="only snippets whose id (chapter/NN_name) contains this text")
    p.set_defaults(func=refresh)
    p = commands.add_parser("figures", help="redraw the figures whose values or drawing changed")
    p.add_argument("-k", help='only figures whose id (chapter/name) contains this text')
    p.add_argument("--check", action="store_true", help="only report figures that are out of date")
    p.set_defaults(func=figures)
    commands.add_parser("status", help="words, translation state, exercises and bound prose numbers of "
                        "every page").set_defaults(func=status)
    p = commands.add_parser("mark-current", help="record translated pages as up to date")
    p.add_argument("pages", nargs="+", help="e.g. docs/autograd.hi.md")
    p.set_defaults(func=mark_current)
    p = commands.add_parser("notebooks", help="generate docs/notebooks/*.ipynb from the pages")
    p.add_argument("--check", action="store_true", help="only report notebooks that are out of date")
    p.set_defaults(func=notebooks)
    p = commands.add_parser("bench", help="print benchmark figures")
    p.add_argument("what", nargs="?", default="all",
                   choices=["all", "quick", "harness", "build", "serve", "devices", "lighthouse",
                            "mechanisms"])
    p.add_argument("pages", nargs="*", help="lighthouse: only these pages (e.g. hi/autograd/); "
                   "mechanisms: only the mechanism whose name contains this text")
    p.add_argument("--runs", type=int, default=3,
                   help="lighthouse, mechanisms: runs per page; the median by performance is kept")
    p.add_argument("--site", help="lighthouse: audit this built site instead of a fresh build")
    p.add_argument("--write", action="store_true",
                   help="devices: write snippets/gpu-training/measured-speed.txt, which the page shows")
    p.add_argument("--force", action="store_true",
                   help="devices: overwrite stored CUDA figures from a machine without a GPU")
    p.set_defaults(func=bench)
    p = commands.add_parser("drift", help="check every snippet, figure and notebook against the installed "
                            "PyTorch; report agrees, drifted or crashed (writes nothing)")
    p.add_argument("-k", help="only snippets, figures and notebooks whose id contains this text")
    p.add_argument("--report", help="also write the report (Markdown) to this file")
    p.add_argument("--no-notebooks", action="store_true", help="skip executing the notebooks")
    p.set_defaults(func=drift)
    p = commands.add_parser("lock", help="pin requirements.in and everything it needs in requirements.txt "
                            "(pip-tools)")
    p.add_argument("pip_compile", nargs=argparse.REMAINDER,
                   help="more pip-compile options, e.g. --upgrade-package ruff")
    p.set_defaults(func=lock)
    commands.add_parser("vendor", help="re-vendor KaTeX and axe-core (needs npm and network)").set_defaults(
        func=vendor)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
