"""The browser checks catch a broken site: a copy of the built site, broken on purpose."""

import re
import shutil

from browsing import audit, new_context

from tools import site


def test_offline_check_catches_a_script_from_a_cdn(browser, built_site, tmp_path):
    site_dir = tmp_path / "site"
    shutil.copytree(built_site, site_dir)
    home = site_dir / "index.html"
    home.write_text(home.read_text("utf-8").replace(
        "</body>", '<script src="https://cdn.example.invalid/x.js"></script></body>', 1), encoding="utf-8")
    with site.serve(site_dir) as base_url:
        context = new_context(browser, base_url)
        try:
            report = audit(context, base_url, [""], checks=("load",))
        finally:
            context.close()
    problems = report["load"].get("/", [])
    assert any("request to another host: https://cdn.example.invalid/x.js" in p for p in problems), problems


def test_switcher_check_catches_a_missing_link(browser, built_site, tmp_path):
    site_dir = tmp_path / "site"
    shutil.copytree(built_site, site_dir)
    hindi = site_dir / "hi" / "index.html"
    html, removed = re.subn(r'<li class="md-select__item">\s*<a [^>]*hreflang="en"[^>]*>.*?</a>\s*</li>',
                            "", hindi.read_text("utf-8"), flags=re.S)
    assert removed == 1, "the built Hindi home page has no switcher link to English to remove"
    hindi.write_text(html, encoding="utf-8")
    with site.serve(site_dir) as base_url:
        context = new_context(browser, base_url)
        try:
            report = audit(context, base_url, ["hi/", ""], checks=("switcher",))
        finally:
            context.close()
    assert "/" not in report["switcher"], report["switcher"]
    assert any("no language switcher link to 'en'" in p for p in report["switcher"].get("/hi/", [])), report
