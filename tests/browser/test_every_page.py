"""Every page in Chromium, opened once (the site_audit fixture): each test reports one check
over all pages. This module audits the default language's pages; test_every_translated_page.py
runs the same tests on the other languages' pages (on another test worker)."""

import pytest
from browsing import axe_problems, open_page, report

AUDITED = "default"


def test_pages_load_offline_without_errors(site_audit):
    """No console error, no failed request, no request to any host but the local one."""
    report(site_audit["load"], "pages with a console error, a failed request or a request to another host")


def test_math_is_rendered(site_audit, built_site, audited_pages):
    report(site_audit["math"], "math not rendered")
    with_math = [p for p in audited_pages
                 if "arithmatex" in (built_site / p / "index.html").read_text("utf-8")]
    assert with_math, "no page has math: the math check checked nothing"


def test_every_figure_loads_with_alt_text_and_legible_text(site_audit, built_site, audited_pages):
    """The inline SVG figures of the chapter pages in both palettes (they take their colours from
    it); a notebook page shows a figure as an image."""
    report(site_audit["figures"], "figures without alt text, not drawn, or with illegible text")
    figures = sum((built_site / p / "index.html").read_text("utf-8").count("course-figure")
                  for p in audited_pages)
    assert figures >= 10, f"only {figures} figures on the built pages: the check checked little"


def test_copy_buttons_copy_the_code_shown(site_audit):
    report(site_audit["copy"], "copy buttons that do not copy the code shown")


def test_language_switcher_leads_to_the_same_page(site_audit):
    report(site_audit["switcher"], "language switchers that do not lead to the same page")


def test_pages_declare_their_language_and_hindi_renders_in_devanagari(site_audit):
    report(site_audit["language"], "language or Devanagari rendering")


def test_no_serious_accessibility_violations(site_audit):
    """axe-core (tests/vendor/axe.min.js): nothing of impact serious or critical."""
    report(site_audit["axe"], "axe-core: serious or critical violations")


@pytest.mark.parametrize("path", ["tiny-lm/", "hi/autograd/", "notebooks/backprop/"])
def test_no_serious_accessibility_violations_in_code_and_math(context, served, pages, path):
    """The whole page to axe-core, highlighted code and drawn math included (the every-page run
    leaves them out: the same colours and markup on every page)."""
    assert path in pages, f"/{path} was not built"
    visit = open_page(context, served, path)
    try:
        problems = axe_problems(visit)
    finally:
        visit.page.close()
    assert not problems, f"/{path}:\n  " + "\n  ".join(problems)
