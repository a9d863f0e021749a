"""Lighthouse on every page of the built site, the way the web measures a page (`python -m tools
bench lighthouse [PAGE ...]`).

The site is built as deployed, served gzip-compressed as a static host serves it, and each page
is audited by Lighthouse (the version pinned in package.json; `npm ci` installs it) with its
mobile preset: simulated slow 4G, 4x CPU slowdown, a phone's screen. Printed per page: the four
category scores, total blocking time, largest contentful paint, cumulative layout shift, bytes
sent and DOM elements, against the goals below. A figure, not a test: nothing is asserted.
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


def main(pages: list[str] | None = None, site_dir: Path | None = None, project: Project = PROJECT) -> int:
    if not LIGHTHOUSE.exists():
        print(f"{LIGHTHOUSE.relative_to(project.root)} not found: run `npm ci` in the repository root "
              "(it installs the Lighthouse version package.json pins)", file=sys.stderr)
        return 2
    chromium = site.find_chromium()
    if chromium is None:
        print(site.NO_CHROMIUM, file=sys.stderr)
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
                results.append(audit(base_url + page, page, chromium))
                print(f"  /{page}: performance {results[-1].scores['performance']}", file=sys.stderr)
    print(table(results))
    missed = [r for r in results if r.misses()]
    print(f"\n{len(results) - len(missed)} of {len(results)} pages within every goal "
          f"(performance >= {GOALS['performance']}, TBT <= {TBT_MS} ms, LCP <= {LCP_MS / 1000} s, "
          f"CLS {CLS:g}, the other categories 100)")
    return 0
