"""The dependency lock: requirements.in names the direct dependencies, requirements.txt pins them
and everything they need (what the README's commands install), written by pip-tools:

    python -m tools lock                          # after editing requirements.in
    python -m tools lock --upgrade-package ruff   # move one package (pip-compile's options pass on)

It resolves as pip installs, through pip's own settings: PyTorch from the CPU wheel that pip
finds (a wheel on disk on the project's machines; elsewhere set
PIP_EXTRA_INDEX_URL=https://download.pytorch.org/whl/cpu first), so the lock holds the CPU build's
dependencies and none of the CUDA build's. A pin keeps no local version label (`torch==2.13.0`,
not `+cpu`): the CPU wheel, PyPI's CUDA wheel and the macOS wheel all answer to it. No hashes:
those wheels have different ones. `problems()` is what tests/test_lock.py checks.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tools.project import PROJECT

SOURCE = PROJECT.root / "requirements.in"
LOCK = PROJECT.root / "requirements.txt"
COMMAND = "python -m tools lock"
OPTIONS = ["--strip-extras", "--no-emit-index-url", "--no-emit-find-links", "--no-allow-unsafe",
           "--quiet"]
PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[^\s;#]+)")
LOCAL_LABEL = re.compile(r"^(?P<pin>[A-Za-z0-9][A-Za-z0-9._-]*==[^\s+;#]+)\+[A-Za-z0-9.]+", re.MULTILINE)
# Distributions only PyTorch's CUDA builds need: a lock that names one resolved the CUDA wheel.
CUDA_ONLY = re.compile(r"^(nvidia-|cuda-|triton$|pytorch-triton)")
# Installed in every venv, never pinned by pip-compile (its "unsafe" packages).
PACKAGING_TOOLS = {"pip", "setuptools"}


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(text: str) -> dict[str, str]:
    """name -> version of every `name==version` line (names canonical)."""
    return {canonical(m["name"]): m["version"] for line in text.splitlines() if (m := PIN.match(line))}


def requirement_lines(text: str) -> list[str]:
    return [line.split("#", 1)[0].strip() for line in text.splitlines()
            if line.split("#", 1)[0].strip() and not line.startswith(" ")]


def public(version: str) -> str:
    """The version without its local label: 2.13.0+cpu -> 2.13.0."""
    return version.split("+", 1)[0]


def problems(source: str, lock: str) -> list[str]:
    """What makes `lock` not a lock of `source`, each with the fix."""
    found = []
    relock = f"write the lock again: {COMMAND}"
    locked = pins(lock)
    for line in requirement_lines(lock):
        if not PIN.match(line):
            found.append(f"requirements.txt: {line!r} is not pinned to one version (name==version)")
        elif "+" in line.split("==", 1)[1]:
            found.append(f"requirements.txt: {line!r} pins a local version label, which names one "
                         f"build of the package; {relock}")
    if "--hash" in lock:
        found.append("requirements.txt pins hashes: PyTorch's CPU and CUDA wheels share a version but "
                     f"not a hash; {relock}")
    cuda = sorted(name for name in locked if CUDA_ONLY.match(name))
    if cuda:
        found.append(f"requirements.txt pins {', '.join(cuda)}, which only PyTorch's CUDA build needs: "
                     "the lock was resolved against PyPI's CUDA wheel. Let pip find the CPU wheel "
                     "(PIP_EXTRA_INDEX_URL=https://download.pytorch.org/whl/cpu) and " + relock)
    for line in requirement_lines(source):
        m = PIN.match(line)
        if not m:
            found.append(f"requirements.in: {line!r} is not exact (name==version)")
        elif locked.get(canonical(m["name"])) != m["version"]:
            now = locked.get(canonical(m["name"]), "nothing")
            found.append(f"requirements.in asks for {line} but requirements.txt pins {now}; {relock}")
    return found


def unpinned_installed(lock: str, installed: dict[str, str]) -> list[str]:
    """Installed distributions (name -> version) that the lock does not pin at that version."""
    locked = pins(lock)
    return sorted(f"{name}=={version}" + (f" (the lock pins {locked[name]})" if name in locked else "")
                  for name, version in installed.items()
                  if name not in PACKAGING_TOOLS and locked.get(name) != public(version))


def installed_distributions() -> dict[str, str]:
    """name -> version of every distribution installed for this Python."""
    from importlib import metadata

    return {canonical(d.metadata["Name"]): d.version for d in metadata.distributions()}


def main(extra: list[str]) -> int:
    env = {**os.environ, "CUSTOM_COMPILE_COMMAND": COMMAND}
    command = [sys.executable, "-m", "piptools", "compile", *OPTIONS, *extra,
               "--output-file", LOCK.name, SOURCE.name]  # relative: the lock names its source
    if subprocess.run(command, cwd=PROJECT.root, env=env).returncode != 0:
        return 1
    text = LOCAL_LABEL.sub(r"\g<pin>", LOCK.read_text(encoding="utf-8"))
    Path(LOCK).write_text(text, encoding="utf-8")
    found = problems(SOURCE.read_text(encoding="utf-8"), text)
    print("\n".join(found) or f"wrote {PROJECT.rel(LOCK)}: {len(pins(text))} packages pinned")
    return 1 if found else 0
