"""Re-vendoring the front-end files the site and its tests use (KaTeX, axe-core), from npm.

Run from the repository root:  python -m tools vendor
It needs `npm` and network access to the registry; nothing else in the project
does. The results are committed, so building, serving and testing stay offline.
"""

import re
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from tools.project import ROOT

KATEX_VERSION = "0.16.47"
AXE_VERSION = "4.14.1"
KATEX_DIR = ROOT / "docs" / "assets" / "vendor" / "katex"
AXE_DIR = ROOT / "tests" / "vendor"


def npm_pack(spec: str, workdir: Path) -> Path:
    name = subprocess.run(
        ["npm", "pack", spec, "--silent"], cwd=workdir, check=True, capture_output=True, text=True
    ).stdout.strip().splitlines()[-1]
    unpacked = workdir / spec.split("@")[0]
    with tarfile.open(workdir / name) as tar:
        tar.extractall(unpacked, filter="data")
    return unpacked / "package"


def vendor_katex(workdir: Path) -> None:
    package = npm_pack(f"katex@{KATEX_VERSION}", workdir)
    shutil.rmtree(KATEX_DIR, ignore_errors=True)
    (KATEX_DIR / "fonts").mkdir(parents=True)
    # Every browser the site supports reads woff2, so only those fonts are kept
    # and the stylesheet stops naming the .woff and .ttf fallbacks.
    css = (package / "dist" / "katex.min.css").read_text()
    css = re.sub(r',url\(fonts/[^)]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)', "", css)
    (KATEX_DIR / "katex.min.css").write_text(css)
    # katex.min.js runs at build time (hooks/math.py), never in the reader's browser
    shutil.copy(package / "dist" / "katex.min.js", KATEX_DIR / "katex.min.js")
    for font in (package / "dist" / "fonts").glob("*.woff2"):
        shutil.copy(font, KATEX_DIR / "fonts" / font.name)
    shutil.copy(package / "LICENSE", KATEX_DIR / "LICENSE")


def vendor_axe(workdir: Path) -> None:
    package = npm_pack(f"axe-core@{AXE_VERSION}", workdir)
    AXE_DIR.mkdir(parents=True, exist_ok=True)
    shutil.copy(package / "axe.min.js", AXE_DIR / "axe.min.js")
    shutil.copy(package / "LICENSE", AXE_DIR / "axe-core.LICENSE")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        vendor_katex(Path(tmp))
        vendor_axe(Path(tmp))
    print(f"vendored KaTeX {KATEX_VERSION} into {KATEX_DIR.relative_to(ROOT)}")
    print(f"vendored axe-core {AXE_VERSION} into {AXE_DIR.relative_to(ROOT)}")
