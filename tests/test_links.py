"""Every internal link and anchor of the built site resolves, in both languages.

Reads the HTML the strict build wrote (no browser): each <a href>, and each
stylesheet, script, image and <link> that points into the site, must name a
file that exists, and a #fragment on a page must be an id on that page.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

ORIGIN = "http://site.test"  # stands in for wherever the site is served
# (tag, attribute) pairs that name something the site itself must hold
REFERENCES = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"),
              ("iframe", "src")}


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.references: list[tuple[str, str]] = []  # (tag, URL)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.append(attributes["id"])
        if tag == "a" and attributes.get("name"):
            self.ids.append(attributes["name"])
        for name, value in attributes.items():
            if (tag, name) in REFERENCES and value is not None:
                if tag == "link" and "canonical" in (attributes.get("rel") or ""):
                    continue  # site_url's address, not a file of this build
                self.references.append((tag, value))


def parse(path: Path) -> _Page:
    return _parsed(path.read_text(encoding="utf-8"))


@cache
def _parsed(html: str) -> _Page:
    """By content: the three tests read the same pages (the broken copy differs in one page)."""
    page = _Page()
    page.feed(html)
    page.close()
    return page


def site_prefix(site_dir: Path) -> tuple[str, str]:
    """(absolute URL the site was built for or "", its path): from sitemap.xml, which
    holds site_url's addresses when site_url is set."""
    sitemap = site_dir / "sitemap.xml"
    if sitemap.exists():
        locations = re.findall(r"<loc>(https?://[^<]+)</loc>", sitemap.read_text(encoding="utf-8"))
        if locations:
            home = urlsplit(min(locations, key=len))  # the shortest: the home page
            path = home.path if home.path.endswith("/") else home.path.rsplit("/", 1)[0] + "/"
            return f"{home.scheme}://{home.netloc}", path
    return "", "/"


def link_problems(site_dir: Path) -> list[str]:
    """Every broken internal reference of the built site at site_dir, one line each."""
    pages = {p.relative_to(site_dir).as_posix(): parse(p) for p in sorted(site_dir.rglob("*.html"))}
    ids = {name: set(page.ids) for name, page in pages.items()}
    built_for, prefix = site_prefix(site_dir)
    problems = []
    for name, page in pages.items():
        directory = name.rsplit("/", 1)[0] + "/" if "/" in name else ""
        here = f"{ORIGIN}{prefix}{directory}"
        for tag, reference in page.references:
            if reference in ("", "#") or reference.startswith(("mailto:", "javascript:", "data:", "tel:")):
                continue
            if built_for and reference.startswith(built_for):
                reference = ORIGIN + reference[len(built_for):]
            url = urlsplit(urljoin(here, reference))
            if f"{url.scheme}://{url.netloc}" != ORIGIN:
                continue  # another site
            where = f"{name}: <{tag}> {reference}"
            if not url.path.startswith(prefix):
                problems.append(f"{where}: points outside the site's path {prefix}")
                continue
            target = unquote(url.path[len(prefix):])
            if target == "" or target.endswith("/"):
                target += "index.html"
            if not (site_dir / target).is_file():
                if (site_dir / target / "index.html").is_file():
                    target = f"{target}/index.html"
                else:
                    problems.append(f"{where}: no such file {target}")
                    continue
            fragment = unquote(url.fragment)
            if fragment and target.endswith(".html") and fragment not in ids[target]:
                problems.append(f"{where}: no id {fragment!r} on {target}")
    return problems


def duplicate_ids(site_dir: Path) -> list[str]:
    problems = []
    for path in sorted(site_dir.rglob("*.html")):
        repeated = sorted(i for i, n in Counter(parse(path).ids).items() if n > 1)
        if repeated:
            problems.append(f"{path.relative_to(site_dir).as_posix()}: {', '.join(repeated)}")
    return problems


def test_every_internal_link_and_anchor_resolves(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert any(p.relative_to(built_site).parts[0] == "hi" for p in pages), "no Hindi pages were built"
    problems = link_problems(built_site)
    if problems:
        pytest.fail(f"{len(problems)} broken links:\n" + "\n".join(problems), pytrace=False)


def test_anchors_are_unique_on_each_page(built_site):
    """A repeated id makes a link to the second one land on the first; the theme's
    search, which keys its sections by page and id, then fails on the page as well."""
    problems = duplicate_ids(built_site)
    if problems:
        pytest.fail("ids used more than once on a page:\n" + "\n".join(problems), pytrace=False)


def test_link_check_catches_a_missing_page_and_anchor(built_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    hindi = site / "hi" / "index.html"
    html = hindi.read_text(encoding="utf-8").replace(
        "</article>",
        '<a href="../autograd/#no-such-anchor">x</a><a href="no-such-page/">y</a>'
        '<a href="../assets/no-such.css">z</a></article>', 1)
    hindi.write_text(html, encoding="utf-8")
    problems = "\n".join(link_problems(site))
    assert "hi/index.html: <a> ../autograd/#no-such-anchor: no id 'no-such-anchor'" in problems, problems
    assert "hi/index.html: <a> no-such-page/: no such file hi/no-such-page/index.html" in problems, problems
    assert "hi/index.html: <a> ../assets/no-such.css: no such file assets/no-such.css" in problems, problems
