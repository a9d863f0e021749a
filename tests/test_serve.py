"""`mkdocs serve` (what authors preview with) rebuilds when a snippet or its
output file changes, not only when a page does."""

import socket
import subprocess
import sys
import time
import urllib.request

STARTUP_TIMEOUT_S = 120
REBUILD_TIMEOUT_S = 90


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if text in fetch(url):
            return
        time.sleep(0.5)
    raise AssertionError(f"mkdocs serve: {what} within {timeout_s:.0f} s")


def test_serve_reloads_when_a_snippet_or_output_changes(site_copy, tmp_path):
    root = site_copy.root
    port = free_port()
    url = f"http://127.0.0.1:{port}/tensors/"
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
         "--config-file", str(root / "mkdocs.yml")],
        cwd=root, stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        wait_for(url, "torch.Size", STARTUP_TIMEOUT_S, "the tensors page was not served")
        output = root / "snippets" / "tensors" / "01_ranks.out"
        output.write_text(output.read_text() + "OUTPUT-CHANGED-MARKER\n")
        wait_for(url, "OUTPUT-CHANGED-MARKER", REBUILD_TIMEOUT_S,
                 "a changed output file did not show on the page")
        snippet = root / "snippets" / "tensors" / "01_ranks.py"
        snippet.write_text(snippet.read_text() + "# SNIPPET-CHANGED-MARKER\n")
        wait_for(url, "SNIPPET-CHANGED-MARKER", REBUILD_TIMEOUT_S,
                 "a changed snippet did not show on the page")
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
