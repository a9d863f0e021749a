"""The built site in a real browser: Debian's Chromium driven by Playwright.

The site is served on 127.0.0.1 under a sub-path (/llm-basics-pytorch/), as a
GitHub project page is. Every page in both languages is opened once, in one
browser, and every check below runs on that visit; each test then reports one
check over all pages. The checks are functions that return a list of problems,
so the negative tests at the end can show that they catch a broken site.

Skipped with a reason when there is no Chromium (.ci/run installs it).
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import DEPLOYED_SITE_URL, ROOT

from tools.bench_weight import (
    LANGUAGES,
    SUB_PATH,
    counterpart,
    find_chromium,
    language_of,
    launch,
    serve,
    site_pages,
)

pytestmark = pytest.mark.browser

AXE = ROOT / "tests" / "vendor" / "axe.min.js"
SCREENSHOTS = ROOT / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 360, "height": 740}
TIMEOUT_MS = 20_000
SEARCH_TIMEOUT_MS = 10_000
DEVANAGARI = re.compile(r"[\u0900-\u097F]")
CHECKS = ("load", "math", "copy", "switcher", "language", "axe")


# --- fixtures -------------------------------------------------------------------

@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole session."""
    executable = find_chromium()
    if executable is None:  # the same reason as conftest's chromium_path fixture
        pytest.skip("no Chromium found at /usr/bin/chromium (.ci/run installs it with apt-get)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright, executable)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def site(built_site):
    """The site as it is deployed, served: (site dir, base URL).

    built_site is built with SITE_URL on the local sub-path, as the Pages
    workflow builds it (mkdocs-static-i18n writes the home pages' language
    links from that path)."""
    assert urlsplit(DEPLOYED_SITE_URL).path == SUB_PATH
    with serve(built_site) as base_url:
        yield built_site, base_url


def new_context(browser, base_url: str, **options):
    context = browser.new_context(
        viewport=options.pop("viewport", DESKTOP), color_scheme="light",
        service_workers="block", **options,
    )
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin_of(base_url))
    return context


def origin_of(url: str) -> str:
    return "/".join(url.split("/", 3)[:3])


# --- one visit to one page -----------------------------------------------------

@dataclass
class Visit:
    """A page opened in the browser, and what happened while it loaded."""

    path: str  # under the site root: "", "autograd/", "hi/autograd/"
    url: str
    page: object
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)

    @property
    def language(self) -> str:
        return language_of(self.path)


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
    page.on("requestfailed", lambda r: visit.failed_requests.append(f"{r.url} ({r.failure})"))
    page.on("response", lambda r: r.status >= 400 and visit.failed_requests.append(
        f"{r.url} (HTTP {r.status})"))
    page.goto(visit.url, wait_until="load")
    if not settle(page):
        visit.console_errors.append(f"the search did not get ready within {SEARCH_TIMEOUT_MS // 1000} s")
    return visit


