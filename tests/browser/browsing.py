"""Helpers of the browser tests: one visit to one page, the checks run on it (each returns a list
of problems), and the report. The JavaScript they run lives in js/*.js."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest

from tools.project import PROJECT

JS = Path(__file__).parent / "js"
AXE = PROJECT.root / "tests" / "vendor" / "axe.min.js"
SCREENSHOTS = PROJECT.root / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 360, "height": 740}
TIMEOUT_MS = 20_000
DEVANAGARI = re.compile(r"[\u0900-\u097F]")
# Loaded only when the search opens (overrides/partials/search-on-demand.html).
SEARCH_INDEX = "search/search_index.json"
MATH_SCRIPT = re.compile(r"katex(\.min)?\.js|auto-render|/math\.js")  # a math engine in the browser
CHECKS = ("load", "math", "figures", "copy", "switcher", "language", "axe")
MIN_CONTRAST = 4.5  # WCAG AA for the text of figures


@cache
def script(name: str) -> str:
    """A function expression from js/<name>.js, for page.evaluate()."""
    return (JS / f"{name}.js").read_text(encoding="utf-8")


def origin_of(url: str) -> str:
    return "/".join(url.split("/", 3)[:3])


def new_context(browser, base_url: str, **options):
    context = browser.new_context(
        viewport=options.pop("viewport", DESKTOP), color_scheme=options.pop("color_scheme", "light"),
        service_workers="block", **options,
    )
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin_of(base_url))
    return context


@dataclass
class Visit:
    """A page opened in the browser, and what happened while it loaded."""

    path: str  # under the site root: "", "autograd/", "hi/autograd/"
    url: str
    page: object
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    @property
    def language(self) -> str:
        return PROJECT.url_language(self.path)


def open_page(context, base_url: str, path: str) -> Visit:
    """Open base_url + path; a request to any other host is recorded and blocked."""
    page = context.new_page()
    visit = Visit(path, base_url + path, page)
    origin = origin_of(base_url) + "/"

    def outside(route):
        visit.outside_requests.append(route.request.url)
        route.abort("blockedbyclient")

    page.route(lambda url: not url.startswith((origin, "data:", "blob:", "about:")), outside)
    page.on("console", lambda m: m.type == "error" and visit.console_errors.append(
        f"{m.text} ({m.location.get('url', '')}:{m.location.get('lineNumber', '')})"))
    page.on("pageerror", lambda error: visit.console_errors.append(f"uncaught: {error}"))
    page.on("request", lambda r: visit.requests.append(r.url))
    page.on("requestfailed", lambda r: visit.failed_requests.append(f"{r.url} ({r.failure})"))
    page.on("response", lambda r: r.status >= 400 and visit.failed_requests.append(
        f"{r.url} (HTTP {r.status})"))
    page.goto(visit.url, wait_until="load")
    settle(page)
    return visit


def settle(page) -> None:
    """Wait until the fonts the page uses are in. A request the page makes unasked after its load
    is still recorded: the audit runs its load check after the others."""
    page.evaluate("document.fonts.ready.then(() => true)")


def open_search(page) -> None:
    """Open the search box and wait until its worker has loaded the index (it says so)."""
    page.locator("input.md-search__input").click()
    page.wait_for_function(script("search_ready"), polling=50)


# --- the checks: each returns a list of problems ----------------------------------------------

def load_problems(visit: Visit) -> list[str]:
    failed = {r.rsplit(" (", 1)[0] for r in visit.failed_requests}
    console = [e for e in visit.console_errors  # the browser's own line about a failed request
               if not (e.startswith("Failed to load resource") and any(u in e for u in failed))]
    unasked = [u for u in visit.requests if u.split("?")[0].endswith(SEARCH_INDEX)]
    return ([f"request to another host: {u}" for u in visit.outside_requests]
            + [f"the search index loaded before the search was opened: {u}" for u in unasked]
            + [f"failed request: {r}" for r in visit.failed_requests]
            + [f"console error: {e}" for e in console])


def math_problems(visit: Visit) -> list[str]:
    """Formulas typeset at build time: none left as TeX, and no math script loaded."""
    engines = [u for u in visit.requests if MATH_SCRIPT.search(u)]
    return visit.page.evaluate(script("math"))["problems"] + [f"a math script loaded: {u}" for u in engines]


def figure_problems(page, path: str) -> list[str]:
    """Every figure of the page: alt text (in Hindi on a Hindi page), a drawn size, labels kept
    as SVG text legible against the figure's card (or, in a notebook, an image that loaded)."""
    problems = []
    for figure in page.evaluate(script("figures")):
        where = f"/{path} figure {figure['id']!r}"
        if not figure["name"].strip():
            problems.append(f"{where}: no alt text (aria-label)")
        elif PROJECT.url_language(path) == "hi" and not DEVANAGARI.search(figure["name"]):
            problems.append(f"{where}: its alt text is not in Hindi: {figure['name'][:60]!r}")
        if figure["width"] < 100 or figure["height"] < 50:
            problems.append(f"{where}: drawn {figure['width']:.0f} x {figure['height']:.0f} px")
        if figure["kind"] == "img":  # a notebook page shows the SVG as an image: its text is its own
            if not figure["loaded"]:
                problems.append(f"{where}: the image did not load")
        elif not figure["texts"]:
            problems.append(f"{where}: no SVG <text>: labels must stay text")
        elif figure["contrast"] < MIN_CONTRAST:
            problems.append(f"{where}: text contrast {figure['contrast']:.1f}:1 on {figure['card']}")
    return problems


