"""Author tooling for the course site.

    python -m tools refresh [-k EXPR]       rewrite snippet outputs from a run
    python -m tools status                  translation state of every page
    python -m tools mark-current PAGE...    record a Hindi page as matching its English page
    python -m tools notebooks [--check]     generate the chapter notebooks from the pages
    python -m tools bench [--quick]         print the benchmark figures
"""

import argparse
import subprocess
import sys
from pathlib import Path

from tools import i18n
from tools.snippets import ROOT


def refresh(args) -> int:
    command = [sys.executable, "-m", "pytest", "tests/test_snippets.py", "--refresh-outputs",
               "-p", "no:cacheprovider", "-q"]
    if args.k:
        command += ["-k", args.k]
    return subprocess.call(command, cwd=ROOT)


def status(_args) -> int:
    print(i18n.status_table())
    return 0


def mark_current(args) -> int:
    for name in args.pages:
        page = Path(name).resolve()
        digest = i18n.mark_current(page)
        print(f"{i18n.rel(page)}: marked current (source_hash {digest})")
    return 0


def notebooks(args) -> int:
    from tools import notebooks as nb

    if args.check:
        problems = nb.stale()
        print("\n".join(problems) or "notebooks are up to date")
        return 1 if problems else 0
    for path in nb.write_all():
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


def bench(args) -> int:
    from tools import bench as benchmark

    benchmark.main(["--quick"] if args.quick else [])
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tools", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("refresh", help="rewrite snippet outputs from a run")
    p.add_argument("-k", help="only snippets matching this pytest -k expression")
    p.set_defaults(func=refresh)
    commands.add_parser("status", help="translation state of every page").set_defaults(func=status)
    p = commands.add_parser("mark-current", help="record Hindi pages as up to date")
    p.add_argument("pages", nargs="+", help="e.g. docs/autograd.hi.md")
    p.set_defaults(func=mark_current)
    p = commands.add_parser("notebooks", help="generate docs/notebooks/*.ipynb from the pages")
    p.add_argument("--check", action="store_true", help="only report notebooks that are out of date")
    p.set_defaults(func=notebooks)
    p = commands.add_parser("bench", help="print the benchmark figures")
    p.add_argument("--quick", action="store_true", help="harness and build figures only")
    p.set_defaults(func=bench)
    args = parser.parse_args()
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
