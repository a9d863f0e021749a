"""Page weight and responsiveness of the built site, on a cold first load of every page in
Chromium (`python -m tools bench weight`); printed, never asserted.

For every page of every language: the bytes of every response body by kind (HTML, CSS, JS,
fonts, other), uncompressed and as a static host sends them (gzip for text, as GitHub Pages
does; fonts and images as they are), and the main thread's blocking time with the CPU throttled
4x (Chrome DevTools' mid-range phone setting): long tasks summed, from load onwards and in all;
and the layout shift while it loads (CLS).

Budgets (issue 14): an ordinary page at most 130 KB compressed; a page with math at most 1.15
times that (the math's stylesheet and fonts are shown apart); a notebook page at most 1.15 times
its chapter page; at most 150 ms blocked after load; no layout shift (the layout does not
jump when fonts or scripts arrive); the search index not loaded before the reader opens the
search.
"""

from __future__ import annotations

import gzip
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from tools import site
from tools.project import PROJECT, Project

KB = 1000
PAGE_BUDGET = 130 * KB
MATH_FACTOR = 1.15
NOTEBOOK_FACTOR = 1.15
BLOCKING_BUDGET_MS = 150
# Layout shift (Chromium's layout-shift entries summed, as Core Web Vitals' CLS counts them;
# 0.1 is its "good"): the layout must not jump while the page loads, so none at all.
SHIFT_BUDGET = 0.0
THROTTLE = 4
KINDS = ("HTML", "CSS", "JS", "fonts", "other")
COMPRESSED_TYPES = ("text/", "javascript", "json", "svg", "xml")
SEARCH_INDEX = "search/search_index.json"
# Long tasks, and when the load event ended: collected from the start of the page.
LONG_TASKS = """
window.__longTasks = [];
window.__layoutShifts = [];
new PerformanceObserver(list => {
  for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
}).observe({type: "longtask", buffered: true});
new PerformanceObserver(list => {
  for (const e of list.getEntries()) {
    if (!e.hadRecentInput) window.__layoutShifts.push([e.value,
      e.sources.map(s => s.node ? s.node.nodeName.toLowerCase() + '.' + (s.node.className || '') : '?')]);
  }
}).observe({type: "layout-shift", buffered: true});
"""
BLOCKING = """() => {
  const loaded = performance.getEntriesByType("navigation")[0].loadEventEnd;
  const tasks = window.__longTasks || [];
  const sum = list => list.reduce((total, [, duration]) => total + duration, 0);
  const shifts = window.__layoutShifts || [];
  return {loaded, all: sum(tasks), after: sum(tasks.filter(([start]) => start >= loaded)),
          shift: shifts.reduce((total, [value]) => total + value, 0),
          moved: [...new Set(shifts.flatMap(([, nodes]) => nodes))].slice(0, 5)};
}"""


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
    sent: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))  # compressed
    files: dict[str, int] = field(default_factory=dict)  # path under the site root -> bytes
    outside: list[str] = field(default_factory=list)  # requests to another host (blocked)
    blocking_ms: float = 0.0  # long tasks after load, CPU throttled
    blocking_all_ms: float = 0.0  # long tasks from navigation on
    shift: float = 0.0  # layout shift while loading (CLS)
    moved: list[str] = field(default_factory=list)  # elements that moved
    search_index_loaded: bool = False
    math_sent: int = 0  # of which KaTeX's stylesheet and fonts
    budget: int = PAGE_BUDGET  # set by budgets()
    budget_rule: str = "ordinary page"

    @property
    def total(self) -> int:
        return sum(self.bytes.values())

    @property
    def total_sent(self) -> int:
        return sum(self.sent.values())

    @property
    def notebook(self) -> bool:
        return "notebooks/" in self.path

    @property
    def problems(self) -> list[str]:
        found = []
        if self.total_sent > self.budget:
            found.append(f"{self.total_sent / KB:.0f} KB sent > {self.budget / KB:.0f} KB "
                         f"({self.budget_rule})")
        if self.blocking_ms > BLOCKING_BUDGET_MS:
            found.append(f"blocked {self.blocking_ms:.0f} ms after load > {BLOCKING_BUDGET_MS} ms")
        if self.shift > SHIFT_BUDGET:
            found.append(f"layout shift {self.shift:.4f} while loading (moved: {', '.join(self.moved)})")
        if self.search_index_loaded:
            found.append("the search index loaded before the search was opened")
        return found


def sent_size(body: bytes, content_type: str) -> int:
    """The bytes a static host sends: gzip for text (GitHub Pages compresses it), else as is."""
    if any(t in content_type for t in COMPRESSED_TYPES):
        return len(gzip.compress(body, compresslevel=6, mtime=0))
    return len(body)