SEARCH_READY = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  const config = document.getElementById('__config');
  if (meta === null || config === null) return true;  // a page without the theme's search
  const ready = JSON.parse(config.textContent).translations['search.result.placeholder'];
  return meta.textContent.trim() === ready;
}"""


def settle(page) -> bool:
    """Wait until the search worker has loaded its index and language scripts (it says
    so in the search box) and the fonts the page uses are in; False if the search
    never got ready."""
    try:
        page.wait_for_function(SEARCH_READY, timeout=SEARCH_TIMEOUT_MS, polling=50)
        ready = True
    except Exception:
        page.wait_for_load_state("networkidle")
        ready = False
    page.evaluate("document.fonts.ready.then(() => true)")
    return ready


# --- the checks: each returns a list of problems ----------------------------------

def load_problems(visit: Visit) -> list[str]:
    failed = {r.rsplit(" (", 1)[0] for r in visit.failed_requests}
    console = [e for e in visit.console_errors  # the browser's own line about a failed request
               if not (e.startswith("Failed to load resource") and any(u in e for u in failed))]
    return ([f"request to another host: {u}" for u in visit.outside_requests]
            + [f"failed request: {r}" for r in visit.failed_requests]
            + [f"console error: {e}" for e in console])


MATH_JS = """() => {
  const problems = [];
  const formulas = [...document.querySelectorAll('.arithmatex')];
  for (const f of formulas) {
    if (!f.querySelector('.katex')) problems.push('not rendered: ' + f.textContent.trim().slice(0, 60));
  }
  for (const e of document.querySelectorAll('.katex-error')) {
    problems.push('KaTeX error: ' + (e.getAttribute('title') || e.textContent).slice(0, 120));
  }
  const article = document.querySelector('article') || document.body;
  const text = article.cloneNode(true);
  for (const e of text.querySelectorAll('pre, code, .katex, script, style')) e.remove();
  const raw = text.textContent.match(/.{0,30}(\\$\\$|\\\\\\[|\\\\\\(|\\\\begin\\{).{0,30}/);
  if (raw) problems.push('raw TeX in the page: ' + JSON.stringify(raw[0]));
  return {problems, formulas: formulas.length};
}"""


def math_problems(visit: Visit) -> list[str]:
    return visit.page.evaluate(MATH_JS)["problems"]


COPY_ALL_JS = """async () => {
  // every copy button in turn, as the theme wires it, and what it put on the clipboard
  const results = [];
  for (const button of document.querySelectorAll('button[data-clipboard-target]')) {
    const target = button.getAttribute('data-clipboard-target');
    await navigator.clipboard.writeText('');
    button.click();
    const copied = await navigator.clipboard.readText();
    let shown = null;
    try { shown = document.querySelector(target)?.innerText ?? null; } catch { /* not a selector */ }
    results.push([target, copied, shown]);
  }
  await navigator.clipboard.writeText('');
  return results;
}"""

UNCOVERED_JS = """() => {
  const targets = new Set();
  for (const b of document.querySelectorAll('[data-clipboard-target]')) {
    try { targets.add(document.querySelector(b.getAttribute('data-clipboard-target'))); } catch {}
  }
  // a block whose button is there but names it wrongly is reported by the button
  return [...document.querySelectorAll('article pre > code')]
    .filter(code => !targets.has(code) && !code.parentElement.querySelector('[data-clipboard-target]'))
    .map(code => (code.parentElement.id ? '#' + code.parentElement.id + ': ' : '')
                 + code.innerText.trim().slice(0, 40));
}"""


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
    problems = [f"a code block without a working copy button: {c!r}" for c in page.evaluate(UNCOVERED_JS)]
    buttons = page.locator("button[data-clipboard-target]")
    if buttons.count() == 0:
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
    for i, (target, copied, shown) in enumerate(page.evaluate(COPY_ALL_JS)):
        problems += _compare(f"copy button {i + 1}", target, copied, shown)
    return problems


def switcher_problems(visit: Visit, pages: set[str]) -> list[str]:
    """The language switcher links to the same page in each language that exists."""
    links = visit.page.evaluate(
        "() => [...document.querySelectorAll('a.md-select__link[hreflang]')]"
        ".map(a => [a.getAttribute('hreflang'), a.href])")
    found = dict(links)
    base = visit.url[: len(visit.url) - len(visit.path)]
    problems = []
    for language in LANGUAGES:
        expected = counterpart(visit.path, language)
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
    probed = page.evaluate("""(pattern) => {
      const re = new RegExp(pattern);
      // the page's own text first, else the header and navigation (an untranslated page)
      for (const scope of [document.querySelector('article'), document.body]) {
        if (scope === null) continue;
        for (const e of scope.querySelectorAll('*')) {
          if (e.closest('script, style, pre, code, .katex, [hidden]') || e.offsetParent === null) continue;
          const own = [...e.childNodes].filter(n => n.nodeType === 3).map(n => n.data).join('');
          if (re.test(own)) { e.setAttribute('data-devanagari-probe', ''); return own.trim().slice(0, 40); }
        }
      }
      return null;
    }""", DEVANAGARI.pattern)
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


def axe_problems(visit: Visit) -> list[str]:
    """axe-core's serious and critical violations, rule id and where."""
    page = visit.page
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("""async () => {
      const result = await axe.run(document, {resultTypes: ['violations']});
      return result.violations
        .filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => ({id: v.id, impact: v.impact, help: v.help,
                    targets: v.nodes.map(n => n.target.join(' '))}));
    }""")
    return [f"{v['impact']} {v['id']} ({v['help']}): {', '.join(v['targets'][:5])}"
            + (f" and {len(v['targets']) - 5} more" if len(v["targets"]) > 5 else "")
            for v in violations]


def audit(context, base_url: str, paths: list[str], checks=CHECKS) -> dict[str, dict[str, list[str]]]:
    """Open every page once and run the checks on it: {check: {page: problems}}."""
    built = set(paths)
    run: dict[str, Callable[[Visit], list[str]]] = {
        "axe": axe_problems,  # first: the page as it loaded, nothing clicked yet
        "math": math_problems,
        "switcher": lambda v: switcher_problems(v, built),
        "language": language_problems,
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


def describe(problems: dict[str, list[str]]) -> str:
    return "\n".join(f"/{path.lstrip('/')}:\n    " + "\n    ".join(items) for path, items in problems.items())


def report(problems: dict[str, list[str]], what: str) -> None:
    """Fail with the problems by page, without a traceback: the list is the message."""
    if problems:
        pytest.fail(f"{what} ({len(problems)} pages):\n{describe(problems)}", pytrace=False)


@pytest.fixture(scope="session")
def pages(site) -> list[str]:
    site_dir, _ = site
    found = site_pages(site_dir)
    assert {language_of(p) for p in found} == set(LANGUAGES), f"pages of both languages expected: {found}"
    return found


@pytest.fixture(scope="session")
def site_audit(browser, site, pages):
    """Every page of both languages, opened once, every check run."""
    _, base_url = site
    context = new_context(browser, base_url)
    try:
        yield audit(context, base_url, pages)
    finally:
        context.close()


# --- every page, both languages ------------------------------------------------------

def test_pages_load_offline_without_errors(chromium_path, site_audit):
    """No console error, no failed request, no request to any host but the local one."""
    report(site_audit["load"], "pages with a console error, a failed request or a request to another host")


def test_math_is_rendered(chromium_path, site_audit, site, pages):
    report(site_audit["math"], "math not rendered")
    site_dir, _ = site
    with_math = [p for p in pages if "arithmatex" in (site_dir / p / "index.html").read_text("utf-8")]
    assert with_math, "no page has math: the math check checked nothing"


def test_copy_buttons_copy_the_code_shown(chromium_path, site_audit):
    report(site_audit["copy"], "copy buttons that do not copy the code shown")


def test_language_switcher_leads_to_the_same_page(chromium_path, site_audit):
    report(site_audit["switcher"], "language switchers that do not lead to the same page")


def test_pages_declare_their_language_and_hindi_renders_in_devanagari(chromium_path, site_audit):
    report(site_audit["language"], "language or Devanagari rendering")


def test_no_serious_accessibility_violations(chromium_path, site_audit):
    """axe-core (tests/vendor/axe.min.js): nothing of impact serious or critical."""
    report(site_audit["axe"], "axe-core: serious or critical violations")


# --- interactions ---------------------------------------------------------------------

def switch_language(page, language: str) -> None:
    page.locator(".md-select").first.hover()
    page.locator(f"a.md-select__link[hreflang='{language}']").click()
    page.wait_for_load_state("load")


@pytest.mark.parametrize("path", ["", "autograd/"])
def test_switching_language_and_back_by_clicking(chromium_path, browser, site, pages, path):
    if path not in pages:
        pytest.skip(f"/{path} was not built")
    _, base_url = site
    context = new_context(browser, base_url)
    try:
        page = context.new_page()
        page.goto(base_url + path)
        for language in (*LANGUAGES[1:], LANGUAGES[0]):
            switch_language(page, language)
            expected = base_url + counterpart(path, language)
            assert page.url == expected, f"the switcher to {language!r} led to {page.url}, not {expected}"
            lang = page.evaluate("document.documentElement.lang")
            assert lang == language, f"{page.url} has lang={lang!r}"
    finally:
        context.close()


def hindi_search_term(site_dir: Path) -> tuple[str, set[str]]:
    """A Hindi word from the text of a Hindi page, on as few pages as possible, and
    the pages (paths under hi/) that have it. Words are cut as the search cuts them:
    at spaces and hyphens, with punctuation trimmed."""
    docs = json.loads((site_dir / "hi" / "search" / "search_index.json").read_text("utf-8"))["docs"]
    pages_with: dict[str, set[str]] = {}
    for doc in docs:
        text = re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}")
        for token in re.split(r"[\s\-]+", text):
            word = re.sub(r"^[^\w\u0900-\u097F]+|[^\w\u0900-\u097F]+$", "", token)
            if re.fullmatch(r"[\u0900-\u097F]{5,}", word):
                pages_with.setdefault(word, set()).add(doc["location"].split("#")[0])
    assert pages_with, "no Hindi words in hi/search/search_index.json"
    # the rarest word, a chapter's (not the home page's) when there is a choice
    word = min(pages_with, key=lambda w: (len(pages_with[w]), "" in pages_with[w], w))
    return word, pages_with[word]


SEARCH_DONE = """() => {
  const none = JSON.parse(document.getElementById('__config').textContent).translations['search.result.none'];
  return document.querySelector('.md-search-result__list a.md-search-result__link') !== null
    || document.querySelector('.md-search-result__meta').textContent.trim() === none;
}"""


def search_results(browser, base_url: str, path: str, term: str) -> set[str]:
    """Type a term into the search box of a page; the result pages' URLs."""
    context = new_context(browser, base_url)
    try:
        page = context.new_page()
        page.goto(base_url + path)
        page.wait_for_function(SEARCH_READY, polling=50)
        search = page.locator("input.md-search__input")
        search.click()
        search.fill(term)
        search.press("End")
        page.wait_for_function(SEARCH_DONE, polling=50)
        hrefs = page.locator(".md-search-result__list a.md-search-result__link").evaluate_all(
            "as => as.map(a => a.href)")
    finally:
        context.close()
    return {urlsplit(h)._replace(query="", fragment="").geturl() for h in hrefs}


def test_hindi_search_lists_the_hindi_page_with_the_term(chromium_path, browser, site):
    """Typed on a Hindi page, a Hindi word lists the Hindi page that has it, and only
    Hindi pages (each language searches its own index)."""
    site_dir, base_url = site
    word, having = hindi_search_term(site_dir)
    found = search_results(browser, base_url, "hi/", word)
    expected = {base_url + "hi/" + p for p in having}
    assert expected & found, (f"searching {word!r} on a Hindi page lists {sorted(found)}, "
                              f"none of the Hindi pages with it: {sorted(expected)}")
    others = sorted(u for u in found if not u.startswith(base_url + "hi/"))
    assert not others, f"searching {word!r} on a Hindi page lists pages of another language: {others}"


def test_english_search_lists_english_pages(chromium_path, browser, site):
    """Typed on an English page, an English word lists English pages only."""
    _, base_url = site
    found = search_results(browser, base_url, "autograd/", "gradient")
    assert base_url + "autograd/" in found, f"'gradient' lists {sorted(found)}"
    hindi = sorted(u for u in found if u.startswith(base_url + "hi/"))
    assert not hindi, f"searching 'gradient' on an English page lists Hindi pages: {hindi}"


@pytest.mark.parametrize("path", ["", "autograd/"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_mobile_viewport_has_no_horizontal_scroll(chromium_path, browser, site, pages, language, path):
    name = f"mobile-{language}-{path.strip('/').replace('/', '-') or 'home'}"
    path = counterpart(path, language)
    if path not in pages:
        pytest.skip(f"/{path} was not built")
    _, base_url = site
    context = new_context(browser, base_url, viewport=MOBILE, is_mobile=True, has_touch=True,
                          device_scale_factor=2)
    try:
        page = context.new_page()
        page.goto(base_url + path, wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
        widths = page.evaluate("""() => {
          const view = document.documentElement.clientWidth;
          const wide = [...document.body.querySelectorAll('*')]
            .filter(e => e.getBoundingClientRect().right > view + 1 && e.closest('[hidden]') === null)
            .filter(e => {  // the outermost culprits, not what is inside a scrolling box
              for (let p = e.parentElement; p; p = p.parentElement) {
                if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return false;
              }
              return true;
            })
            .slice(0, 5)
            .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : ''));
          return {view, page: document.documentElement.scrollWidth, body: document.body.scrollWidth, wide};
        }""")
    finally:
        context.close()
    assert max(widths["page"], widths["body"]) <= widths["view"], (
        f"/{path} scrolls sideways on a 360 px wide phone: the page is {max(widths['page'], widths['body'])} "
        f"px wide; too wide: {widths['wide']} (screenshot: screenshots/{name}.png)")


# --- the checks catch a broken site -------------------------------------------------------

def test_offline_check_catches_a_script_from_a_cdn(chromium_path, browser, site, tmp_path):
    site_dir = tmp_path / "site"
    shutil.copytree(site[0], site_dir)
    home = site_dir / "index.html"
    home.write_text(home.read_text("utf-8").replace(
        "</body>", '<script src="https://cdn.example.invalid/x.js"></script></body>', 1), encoding="utf-8")
    with serve(site_dir) as base_url:
        context = new_context(browser, base_url)
        try:
            report = audit(context, base_url, [""], checks=("load",))
        finally:
            context.close()
    problems = report["load"].get("/", [])
    assert any("request to another host: https://cdn.example.invalid/x.js" in p for p in problems), problems


def test_switcher_check_catches_a_missing_link(chromium_path, browser, site, tmp_path):
    site_dir = tmp_path / "site"
    shutil.copytree(site[0], site_dir)
    hindi = site_dir / "hi" / "index.html"
    html, removed = re.subn(r'<li class="md-select__item">\s*<a [^>]*hreflang="en"[^>]*>.*?</a>\s*</li>',
                            "", hindi.read_text("utf-8"), flags=re.S)
    assert removed == 1, "the built Hindi home page has no switcher link to English to remove"
    hindi.write_text(html, encoding="utf-8")
    with serve(site_dir) as base_url:
        context = new_context(browser, base_url)
        try:
            report = audit(context, base_url, ["hi/", ""], checks=("switcher",))
        finally:
            context.close()
    assert "/" not in report["switcher"], report["switcher"]
    assert any("no language switcher link to 'en'" in p for p in report["switcher"].get("/hi/", [])), report
