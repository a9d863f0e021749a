"""Page weight of the built site: bytes of a cold first load of every page.

    python -m tools.bench_weight [SITE_DIR]

Builds the site (strict) into a temporary folder unless SITE_DIR is given,
serves it on 127.0.0.1 under a sub-path as a project page on a static host
would be (/<repo-name>/), loads every page in both languages in Chromium with
an empty cache and sums the bytes of every response body (uncompressed) by
kind: HTML, CSS, JS, fonts and other (search index, images). Prints a table and
the pages over budget; asserts nothing.

Budget: an ordinary page at most 500 KB including the shared theme assets, a
page with math at most 1 MB including the math engine.

Also the shared pieces of the browser tests: the local server, the Chromium
launch options, the list of pages of a built site.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socketserver
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
# The path a GitHub project page is served under: https://<owner>.github.io/<repo-name>/
SUB_PATH = "/llm-basics-pytorch/"
LANGUAGES = ("en", "hi")  # the default language first; the others live under /<code>/
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
KB = 1000
BUDGET = {"page": 500 * KB, "math page": 1000 * KB}
KINDS = ("HTML", "CSS", "JS", "fonts", "other")


# --- the site -----------------------------------------------------------------

def find_chromium() -> str | None:
    path = shutil.which("chromium") or "/usr/bin/chromium"
    return path if Path(path).exists() else None


def site_pages(site_dir: Path) -> list[str]:
    """Every page of a built site as a path under the site root ("", "autograd/",
    "hi/", "hi/autograd/", ...): the default language first, then each other one."""
    paths = []
    for index in site_dir.rglob("index.html"):
        rel = index.parent.relative_to(site_dir).as_posix()
        if rel.split("/")[0] in ("assets", "search"):
            continue
        paths.append("" if rel == "." else rel + "/")
    return sorted(paths, key=lambda p: (LANGUAGES.index(language_of(p)), p))


def language_of(path: str) -> str:
    first = path.split("/", 1)[0]
    return first if first in LANGUAGES[1:] else LANGUAGES[0]


def counterpart(path: str, language: str) -> str:
    """The same page in `language`: "autograd/" <-> "hi/autograd/"."""
    own = language_of(path)
    bare = path if own == LANGUAGES[0] else path[len(own) + 1:]
    return bare if language == LANGUAGES[0] else f"{language}/{bare}"


def build_site(site_dir: Path) -> None:
    """Strict build of the site into site_dir for the local sub-path, as the Pages
    workflow builds it for its own (SITE_URL); raises with MkDocs' output when it fails."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(site_dir)],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"http://127.0.0.1{SUB_PATH}"},
    )
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build --strict failed:\n{result.stdout}{result.stderr}")


# --- serving it under a sub-path ----------------------------------------------