def weigh_page(browser, base_url: str, path: str) -> Weight:
    """One cold load of one page: a fresh context (empty cache), the CPU throttled 4x."""
    weight = Weight(path)
    context = browser.new_context(service_workers="block")
    try:
        context.add_init_script(LONG_TASKS)
        page = context.new_page()
        page.set_default_timeout(60_000)
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})
        origin = base_url.split(site.SUB_PATH)[0] if site.SUB_PATH in base_url else base_url

        def block(route):
            weight.outside.append(route.request.url)
            route.abort()

        page.route(lambda url: not url.startswith(origin) and not url.startswith(("data:", "blob:")),
                   block)
        responses = []
        context.on("response", lambda response: responses.append(response))
        # The load event first: on a throttled CPU the network can fall idle while a long
        # page is still being parsed, before DOMContentLoaded and load.
        page.goto(base_url + path, wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)  # a long task that starts once the page is idle counts too
        blocking = page.evaluate(BLOCKING)
        if not blocking["loaded"]:
            raise RuntimeError(f"/{path}: the load event had not ended when the long tasks were summed")
        weight.blocking_ms, weight.blocking_all_ms = blocking["after"], blocking["all"]
        weight.shift, weight.moved = blocking["shift"], blocking["moved"]
        weight.math = page.evaluate("document.querySelector('.katex') !== null")
        for response in responses:
            if response.status in (204, 301, 302, 304) or response.url.startswith("data:"):
                continue
            try:
                body = response.body()
            except Exception:  # a body the browser did not keep (e.g. a worker's)
                body = b"\0" * int(response.headers.get("content-length", 0))
            kind = kind_of(response.request.resource_type, response.url)
            weight.bytes[kind] += len(body)
            weight.sent[kind] += sent_size(body, response.headers.get("content-type", ""))
            name = response.url.split(site.SUB_PATH, 1)[-1].split("?")[0]
            weight.files[name] = len(body)
            weight.search_index_loaded |= name.endswith(SEARCH_INDEX)
            if "/katex/" in name:
                weight.math_sent += sent_size(body, response.headers.get("content-type", ""))
    finally:
        context.close()
    return weight


def weigh(browser, base_url: str, path: str) -> Weight:
    """weigh_page(), and once more if the layout shifted or the main thread was blocked over its
    budget, keeping the smaller figure of each: one load in a few dozen here saw the header or a
    table column move by 0.001-0.002, or a long task of 200 ms, where the next load of the same
    page did not; a shift or a block the page really makes is there on every load."""
    weight = weigh_page(browser, base_url, path)
    if weight.shift > SHIFT_BUDGET or weight.blocking_ms > BLOCKING_BUDGET_MS:
        again = weigh_page(browser, base_url, path)
        if again.shift < weight.shift:
            weight.shift, weight.moved = again.shift, again.moved
        if again.blocking_ms < weight.blocking_ms:
            weight.blocking_ms, weight.blocking_all_ms = again.blocking_ms, again.blocking_all_ms
    return weight


def budgets(weights: list[Weight]) -> None:
    """Set each page's budget: an ordinary page the fixed one, a math page 1.15 times that, a
    notebook page 1.15 times its chapter page."""
    by_path = {w.path: w for w in weights}
    for w in weights:
        chapter = w.path.replace("notebooks/", "", 1)
        if w.notebook and chapter in by_path:
            w.budget = int(by_path[chapter].total_sent * NOTEBOOK_FACTOR)
            w.budget_rule = f"{NOTEBOOK_FACTOR}x its chapter page /{chapter}"
        elif w.math:
            w.budget = int(PAGE_BUDGET * MATH_FACTOR)
            w.budget_rule = f"a page with math: {MATH_FACTOR}x an ordinary page"


def weigh_site(site_dir: Path, executable: str, project: Project = PROJECT) -> list[Weight]:
    from playwright.sync_api import sync_playwright

    with site.serve(site_dir) as base_url, sync_playwright() as playwright:
        browser = site.launch(playwright, executable)
        try:
            return [weigh(browser, base_url, path) for path in site.site_pages(site_dir, project)]
        finally:
            browser.close()


def table(weights: list[Weight]) -> str:
    def kb(n: int) -> str:
        return f"{n / KB:.0f}"

    header = ["page", *KINDS, "total KB", "sent KB", "math KB", "budget KB", "blocked ms", "in all ms",
              "shift", ""]
    rows = [header]
    for w in weights:
        rows.append(["/" + w.path, *(kb(w.bytes[k]) for k in KINDS), kb(w.total), kb(w.total_sent),
                     kb(w.math_sent), kb(w.budget), f"{w.blocking_ms:.0f}", f"{w.blocking_all_ms:.0f}",
                     f"{w.shift:.4f}", "OVER" if w.problems else ""])
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = []
    for n, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])] + [c.rjust(widths[i + 1]) for i, c in enumerate(row[1:])]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths).rstrip())
    return "\n".join(lines)


def report(weights: list[Weight]) -> str:
    budgets(weights)
    over = [w for w in weights if w.problems]
    lines = [
        "Page weight on a cold first load (KB = 1000 bytes): response bodies by kind, uncompressed;",
        "'sent': as a static host sends them (gzip for text), 'math' of which KaTeX's CSS and fonts.",
        f"Blocked: long tasks summed with the CPU throttled {THROTTLE}x, after the load event and in all.",
        "Shift: the layout shift while the page loads (layout-shift entries summed, as CLS counts them).",
        "A page that shifted or was blocked over budget is loaded once more and the smaller figure kept.",
        f"Budgets: ordinary page {PAGE_BUDGET // KB} KB sent; page with math {MATH_FACTOR}x that; notebook "
        f"page {NOTEBOOK_FACTOR}x its chapter page; {BLOCKING_BUDGET_MS} ms blocked after load; no layout "
        "shift; no search index before the search is opened.",
        "",
        table(weights),
        "",
    ]
    if over:
        lines.append(f"{len(over)} of {len(weights)} pages over a budget:")
        lines += [f"  /{w.path}: {'; '.join(w.problems)}" for w in over]
    else:
        lines.append(f"all {len(weights)} pages within every budget")
    shared: dict[str, tuple[int, int]] = {}  # file -> (bytes, pages that load it)
    for w in weights:
        for name, size in w.files.items():
            shared[name] = (size, shared.get(name, (0, 0))[1] + 1)
    largest = sorted(shared.items(), key=lambda item: -item[1][0])[:10]
    lines += ["", "largest files (KB uncompressed, loaded by how many pages):"]
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
