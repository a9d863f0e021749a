"""The built site's stylesheets, without the rules no page can use (hooks/unused_css.py), style
every element as the original stylesheets do.

The rule of the hook is checked in the browser: no element of any page (test_every_page.py,
solutions open and a copy button clicked), of the search results, of a phone's open
navigation drawer or of the other tab of a tabbed block is one a removed rule could style
(the rule's selector, pseudo-classes such as :hover left out, matches no element). A rule
that matches no element changes no element's style; one page is also drawn with the
original stylesheets put back, and the computed style of every element compared. The hook's
reading of CSS is checked on stylesheets written for the purpose."""

from __future__ import annotations

import pytest
from browsing import (
    DESKTOP,
    MOBILE,
    new_context,
    open_search,
    original_stylesheets,
    script,
    settle,
    styles_problems,
)

from tools import site


@pytest.fixture(scope="module")
def hook():
    return site.load_hook("unused_css")


# --- the rule, on every page and in the states JavaScript brings -------------------------------

def interact(page, device: str) -> None:
    """What a reader does that makes JavaScript add elements and classes."""
    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
    for label in page.locator(".tabbed-labels > label").all()[1:2]:
        label.click()
    if device == "phone":
        page.locator("label.md-header__button[for=__drawer]").click()
        page.wait_for_timeout(300)
    else:
        open_search(page)
        search = page.locator("input.md-search__input")
        search.fill("tensor")  # an English word: on a Hindi page too, in its code and names
        search.press("End")
        page.wait_for_function(script("search_done"), polling=50)
        page.locator(".md-search-result__item").first.hover()


@pytest.mark.parametrize("device", ["desktop", "phone"])
@pytest.mark.parametrize("path", ["tiny-lm/", "hi/notebooks/backprop/"])
def test_no_element_a_reader_brings_up_is_one_a_removed_rule_styled(browser, served, pages, removed,
                                                                   path, device):
    assert path in pages, f"/{path} was not built"
    context = new_context(browser, served, viewport=DESKTOP if device == "desktop" else MOBILE)
    try:
        page = context.new_page()
        page.goto(served + path, wait_until="load")
        settle(page)
        interact(page, device)
        problems = styles_problems(page, removed)
    finally:
        context.close()
    assert not problems, f"/{path} ({device}):\n  " + "\n  ".join(problems)


def test_the_check_finds_an_element_a_removed_rule_would_style(browser, served):
    context = new_context(browser, served)
    try:
        page = context.new_page()
        page.goto(served, wait_until="load")
        problems = styles_problems(page, [".md-nowhere-at-all", ".md-header .md-header__title", "a:::b"])
    finally:
        context.close()
    assert len(problems) == 2, problems
    assert ".md-header .md-header__title" in problems[0] and "not a selector" in problems[1], problems


# --- one page drawn with both sets of stylesheets -----------------------------------------------

# Transitions and animations off in both drawings: a computed style caught mid-transition differs.
STILL = "*,*::before,*::after{transition:none!important;animation:none!important}"
# Every element's computed style (a hash of it, or for the elements in `indices` the text), and
# its ::before and ::after where they are drawn. Custom properties only on the root: elsewhere
# they matter through the properties that use them, which are compared.
STYLES = """(indices) => {
  const hash = text => {
    let h = 0;
    for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
    return h;
  };
  const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (typeof el.className === 'string' && el.className
        ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  const out = [];
  let n = 0;
  for (const el of [document.documentElement, ...document.body.querySelectorAll('*')]) {
    for (const pseudo of [null, '::before', '::after']) {
      const style = getComputedStyle(el, pseudo);
      if (pseudo && (style.content === 'none' || style.content === 'normal')) continue;
      if (!indices || indices.includes(n)) {
        const lines = [];
        for (let i = 0; i < style.length; i++) {
          if (style[i].startsWith('--') && el !== document.documentElement) continue;
          lines.push(style[i] + ':' + style.getPropertyValue(style[i]));
        }
        const text = lines.sort().join('\\n');  // custom properties come in no fixed order
        out.push([n, describe(el) + (pseudo || ''), indices ? text : hash(text)]);
      }
      n++;
    }
  }
  return out;
}"""


def drawn(browser, served: str, path: str, put_back: dict[str, str] | None):
    """The page after a reader's search, in a context of its own (the caller closes it)."""
    context = new_context(browser, served, reduced_motion="reduce")
    page = context.new_page()
    if put_back:
        def original(route):
            name = route.request.url.split("?")[0].split(served, 1)[-1]
            if name in put_back:
                route.fulfill(status=200, content_type="text/css", body=put_back[name])
            else:
                route.continue_()

        page.route("**/*.css", original)
    page.goto(served + path, wait_until="load")
    page.add_style_tag(content=STILL)
    settle(page)
    interact(page, "desktop")
    page.mouse.move(0, 0)
    return context, page