def figures_in_both_palettes(visit: Visit) -> list[str]:
    """figure_problems in the light palette, then in the dark one: the inline SVG figures of the
    chapter pages take their colours from the palette (a notebook page shows an image)."""
    problems = figure_problems(visit.page, visit.path)
    switched = visit.page.evaluate("""() => {
        if (!document.querySelector('article figure.course-figure svg')) return null;
        const light = document.body.getAttribute('data-md-color-scheme');
        document.body.setAttribute('data-md-color-scheme', 'slate');
        return light; }""")
    if switched is not None:
        problems += [f"{p} (dark palette)" for p in figure_problems(visit.page, visit.path)]
        visit.page.evaluate("light => document.body.setAttribute('data-md-color-scheme', light)", switched)
    return problems


def _compare(label: str, target: str, copied: str, shown: str | None) -> list[str]:
    if shown is None:
        return [f"{label}: its target {target!r} is not a valid selector of a code block"]
    if not copied:
        return [f"{label} ({target}) put nothing on the clipboard"]
    if copied != shown.rstrip():
        return [f"{label} ({target}) copied {copied[:80]!r}..., the page shows {shown[:80]!r}..."]
    return []


def copy_problems(visit: Visit) -> list[str]:
    """Every code block has a copy button, and each puts exactly the code shown on the
    clipboard: the first visible one clicked with the mouse, then all of them in turn."""
    page = visit.page
    # a reader opens a solution before copying its code
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    problems = [f"a code block without a working copy button: {c!r}"
                for c in page.evaluate(script("uncovered_code"))]
    if page.locator("button[data-clipboard-target]").count() == 0:
        return problems
    first = page.locator("button[data-clipboard-target]:visible").first
    if first.count():
        target = first.get_attribute("data-clipboard-target")
        page.evaluate("navigator.clipboard.writeText('')")
        first.click(timeout=5000)
        copied = page.evaluate("navigator.clipboard.readText()")
        shown = page.evaluate("t => { try { return document.querySelector(t)?.innerText ?? null } "
                              "catch { return null } }", target)
        if shown is not None:  # else the same button is reported below
            problems += _compare("the first copy button, clicked", target, copied, shown)
    for i, (target, copied, shown) in enumerate(page.evaluate(script("copy_all"))):
        problems += _compare(f"copy button {i + 1}", target, copied, shown)
    return problems


def switcher_problems(visit: Visit, pages: set[str]) -> list[str]:
    """The language switcher links to the same page in each language that exists."""
    found = dict(visit.page.evaluate(
        "() => [...document.querySelectorAll('a.md-select__link[hreflang]')]"
        ".map(a => [a.getAttribute('hreflang'), a.href])"))
    base = visit.url[: len(visit.url) - len(visit.path)]
    problems = []
    for language in PROJECT.codes:
        expected = PROJECT.url_counterpart(visit.path, language)
        if language not in found:
            problems.append(f"no language switcher link to {language!r} (expected /{expected})")
        elif found[language] != base + expected:
            problems.append(f"the switcher link to {language!r} leads to {found[language]}, "
                            f"not to the same page {base + expected}")
        elif expected not in pages:
            problems.append(f"the switcher link to {language!r} leads to /{expected}, which was not built")
    return problems


