"""A phone-sized viewport: no page scrolls sideways (screenshots in screenshots/, ignored by git)."""

import pytest
from browsing import MOBILE, SCREENSHOTS, new_context, script

from tools.project import PROJECT


@pytest.mark.parametrize("path", ["", "autograd/"])
@pytest.mark.parametrize("language", PROJECT.codes)
def test_mobile_viewport_has_no_horizontal_scroll(browser, served, pages, language, path):
    name = f"mobile-{language}-{path.strip('/').replace('/', '-') or 'home'}"
    path = PROJECT.url_counterpart(path, language)
    assert path in pages, f"/{path} was not built"
    base_url = served
    context = new_context(browser, base_url, viewport=MOBILE, is_mobile=True, has_touch=True,
                          device_scale_factor=2)
    try:
        page = context.new_page()
        page.goto(base_url + path, wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))  # the first screen
        widths = page.evaluate(script("too_wide"))
    finally:
        context.close()
    assert max(widths["page"], widths["body"]) <= widths["view"], (
        f"/{path} scrolls sideways on a 360 px wide phone: the page is {max(widths['page'], widths['body'])} "
        f"px wide; too wide: {widths['wide']} (screenshot: screenshots/{name}.png)")


