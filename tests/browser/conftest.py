"""Fixtures of the browser tests: one Chromium, the built site served under the deployed
sub-path, its pages, and one audit of every page (tests/browser/browsing.py holds the checks).

Skipped with a reason when there is no Chromium (.ci/run installs it). pytest-playwright's
fixtures would download their own browser build, which these machines cannot; so one fixture
launches Debian's Chromium through tools/site.py.
"""

import pytest
from browsing import JS, audit, new_context

from tools import site


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole session."""
    executable = site.find_chromium()
    if executable is None:
        pytest.skip(site.NO_CHROMIUM)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = site.launch(playwright, executable)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def served(built_site):
    """The site as deployed (built for the sub-path), served: its base URL."""
    with site.serve(built_site) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def pages(built_site, project) -> list[str]:
    found = site.site_pages(built_site, project)
    assert {project.url_language(p) for p in found} == set(project.codes), f"pages of every language: {found}"
    return found


@pytest.fixture(scope="module")
def audited_pages(request, pages, project) -> list[str]:
    """The pages a module of the every-page audit opens: its AUDITED languages ("default" or
    "translations"), so that the two halves of the audit run on two test workers at once."""
    languages = {"default": [project.default_language],
                 "translations": project.translations}[request.module.AUDITED]
    return [p for p in pages if project.url_language(p) in languages]


@pytest.fixture(scope="module")
def site_audit(browser, served, pages, audited_pages):
    """Every page of the module's languages, opened once, every check run."""
    context = new_context(browser, served)
    context.add_init_script(path=str(JS / "all_visible.js"))  # every code block set up at once
    try:
        yield audit(context, served, audited_pages, built=pages)
    finally:
        context.close()


@pytest.fixture
def context(browser, served):
    """A fresh browser context (empty cache, clipboard allowed) for one test."""
    context = new_context(browser, served)
    yield context
    context.close()