def language_problems(visit: Visit) -> list[str]:
    """`lang` of the page; on a Hindi page, Devanagari text drawn with a Devanagari font."""
    page, problems = visit.page, []
    lang = page.evaluate("document.documentElement.lang")
    if lang != visit.language:
        problems.append(f'<html lang="{lang}">, expected lang="{visit.language}"')
    if visit.language != "hi":
        return problems
    probed = page.evaluate(script("devanagari_probe"), DEVANAGARI.pattern)
    if probed is None:
        return [*problems, "no visible Devanagari text on the page"]
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "[data-devanagari-probe]"})
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
    finally:
        cdp.detach()
    if not any("devanagari" in f["familyName"].lower() and f["glyphCount"] > 0 for f in fonts):
        used = ", ".join(f"{f['familyName']} ({f['glyphCount']} glyphs)" for f in fonts) or "none"
        problems.append(f"the text {probed!r} is not drawn with a Devanagari font; fonts used: {used}")
    return problems


# Left out of the every-page run of axe: the tokens of highlighted code (the same few colours
# on every page, thousands of elements; test_every_page.py runs axe over them on pages of
# each kind) and KaTeX's drawn math (aria-hidden; its MathML is what assistive technology reads).
AXE_EVERY_PAGE_EXCLUDES = (".highlight code", ".katex-html")


def axe_problems(visit: Visit, exclude=()) -> list[str]:
    """axe-core's serious and critical violations, rule id and where. The elements matching
    `exclude` are left out, and first flattened to their text: axe skips them anyway, and their
    thousands of elements (code tokens, KaTeX's drawing) made up most of its time."""
    if exclude:
        visit.page.evaluate("""selectors => { for (const element of document.querySelectorAll(selectors))
            element.replaceChildren(element.textContent); }""", ", ".join(exclude))
    visit.page.add_script_tag(path=str(AXE))
    violations = visit.page.evaluate(script("axe_violations"), list(exclude))
    return [f"{v['impact']} {v['id']} ({v['help']}): {', '.join(v['targets'][:5])}"
            + (f" and {len(v['targets']) - 5} more" if len(v["targets"]) > 5 else "")
            for v in violations]


def audit(context, base_url: str, paths: list[str], checks=CHECKS,
          built: list[str] | None = None) -> dict[str, dict[str, list[str]]]:
    """Open every page once and run the checks on it: {check: {page: problems}}. `built`: every
    page of the site (the language switcher's links are checked against it), else `paths`."""
    built = set(built or paths)
    run: dict[str, Callable[[Visit], list[str]]] = {
        "math": math_problems,
        "figures": figures_in_both_palettes,
        "switcher": lambda v: switcher_problems(v, built),
        "language": language_problems,
        # after the checks that read code and math as drawn (it flattens them), before any click
        "axe": lambda v: axe_problems(v, AXE_EVERY_PAGE_EXCLUDES),
        "copy": copy_problems,
        "load": load_problems,  # last: an error the checks above set off counts too
    }
    report: dict[str, dict[str, list[str]]] = {check: {} for check in checks}
    for path in paths:
        try:
            visit = open_page(context, base_url, path)
        except Exception as error:  # a page that does not load fails every check
            for check in checks:
                report[check]["/" + path] = [f"the page did not load: {error}"]
            continue
        try:
            for check, function in run.items():
                if check in checks:
                    try:
                        problems = function(visit)
                    except Exception as error:
                        problems = [f"the check itself failed: {error}"]
                    if problems:
                        report[check]["/" + path] = problems
        finally:
            visit.page.close()
    return report


def report(problems: dict[str, list[str]], what: str) -> None:
    """Fail with the problems by page, without a traceback: the list is the message."""
    if problems:
        text = "\n".join(f"/{path.lstrip('/')}:\n    " + "\n    ".join(items)
                         for path, items in problems.items())
        pytest.fail(f"{what} ({len(problems)} pages):\n{text}", pytrace=False)
