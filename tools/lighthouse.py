"""Lighthouse on every page of the built site, the way the web measures a page (`python -m tools
bench lighthouse [PAGE ...]`).

The site is built as deployed, served gzip-compressed as a static host serves it, and each page
is audited by Lighthouse (the version pinned in package.json; `npm ci` installs it) with its
mobile preset: simulated slow 4G, 4x CPU slowdown, a phone's screen. A page is audited `runs`
times and the run with the median performance score is kept, as Lighthouse's own docs advise
(single runs vary by a few points). Printed per page: the four category scores, total blocking
time, largest contentful paint, cumulative layout shift, bytes sent and DOM elements, against
the goals below. A figure, not a test: nothing is asserted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tools import site
from tools.project import PROJECT, Project

LIGHTHOUSE = PROJECT.root / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GOALS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
TBT_MS, LCP_MS, CLS = 150, 2500, 0.0


@dataclass
class Audit:
    page: str
    scores: dict[str, int]
    tbt_ms: float
    lcp_ms: float
    cls: float
    bytes: int
    dom: int

    def misses(self) -> list[str]:
        missed = [f"{name} {self.scores[name]}" for name, goal in GOALS.items() if self.scores[name] < goal]
        if self.tbt_ms > TBT_MS:
            missed.append(f"TBT {self.tbt_ms:.0f} ms")
        if self.lcp_ms > LCP_MS:
            missed.append(f"LCP {self.lcp_ms / 1000:.2f} s")
        if self.cls > CLS:
            missed.append(f"CLS {self.cls:.3f}")
        return missed


def audit(url: str, page: str, chromium: str) -> Audit:
    """One Lighthouse run of one page, mobile preset."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        flags = " ".join(["--headless=new", *site.CHROMIUM_ARGS])
        subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
             f"--chrome-flags={flags}", f"--only-categories={','.join(CATEGORIES)}"],
            check=True, env={**os.environ, "CHROME_PATH": chromium}, timeout=300,
        )
        data = json.loads(report.read_text(encoding="utf-8"))
    audits = data["audits"]
    return Audit(
        page=page,
        scores={name: round(100 * data["categories"][name]["score"]) for name in CATEGORIES},
        tbt_ms=audits["total-blocking-time"]["numericValue"],
        lcp_ms=audits["largest-contentful-paint"]["numericValue"],
        cls=audits["cumulative-layout-shift"]["numericValue"],
        bytes=int(audits["total-byte-weight"]["numericValue"]),
        dom=int(audits["dom-size"].get("numericValue", 0)),
    )


