"""Options, markers and shared fixtures of the test suite (tests import nothing from here)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

from tools import runner, site
from tools.project import PROJECT, Project

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# The README's `sh` blocks, run by pytest-codeblocks, call `python`: make that the Python running
# the tests (a venv, conda or `uv run` alike), not whatever `python` the PATH finds first.
_BIN = Path(tempfile.mkdtemp(prefix="tests-python-"))
(_BIN / "python").symlink_to(sys.executable)
os.environ["PATH"] = f"{_BIN}{os.pathsep}{os.environ.get('PATH', '')}"


def pytest_addoption(parser):
    parser.addoption("--refresh-outputs", action="store_true",
                     help="rewrite the snippets' stored output files from this run instead of failing")


def pytest_configure(config):
    if config.getoption("markexpr", "").strip() != "gpu":
        # The CPU lane: PyTorch sees no CUDA device in this run (set before torch asks CUDA for
        # devices); `pytest -m gpu` (tools/gpu_lane.sh) is the GPU lane, where it does.
        runner.hide_cuda()
    config.addinivalue_line("markers", "gpu: needs a CUDA device; skipped without one")
    config.addinivalue_line("markers", "browser: drives Chromium; skipped without it")
    config.addinivalue_line("markers", "stress: repeats a run many times to prove a rare failure gone; "
                            "only with -m stress")



@pytest.fixture(scope="session")
def refresh(request) -> bool:
    return request.config.getoption("--refresh-outputs")


@pytest.fixture(scope="session")
def project() -> Project:
    return PROJECT


@pytest.fixture(scope="session")
def strict_build(tmp_path_factory) -> site.Build:
    """The site, built once per test session with the strict build, as deployed."""
    built = site.build(tmp_path_factory.mktemp("site"))
    if built.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{built.output}", pytrace=False)
    return built


@pytest.fixture(scope="session")
def built_site(strict_build) -> Path:
    return strict_build.site_dir


@pytest.fixture
def site_copy(tmp_path) -> Project:
    """A throwaway copy of the site's sources, to break or extend."""
    return PROJECT.copy_to(tmp_path / "src")
