"""Author tooling of the course site; `python -m tools --help` lists the commands."""

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE_SOURCES = ("docs", "snippets", "hooks", "overrides")


def copy_site(target: Path) -> Path:
    """A copy of everything the MkDocs build reads, to change without touching the
    repository: a test breaks it on purpose, the benchmark leaves pages out."""
    for name in SITE_SOURCES:
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target