class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under SUB_PATH only; anything else is a 404, as on the host."""

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
        return super().send_head()

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


def launch(playwright, executable: str):
    return playwright.chromium.launch(executable_path=executable, headless=True,
                                      args=CHROMIUM_ARGS, timeout=60_000)


# --- weighing -----------------------------------------------------------------

def kind_of(resource_type: str, url: str) -> str:
    if resource_type == "document":
        return "HTML"
    if resource_type == "stylesheet":
        return "CSS"
    if resource_type == "script" or url.split("?")[0].endswith(".js"):
        return "JS"  # workers' scripts count as JS too
    if resource_type == "font":
        return "fonts"
    return "other"


@dataclass
class Weight:
    path: str
    math: bool = False
    bytes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    files: dict[str, int] = field(default_factory=dict)  # path under the site root -> bytes
    outside: list[str] = field(default_factory=list)  # requests to another host (blocked)

    @property
    def total(self) -> int:
        return sum(self.bytes.values())

    @property
    def budget(self) -> int:
        return BUDGET["math page" if self.math else "page"]


def weigh_page(browser, base_url: str, path: str) -> Weight:
    """One cold load of one page: a fresh context (empty cache), cache disabled."""
    weight = Weight(path)
    context = browser.new_context(service_workers="block")
    try:
        page = context.new_page()
        page.set_default_timeout(30_000)
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        origin = base_url.split(SUB_PATH)[0] if SUB_PATH in base_url else base_url

        def block(route):
            weight.outside.append(route.request.url)
            route.abort()

        page.route(lambda url: not url.startswith(origin) and not url.startswith(("data:", "blob:")),
                   block)
        responses = []
        context.on("response", lambda response: responses.append(response))
        page.goto(base_url + path, wait_until="networkidle")
        page.evaluate("document.fonts.ready.then(() => true)")
        page.wait_for_load_state("networkidle")
        weight.math = page.evaluate("document.querySelector('.arithmatex, .katex') !== null")
        for response in responses:
            if response.status in (204, 301, 302, 304) or response.url.startswith("data:"):
                continue
            try:
                size = len(response.body())
            except Exception:  # a body the browser did not keep (e.g. a worker's)
                size = int(response.headers.get("content-length", 0))
            weight.bytes[kind_of(response.request.resource_type, response.url)] += size
            weight.files[response.url.split(SUB_PATH, 1)[-1].split("?")[0]] = size
    finally:
        context.close()
    return weight


def weigh_site(site_dir: Path, executable: str) -> list[Weight]:
    from playwright.sync_api import sync_playwright

    with serve(site_dir) as base_url, sync_playwright() as playwright:
        browser = launch(playwright, executable)
        try:
            return [weigh_page(browser, base_url, path) for path in site_pages(site_dir)]
        finally:
            browser.close()


def table(weights: list[Weight]) -> str:
    def kb(n: int) -> str:
        return f"{n / KB:.0f}"

    header = ["page", *KINDS, "total KB", "budget KB", ""]
    rows = [header]
    for w in weights:
        rows.append(["/" + w.path, *(kb(w.bytes[k]) for k in KINDS), kb(w.total), kb(w.budget),
                     "OVER" if w.total > w.budget else ""])
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = []
    for n, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])] + [c.rjust(widths[i + 1]) for i, c in enumerate(row[1:])]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths).rstrip())
    return "\n".join(lines)


def report(weights: list[Weight]) -> str:
    over = [w for w in weights if w.total > w.budget]
    lines = [
        "Page weight: bytes of a cold first load (uncompressed response bodies, KB = 1000 bytes)",
        f"budget: an ordinary page {BUDGET['page'] // KB} KB, a page with math "
        f"{BUDGET['math page'] // KB} KB, shared theme assets and the math engine included",
        "",
        table(weights),
        "",
    ]
    if over:
        lines.append(f"{len(over)} of {len(weights)} pages over budget:")
        lines += [f"  /{w.path}: {w.total / KB:.0f} KB > {w.budget / KB:.0f} KB"
                  f"{' (math page)' if w.math else ''}" for w in over]
    else:
        lines.append(f"all {len(weights)} pages within budget")
    shared: dict[str, tuple[int, int]] = {}  # file -> (bytes, pages that load it)
    for w in weights:
        for name, size in w.files.items():
            shared[name] = (size, shared.get(name, (0, 0))[1] + 1)
    largest = sorted(shared.items(), key=lambda item: -item[1][0])[:10]
    lines += ["", "largest files (KB, loaded by how many pages):"]
    lines += [f"  {size / KB:7.0f}  {count:3d}  {name}" for name, (size, count) in largest]
    outside = sorted({u for w in weights for u in w.outside})
    if outside:
        lines.append("requests to other hosts (blocked, not counted): " + ", ".join(outside))
    return "\n".join(lines)


def main(site_dir: Path | str | None = None) -> int:
    """Print the page weight of the site built at site_dir, or of a fresh strict build."""
    executable = find_chromium()
    if executable is None:
        print("page weight: skipped, no Chromium at /usr/bin/chromium (apt-get install chromium)")
        return 0
    if site_dir is not None:
        print(report(weigh_site(Path(site_dir), executable)))
        return 0
    with tempfile.TemporaryDirectory(prefix="site-") as tmp:
        build_site(Path(tmp))
        print(report(weigh_site(Path(tmp), executable)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else None))