def test_a_page_is_styled_alike_by_the_purged_and_the_original_stylesheets(browser, served, built_site,
                                                                           pages):
    path = "hi/llm-basics/"  # math, code, outputs, solutions, Hindi; search results over it
    assert path in pages, f"/{path} was not built"
    context, page = drawn(browser, served, path, None)
    original_context, original_page = drawn(browser, served, path, original_stylesheets(built_site))
    try:
        purged, original = page.evaluate(STYLES, None), original_page.evaluate(STYLES, None)
        assert [e[1] for e in purged] == [e[1] for e in original], (
            f"/{path}: the page has other elements with the two sets of stylesheets")
        indices = [a[0] for a, b in zip(purged, original, strict=True) if a[2] != b[2]][:15]
        differing = []
        if indices:
            for (_, name, text), (_, _, original_text) in zip(
                    page.evaluate(STYLES, indices), original_page.evaluate(STYLES, indices), strict=True):
                a = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
                b = dict(line.split(":", 1) for line in original_text.splitlines() if ":" in line)
                changes = [f"{k}: {a.get(k)!r} (original {b.get(k)!r})" for k in sorted(set(a) | set(b))
                           if a.get(k) != b.get(k)]
                differing.append(f"{name}: " + "; ".join(changes[:4]))
    finally:
        context.close()
        original_context.close()
    assert not differing, (
        f"/{path}: element(s) styled differently by the purged stylesheets than by the originals; "
        "hooks/unused_css.py removed a rule they use:\n  " + "\n  ".join(differing))


# --- the hook's reading of CSS -------------------------------------------------------------------

class Known:
    """A stand-in for the site's class names."""

    def __init__(self, names, prefixes=()):
        self.names, self.prefixes = set(names), set(prefixes)

    def __contains__(self, name):
        return name in self.names or any(name.startswith(p) for p in self.prefixes)


@pytest.mark.parametrize(("css", "expected", "gone"), [
    (".a{x:1}.b{x:2}", ".a{x:1}", [".b"]),
    (".a,.b .c,.a>.b{x:1}", ".a{x:1}", [".b .c", ".a>.b"]),
    (".a:not(.b){x:1}.a:is(.b,.a){y:2}", ".a:not(.b){x:1}.a:is(.b,.a){y:2}", []),
    ("@media (min-width:1px){.a{x:1}.b{x:2}}@media print{.b{x:3}}", "@media (min-width:1px){.a{x:1}}",
     [".b", ".b"]),
    ('@charset "UTF-8";@font-face{font-family:F;src:url(f.woff2)}.b{x:1}',
     '@charset "UTF-8";@font-face{font-family:F;src:url(f.woff2)}', [".b"]),
    # declarations exactly as written: escapes, strings holding braces, commas and selectors
    (r""".a{--i:url("data:x,\3c !--{.b}")}.b,.a[title="x,.b{"]{y:1}""",
     r""".a{--i:url("data:x,\3c !--{.b}")}.a[title="x,.b{"]{y:1}""", [".b"]),
    (".tabbed-control--next{x:1}.md-tag--x{y:2}", ".tabbed-control--next{x:1}", [".md-tag--x"]),
    ("/* a comment */ .a{x:1} /* another */", ".a{x:1}", []),
    ("div>p,:root{x:1}.a::before{y:2}", "div>p,:root{x:1}.a::before{y:2}", []),
])
def test_the_hook_removes_exactly_the_selectors_of_classes_no_page_can_use(hook, css, expected, gone):
    known = Known({"a", "tabbed-control"}, prefixes={"tabbed-control--"})
    purged, removed = hook.purge(css, known)
    assert (purged, removed) == (expected, gone)


def test_the_hook_reports_css_it_cannot_read(hook):
    with pytest.raises(ValueError, match="not closed"):
        hook.purge(".a{x:1", Known({"a"}))


def test_the_site_names_come_from_pages_and_scripts(hook, tmp_path):
    (tmp_path / "index.html").write_text(
        '<div class="md-a  md-b"><span class=\'md-c\'></span></div>'
        '<script>el.classList.add("md-d"); x = `md-e--${kind}`</script>', encoding="utf-8")
    (tmp_path / "bundle.js").write_text('h("div",{class:"md-f md-g"})', encoding="utf-8")
    names = hook.Names(tmp_path)
    for name in ("md-a", "md-b", "md-c", "md-d", "md-e--anything", "md-f", "md-g"):
        assert name in names, name
    assert "md-h" not in names and "md-e" not in names


def test_the_built_stylesheets_are_the_originals_without_the_removed_selectors(hook, built_site):
    names = hook.Names(built_site)
    for relative, css in original_stylesheets(built_site).items():
        built = (built_site / relative).read_text(encoding="utf-8")
        assert built == hook.purge(css, names)[0], (
            f"{relative} in the built site is not the theme's stylesheet cut down by hooks/unused_css.py")
        assert len(built) < len(css), f"{relative}: nothing removed"
