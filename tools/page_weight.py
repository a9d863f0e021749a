"""Page weight of the built site: the bytes of a cold first load of every page, in Chromium.

Each page of both languages is loaded with an empty cache and the bytes of every response body
(uncompressed) are summed by kind: HTML, CSS, JS, fonts and other (search index, images). Prints
a table and the pages over budget; asserts nothing (`python -m tools bench weight`).

Budget: an ordinary page at most 500 KB including the shared theme assets, a page with math at
most 1 MB including the math engine.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from tools import site
from tools.project import PROJECT, Project

KB = 1000
BUDGET = {"page": 500 * KB, "math page": 1000 * KB}
KINDS = ("HTML", "CSS", "JS", "fonts", "other")


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
        origin = base_url.split(site.SUB_PATH)[0] if site.SUB_PATH in base_url else base_url

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
            weight.files[response.url.split(site.SUB_PATH, 1)[-1].split("?")[0]] = size
    finally:
        context.close()
    return weight


def weigh_site(site_dir: Path, executable: str, project: Project = PROJECT) -> list[Weight]:
    from playwright.sync_api import sync_playwright

    with site.serve(site_dir) as base_url, sync_playwright() as playwright:
        browser = site.launch(playwright, executable)
        try:
            return [weigh_page(browser, base_url, path) for path in site.site_pages(site_dir, project)]
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


def main(site_dir: Path | None = None) -> int:
    """Print the page weight of the site built at site_dir, or of a fresh strict build."""
    executable = site.find_chromium()
    if executable is None:
        print(f"page weight: skipped, {site.NO_CHROMIUM}")
        return 0
    if site_dir is not None:
        print(report(weigh_site(Path(site_dir), executable)))
        return 0
    with tempfile.TemporaryDirectory(prefix="site-") as tmp:
        built = site.build(Path(tmp))
        if not built.ok:
            print(f"page weight: the strict build failed:\n{built.output}")
            return 1
        print(report(weigh_site(Path(tmp), executable)))
    return 0
