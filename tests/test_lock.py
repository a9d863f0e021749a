"""The dependency lock (tools/lock.py): requirements.txt pins every package the README's commands
install, transitive ones included, as `python -m tools lock` writes it from requirements.in; and
the environment running these tests, made from it, holds nothing it does not pin."""

import re

import pytest

from tools import lock
from tools.project import PROJECT

SOURCE = lock.SOURCE.read_text(encoding="utf-8")
LOCKED = lock.LOCK.read_text(encoding="utf-8")
VIA = re.compile(r"^(?P<name>\S+)==\S+\n(?P<via>(?:    #.*\n)+)", re.MULTILINE)


def test_the_lock_pins_what_requirements_in_asks_and_nothing_loose():
    found = lock.problems(SOURCE, LOCKED)
    assert not found, "\n".join(found)


def test_the_lock_says_how_it_is_written():
    assert f"#    {lock.COMMAND}\n" in LOCKED, (
        f"requirements.txt should be written by `{lock.COMMAND}` (its header names the command)")


def only_for_requirements_in(source: str, lock_text: str) -> list[str]:
    """Pinned packages whose only reason (pip-compile's `# via`) is requirements.in, which no
    longer names them."""
    asked = {lock.canonical(line.split("==")[0]) for line in lock.requirement_lines(source)}
    return [m["name"] for m in VIA.finditer(lock_text)
            if re.sub(r"[#\s]|via", "", m["via"]) == "-rrequirements.in"
            and lock.canonical(m["name"]) not in asked]


def test_nothing_is_locked_for_a_dependency_requirements_in_dropped():
    stale = only_for_requirements_in(SOURCE, LOCKED)
    assert not stale, (f"requirements.txt pins {stale} for requirements.in, which no longer asks for "
                       f"them: write the lock again ({lock.COMMAND})")
    assert only_for_requirements_in("ruff==0.17.6\n", "fonttools==4.68.0\n    # via -r requirements.in\n"
                                    "ruff==0.17.6\n    # via -r requirements.in\n") == ["fonttools"]


def test_this_environment_holds_only_what_the_lock_pins():
    """What `pip install -r requirements.txt` made: every installed distribution pinned there, at
    that version (pip and setuptools come with every venv and are not pinned)."""
    extra = lock.unpinned_installed(LOCKED, lock.installed_distributions())
    assert not extra, (
        f"installed but not pinned in requirements.txt: {', '.join(extra)}.\n"
        f"A package the project needs goes into requirements.in, then `{lock.COMMAND}`; one installed "
        "by hand does not belong in the environment the tests run in (a fresh venv from "
        "requirements.txt would not have it).")


@pytest.mark.parametrize(("lock_text", "message"), [
    ("torch==2.13.0+cpu\n", "pins a local version label"),
    ("torch==2.13.0\nnvidia-cublas==13.1.0.3\ntriton==3.6.0\n", "nvidia-cublas, triton, which only"),
    ("torch==2.13.0 \\\n    --hash=sha256:00\n", "pins hashes"),
    ("torch>=2.13\n", "is not pinned to one version"),
    ("torch==2.12.0\n", "requirements.in asks for torch==2.13.0 but requirements.txt pins 2.12.0"),
    ("numpy==2.2.6\n", "requirements.in asks for torch==2.13.0 but requirements.txt pins nothing"),
])
def test_a_broken_lock_is_named(lock_text, message):
    assert any(message in problem for problem in lock.problems("torch==2.13.0\n", lock_text))


def test_an_unpinned_or_moved_installed_package_is_named():
    installed = {"torch": "2.13.0+cpu", "pip": "23.2.1", "setuptools": "65.5.0", "numpy": "2.3.0",
                 "left-behind": "1.0"}
    assert lock.unpinned_installed("torch==2.13.0\nnumpy==2.2.6\n", installed) == [
        "left-behind==1.0", "numpy==2.3.0 (the lock pins 2.2.6)"]


def test_the_command_strips_a_local_label_only():
    assert lock.LOCAL_LABEL.sub(r"\g<pin>", "torch==2.13.0+cpu\n    # via x\nfoo==1.0\n") == (
        "torch==2.13.0\n    # via x\nfoo==1.0\n")


def test_requirements_in_is_short_and_the_lock_is_not():
    assert len(lock.requirement_lines(SOURCE)) < 40 < len(lock.pins(LOCKED)), PROJECT.rel(lock.LOCK)