def table(results: list[Audit]) -> str:
    lines = ["| page | perf | a11y | best pr. | SEO | TBT ms | LCP s | CLS | KB sent | DOM | misses |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        s = r.scores
        lines.append(
            f"| /{r.page} | {s['performance']} | {s['accessibility']} | {s['best-practices']} | "
            f"{s['seo']} | {r.tbt_ms:.0f} | {r.lcp_ms / 1000:.2f} | {r.cls:.3f} | {r.bytes / 1000:.0f} | "
            f"{r.dom:,} | {', '.join(r.misses()) or '-'} |"
        )
    return "\n".join(lines)


def median_audit(url: str, page: str, chromium: str, runs: int) -> Audit:
    audits = sorted((audit(url, page, chromium) for _ in range(runs)), key=lambda a: a.scores["performance"])
    return audits[len(audits) // 2]


def ready(project: Project = PROJECT) -> str | None:
    """Chromium's path when Lighthouse and Chromium are both installed; else None, saying why."""
    if not LIGHTHOUSE.exists():
        print(f"{LIGHTHOUSE.relative_to(project.root)} not found: run `npm ci` in the repository root "
              "(it installs the Lighthouse version package.json pins)", file=sys.stderr)
        return None
    chromium = site.find_chromium()
    if chromium is None:
        print(site.NO_CHROMIUM, file=sys.stderr)
    return chromium


def main(pages: list[str] | None = None, site_dir: Path | None = None, runs: int = 3,
         project: Project = PROJECT) -> int:
    chromium = ready(project)
    if chromium is None:
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        if site_dir is None:
            site_dir = Path(tmp) / "site"
            built = site.build(site_dir, project)
            if not built.ok:
                print(built.output, file=sys.stderr)
                return 1
        chosen = pages or site.site_pages(site_dir, project)
        results = []
        with site.serve(site_dir) as base_url:
            for page in chosen:
                page = page.lstrip("/")
                results.append(median_audit(base_url + page, page, chromium, runs))
                print(f"  /{page}: performance {results[-1].scores['performance']}", file=sys.stderr)
    print(table(results))
    missed = [r for r in results if r.misses()]
    print(f"\n{len(results) - len(missed)} of {len(results)} pages within every goal (median of {runs} runs) "
          f"(performance >= {GOALS['performance']}, TBT <= {TBT_MS} ms, LCP <= {LCP_MS / 1000} s, "
          f"CLS {CLS:g}, the other categories 100)")
    return 0


# --- what each speed mechanism buys ------------------------------------------------------------
# A mechanism kept for speed is switched off in a copy of the site (an edit of the file that
# holds it; the edit fails loudly when the text it removes has moved) and the pages where it
# matters are audited with and without it.

@dataclass
class Mechanism:
    name: str
    # (file under the project root, text that makes the mechanism, what replaces it in the copy);
    # an override whose mere presence is the mechanism is deleted: (file, None, None)
    edits: tuple[tuple[str, str | None, str | None], ...]
    pages: tuple[str, ...]

    def switch_off(self, project: Project) -> None:
        for file, old, new in self.edits:
            path = project.root / file
            if old is None:
                path.unlink()
                continue
            text = path.read_text(encoding="utf-8")
            if old not in text:
                raise SystemExit(f"{file} no longer holds the text of mechanism {self.name!r}; update "
                                 "tools/lighthouse.py's MECHANISMS")
            path.write_text(text.replace(old, new, 1), encoding="utf-8")


def removed(file: str, text: str) -> tuple[str, str, str]:
    return (file, text, "")


LONG_PAGES = ("attention/", "hi/tiny-lm/", "autograd/")
LIGHT = '      accent: indigo\n    - media: "(prefers-color-scheme: dark)"'
DARK = "      accent: indigo\n\nextra_css:"
TOGGLE = "      toggle:\n        icon: material/weather-{}\n        name: Switch to {} mode\n"
MECHANISMS = [
    Mechanism("content-visibility: off-screen blocks skipped",
              (removed("docs/assets/stylesheets/extra.css", "  content-visibility: auto;\n"),),
              LONG_PAGES + ("notebooks/attention/",)),
    Mechanism("code blocks set up when first near the screen (content.lazy)",
              (removed("mkdocs.yml", "    - content.lazy"),), LONG_PAGES),
    Mechanism("no palette toggle: colours follow the system",  # as before: Material's toggle
              (("mkdocs.yml", LIGHT, LIGHT.replace("\n", "\n" + TOGGLE.format("night", "dark"), 1)),
               ("mkdocs.yml", DARK, DARK.replace("\n", "\n" + TOGGLE.format("sunny", "light"), 1)),
               ("overrides/partials/palette.html", None, None),
               ("overrides/partials/javascripts/palette.html", None, None)),
              LONG_PAGES),
    Mechanism("search index loaded when the search opens",
              (removed("overrides/main.html", "  {%- include \"partials/search-on-demand.html\" %}\n"),),
              ("hi/", "hi/autograd/", "glossary/")),
    Mechanism("table of contents of sections only",
              (removed("mkdocs.yml", "      toc_depth: 2  # the table of contents lists a page's sections, "
                                     'not every "The idea" under them\n'),), LONG_PAGES),
    Mechanism("tables wrapped at build time (hooks/scroll_boxes.py)",
              (removed("mkdocs.yml", "  - hooks/scroll_boxes.py\n"),), ("glossary/", "hi/glossary/")),
    Mechanism("no-js class swapped in the head",
              (removed("overrides/main.html",
                       '  <script>document.documentElement.classList.replace("no-js", "js")</script>\n'),),
              ("", "hi/", "autograd/")),
    Mechanism("hreflang links dropped (no sitemap requests)",
              (removed("mkdocs.yml", "  - hooks/language_links.py\n"),), ("", "hi/autograd/")),
]


def mechanisms(runs: int = 3, only: str | None = None, project: Project = PROJECT) -> int:
    """Each mechanism's pages audited with it (the site as it is) and without it."""
    chromium = ready(project)
    if chromium is None:
        return 2
    chosen = [m for m in MECHANISMS if only is None or only in m.name]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        built = site.build(tmp / "site", project)
        if not built.ok:
            print(built.output, file=sys.stderr)
            return 1
        print("| mechanism | page | perf | TBT ms | LCP s | CLS | KB | best pr. |  (with / without)")
        print("|---|---|---|---|---|---|---|---|")
        for n, mechanism in enumerate(chosen):
            copy = project.copy_to(tmp / f"src{n}")
            mechanism.switch_off(copy)
            without = site.build(tmp / f"site{n}", copy)
            if not without.ok:
                print(f"{mechanism.name}: the site does not build without it:\n{without.output[-2000:]}")
                continue
            with site.serve(tmp / "site") as with_url, site.serve(tmp / f"site{n}") as without_url:
                for page in mechanism.pages:
                    a = median_audit(with_url + page, page, chromium, runs)
                    b = median_audit(without_url + page, page, chromium, runs)
                    pairs = [f"{a.scores['performance']} / {b.scores['performance']}",
                             f"{a.tbt_ms:.0f} / {b.tbt_ms:.0f}",
                             f"{a.lcp_ms / 1000:.2f} / {b.lcp_ms / 1000:.2f}",
                             f"{a.cls:.3f} / {b.cls:.3f}", f"{a.bytes / 1000:.0f} / {b.bytes / 1000:.0f}",
                             f"{a.scores['best-practices']} / {b.scores['best-practices']}"]
                    print(f"| {mechanism.name} | /{page} | " + " | ".join(pairs) + " |", flush=True)
    return 0
