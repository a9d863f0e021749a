"""Shared fixtures and options of the test suite."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def pytest_addoption(parser):
    parser.addoption(
        "--refresh-outputs",
        action="store_true",
        help="rewrite the snippets' stored output files from this run instead of failing",
    )


def pytest_configure(config):
    config.addinivalue_line("markers", "gpu: needs a CUDA device; skipped without one")
    config.addinivalue_line("markers", "browser: drives Chromium; skipped without it")


@pytest.fixture(scope="session")
def refresh(request) -> bool:
    return request.config.getoption("--refresh-outputs")


def mkdocs_build(site_dir: Path, config_file: Path = ROOT / "mkdocs.yml", env=None):
    """Run a strict MkDocs build; return the finished process (output in .stdout)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
         "--config-file", str(config_file), "--site-dir", str(site_dir)],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, **(env or {})},
        check=False,
    )


# The site as deployed: the Pages workflow sets SITE_URL to the project page's
# address, and the browser tests serve the build under this sub-path.
DEPLOYED_SITE_URL = "http://127.0.0.1/llm-basics-pytorch/"
DEPLOYED_REPO_URL = "https://github.com/example-org/llm-basics-pytorch"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site, built once per test session with the strict build, as deployed."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(site, env={"SITE_URL": DEPLOYED_SITE_URL, "REPO_URL": DEPLOYED_REPO_URL})
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}{result.stderr}")
    return site


@pytest.fixture
def chromium_path() -> str:
    from tools.bench_weight import find_chromium

    path = find_chromium()
    if path is None:
        pytest.skip("no Chromium found at /usr/bin/chromium (.ci/run installs it with apt-get)")
    return path
