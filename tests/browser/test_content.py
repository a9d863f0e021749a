"""What the pages teach with, in Chromium: formulas typeset at build time (no math script on
any page), the dark palette for a reader whose system is dark, and exercise solutions that open
on a click and show their verified output."""

import pytest
from browsing import MATH_SCRIPT, SCREENSHOTS, figure_problems, new_context, open_page, script

from tools import exercises
from tools.project import PROJECT

MATH_PAGES = ["autograd/", "hi/autograd/", "notebooks/autograd/", "hi/notebooks/autograd/"]


@pytest.mark.parametrize("path", MATH_PAGES)
def test_formulas_are_typeset_with_no_math_script(context, served, pages, path):
    assert path in pages, f"/{path} was not built"
    visit = open_page(context, served, path)
    try:
        scripts = [u for u in visit.requests if MATH_SCRIPT.search(u)]
        assert not scripts, f"/{path} loads a math script: {scripts}"
        result = visit.page.evaluate(script("math"))
        assert not result["problems"], f"/{path}: {result['problems']}"
        typeset = visit.page.evaluate("document.querySelectorAll('.katex math').length")
        assert typeset > 5, f"/{path} has {typeset} typeset formulas with MathML"
    finally:
        visit.page.close()


@pytest.mark.parametrize("path", ["autograd/", "hi/backprop/"])
def test_dark_mode_screenshots_of_figures(browser, served, pages, path):
    """A reader whose system is dark gets the dark palette (the audit, test_every_page.py, checks
    every figure in both); two figures, one of them Hindi: screenshots/dark-*.png to look at."""
    context = new_context(browser, served, color_scheme="dark")
    try:
        page = context.new_page()
        page.goto(served + path, wait_until="load")
        palette = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert palette == "slate", f"/{path}: palette {palette} for a reader whose system is dark"
        page.evaluate("document.fonts.ready.then(() => true)")
        figure = page.locator("article figure.course-figure").first
        figure.scroll_into_view_if_needed()
        SCREENSHOTS.mkdir(exist_ok=True)
        name = f"dark-{path.strip('/').replace('/', '-')}-figure.png"
        figure.screenshot(path=str(SCREENSHOTS / name))
        assert (SCREENSHOTS / name).stat().st_size > 5000, f"screenshots/{name} is (nearly) empty"
        assert not figure_problems(page, path)
    finally:
        context.close()


@pytest.mark.parametrize("language", PROJECT.codes)
def test_a_solution_opens_and_shows_its_output(context, served, language):
    chapter = "autograd"
    first = next(e for e in exercises.of_page(PROJECT.page(chapter, language)) if e.solution)
    expected = (PROJECT.snippets / first.solution).with_suffix(".out").read_text(encoding="utf-8")
    path = PROJECT.url_counterpart(f"{chapter}/", language)
    page = context.new_page()
    page.goto(served + path, wait_until="load")
    solution = page.locator("article details.success").first
    output = solution.locator("pre").last
    assert not solution.evaluate("d => d.open"), f"/{path}: the solution is open before a click"
    assert not output.is_visible(), f"/{path}: the solution's output shows before a click"
    solution.locator("summary").click()
    assert solution.evaluate("d => d.open"), f"/{path}: the solution did not open"
    assert output.is_visible(), f"/{path}: the solution's output does not show once opened"
    shown = solution.inner_text()
    for line in expected.strip().splitlines():
        assert line.strip() in shown, f"/{path}: the opened solution does not show {line!r}"


def test_a_code_block_gets_its_copy_button_when_the_reader_reaches_it(context, served):
    """The theme sets up a code block (copy button, keyboard focus) once it has been on screen
    (`content.lazy`); until then the block is already reachable by keyboard (hooks/scroll_boxes.py),
    and the theme takes the focus back from a block that fits."""
    page = context.new_page()
    page.goto(served + "tiny-lm/", wait_until="load")
    last = page.locator("article > .highlight pre > code").last  # not one in a closed solution
    assert last.get_attribute("tabindex") == "0", "a code block not yet set up is not keyboard-reachable"
    assert last.locator("xpath=ancestor::pre[1]//button[@data-clipboard-target]").count() == 0, (
        "the last code block of /tiny-lm/ has a copy button before the reader reached it: is the "
        "`content.lazy` feature still in mkdocs.yml?")
    last.scroll_into_view_if_needed()
    button = last.locator("xpath=ancestor::pre[1]//button[@data-clipboard-target]")
    button.wait_for(state="attached", timeout=5000)
    fits = last.evaluate("code => code.scrollWidth <= code.clientWidth")
    assert (last.get_attribute("tabindex") is None) == fits, (
        "once set up, a code block should be focusable exactly when it scrolls sideways")
