"""Building and serving the site: the strict build as deployed, the local server under the
deployed sub-path, and the Chromium launch. The tests and the benchmarks both use these.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import re
import shutil
import socket
import socketserver
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from tools.project import PROJECT, Project

# The site as deployed: the Pages workflow sets SITE_URL to the project page's address
# (https://<owner>.github.io/<repository>/); locally it is served under the same sub-path.
DEPLOYED_SITE_URL = "http://127.0.0.1/llm-basics-pytorch/"
DEPLOYED_REPO_URL = "https://github.com/example-org/llm-basics-pytorch"
SUB_PATH = urlsplit(DEPLOYED_SITE_URL).path
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
NO_CHROMIUM = "no Chromium found at /usr/bin/chromium (.ci/run installs it with apt-get)"
WARNING = re.compile(r"^(WARNING|ERROR)\b.*$", re.MULTILINE)


@dataclass
class Build:
    """A finished `mkdocs build --strict`: its exit status, output and wall time."""

    site_dir: Path
    returncode: int
    output: str
    seconds: float

    @property
    def warnings(self) -> list[str]:
        """The WARNING and ERROR lines MkDocs printed (any of them fails a strict build)."""
        return [m.group(0) for m in WARNING.finditer(self.output)]

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.warnings


def build(site_dir: Path, project: Project = PROJECT, deployed: bool = True,
          env: dict | None = None) -> Build:
    """Strict build of a project into site_dir; `deployed` builds it for the local sub-path,
    with a repository address, as the Pages workflow builds it for its own."""
    variables = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if deployed:
        variables |= {"SITE_URL": DEPLOYED_SITE_URL, "REPO_URL": DEPLOYED_REPO_URL}
    variables |= env or {}
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
         "--config-file", str(project.root / "mkdocs.yml"), "--site-dir", str(site_dir)],
        cwd=project.root, capture_output=True, text=True, env=variables, check=False, timeout=900,
    )
    return Build(site_dir, result.returncode, result.stdout + result.stderr, time.perf_counter() - start)


def site_pages(site_dir: Path, project: Project = PROJECT) -> list[str]:
    """Every page of a built site as a path under its root ("", "autograd/", "hi/", ...):
    the default language first, then each other one in mkdocs.yml's order."""
    paths = []
    for index in site_dir.rglob("index.html"):
        rel = index.parent.relative_to(site_dir).as_posix()
        if rel.split("/")[0] in ("assets", "search"):
            continue
        paths.append("" if rel == "." else rel + "/")
    return sorted(paths, key=lambda p: (project.codes.index(project.url_language(p)), p))


# --- serving under the sub-path ---------------------------------------------------------------

COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".ipynb", ".txt", ".map")


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under SUB_PATH only; anything else is a 404, as on the host. Text is sent
    gzip-compressed to a client that accepts it, as GitHub Pages sends it."""

    sub_path = SUB_PATH
    timeout = 10  # seconds a connection may stay silent
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json",
        ".css": "text/css", ".svg": "image/svg+xml", ".woff2": "font/woff2", ".woff": "font/woff",
        ".ttf": "font/ttf", ".ipynb": "application/json", ".map": "application/json",
    }

    def _inside(self) -> bool:
        path = urlsplit(self.path).path
        return path.startswith(self.sub_path) or path == self.sub_path.rstrip("/")

    def send_head(self):
        if not self._inside():
            self.send_error(404, "outside the site's sub-path")
            return None
        if urlsplit(self.path).path == self.sub_path.rstrip("/"):
            self.send_response(301)
            self.send_header("Location", self.sub_path)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        if (path.suffix not in COMPRESSED or not path.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def translate_path(self, path):
        return super().translate_path("/" + urlsplit(path).path[len(self.sub_path):])

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format, *args):  # quiet: the tests report what matters
        pass


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


@contextmanager
def serve(site_dir: Path, sub_path: str = SUB_PATH) -> Iterator[str]:
    """Serve site_dir at http://127.0.0.1:<free port><sub_path>; yields that base URL."""
    handler = functools.partial(type("Handler", (_Handler,), {"sub_path": sub_path}),
                                directory=str(site_dir))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{sub_path}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# --- mkdocs serve, as authors preview -------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    """The page at url as text, or "" while the server is not (yet) answering."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, timeout_s: float) -> float | None:
    """Seconds until the page at url contains text (polled every 0.1 s), or None on timeout."""
    start = time.monotonic()
    while time.monotonic() - start < timeout_s:
        if text in fetch(url):
            return time.monotonic() - start
        time.sleep(0.1)
    return None


@contextmanager
def preview(project: Project, log: Path) -> Iterator[str]:
    """`mkdocs serve` on a project, its output in log; yields its base URL (not yet ready:
    wait_for a page first)."""
    port = free_port()
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
             "--config-file", str(project.root / "mkdocs.yml")],
            cwd=project.root, stdout=out, stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        try:
            yield f"http://127.0.0.1:{port}/"
        finally:
            server.terminate()
            server.wait(timeout=30)


# --- Chromium ---------------------------------------------------------------------------------

def find_chromium() -> str | None:
    path = shutil.which("chromium") or "/usr/bin/chromium"
    return path if Path(path).exists() else None


def launch(playwright, executable: str):
    return playwright.chromium.launch(executable_path=executable, headless=True,
                                      args=CHROMIUM_ARGS, timeout=60_000)
