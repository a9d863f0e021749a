"""Figures are outputs: drawn by code from the snippets' values, checked like printed output.

    python -m tools figures --check     what these tests check first
    python -m tools figures             redraw after an intended change (idempotent)

Checks: every figure's values still agree with what its module computes now (numbers to a
relative 1e-4, text exactly) and its SVGs were drawn from those values; every figure is shown,
in every language, by pages of that language; a page and its translation show the same figures
in the same order; a page that includes a missing figure fails the strict build; each SVG is
small, keeps its text as text and says what it shows.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from tools import figures as fg
from tools.project import PROJECT

FIGURES = fg.discover()
PAGES = [page for language in PROJECT.codes for page in PROJECT.pages(language)]


def test_figures_found():
    assert len(FIGURES) >= 10, "figure discovery found too few modules under snippets/*/figures/"


@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f.id)
def test_figure_is_drawn_from_current_values(figure):
    problems = fg.problems(figure)
    if problems:
        pytest.fail("\n\n".join(problems), pytrace=False)


@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f.id)
def test_figure_is_shown_on_a_page(figure):
    """Shown on a page of the default language; its translations show it too (the test below)."""
    code = PROJECT.default_language
    assert any(f == figure for page in PROJECT.pages(code) for f, _ in fg.figures_on(page)), (
        f"Figure {figure.id} ({figure.display}) is shown on no page. Show it where it teaches, "
        f"on the page and its translations (the {code} page includes the .{code}.svg file):\n"
        f'    <figure class="course-figure">\n    --8<-- "{figure.include(code)}"\n    </figure>'
    )


@pytest.mark.parametrize("page", PAGES, ids=lambda p: PROJECT.rel(p))
def test_page_shows_figures_in_its_own_language(page):
    language = PROJECT.language_of(page)
    wrong = [f.include(code) for f, code in fg.figures_on(page) if code != language]
    assert not wrong, (f"{PROJECT.rel(page)} is a {language!r} page but includes "
                       f"{', '.join(wrong)}: include the .{language}.svg file instead")


@pytest.mark.parametrize("page", PROJECT.pages(PROJECT.default_language), ids=lambda p: PROJECT.rel(p))
def test_translations_show_the_same_figures_in_the_same_order(page):
    for code in PROJECT.translations:
        twin = PROJECT.twin(page, code)
        if twin.exists():
            problem = figure_order_problem(page, twin)
            assert not problem, problem


def figure_order_problem(page, twin) -> str:
    source = [f.id for f, _ in fg.figures_on(page)]
    translated = [f.id for f, _ in fg.figures_on(twin)]
    if source == translated:
        return ""
    return (f"{PROJECT.rel(page)} shows the figures {source}, but {PROJECT.rel(twin)} shows "
            f"{translated}: a translation shows the same figures at the same places")


def test_figure_order_check_catches_a_swapped_and_a_missing_figure(tmp_path):
    def page(path, *names):
        blocks = [f'<figure class="course-figure">\n--8<-- "autograd/figures/{n}"\n</figure>\n'
                  for n in names]
        path.write_text("".join(blocks), encoding="utf-8")
        return path

    english = page(tmp_path / "page.md", "graph.en.svg", "secant.en.svg")
    swapped = page(tmp_path / "swapped.hi.md", "secant.hi.svg", "graph.hi.svg")
    assert "shows the figures ['autograd/graph', 'autograd/secant']" in figure_order_problem(english, swapped)
    missing = page(tmp_path / "missing.hi.md", "graph.hi.svg")
    assert "shows ['autograd/graph']" in figure_order_problem(english, missing)
    same = page(tmp_path / "same.hi.md", "graph.hi.svg", "secant.hi.svg")
    assert figure_order_problem(english, same) == ""


@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f.id)
def test_svg_is_small_keeps_text_and_says_what_it_shows(figure):
    for code in PROJECT.codes:
        path = figure.svg_path(code)
        if not path.exists():
            pytest.fail(f"{PROJECT.rel(path)} is missing: run {fg.REFRESH_COMMAND} -k {figure.id}",
                        pytrace=False)
        svg = path.read_text(encoding="utf-8")
        name = PROJECT.rel(path)
        size = len(svg.encode("utf-8"))
        assert size <= fg.MAX_BYTES, f"{name} is {size:,} bytes, over {fg.MAX_BYTES:,}: draw fewer points"
        assert svg.startswith("<svg "), f"{name}: must start with <svg (no XML prolog) to be inlined"
        assert "\n\n" not in svg, f"{name}: a blank line would end the page's raw HTML block"
        assert "<text" in svg and "<use xlink:href=\"#DejaVu" not in svg, (
            f"{name}: text must stay <text> (svg.fonttype none), not glyph outlines")
        assert "<style" not in svg and "<dc:date" not in svg, f"{name}: no page-wide style, no date"
        alt = re.search(r'role="img" aria-label="([^"]{40,})"', svg)
        assert alt and "<title>" in svg, (
            f"{name}: needs role=img, an aria-label and a <title> that say what it shows")
        if code != PROJECT.default_language:
            assert re.search(r"[\u0900-\u097F]", alt.group(1)), f"{name}: its alt text is not in Hindi"


def test_every_file_in_a_figures_folder_belongs_to_a_figure():
    problems = []
    for path in sorted(PROJECT.snippets.glob("*/figures/*")):
        if path.is_dir():
            continue
        stem = path.name.split(".")[0]
        if path.suffix == ".py":
            if not re.fullmatch(r"[a-z][a-z0-9_]*\.py", path.name):
                problems.append(f"{PROJECT.rel(path)}: figure modules are named like what_it_shows.py")
        elif not path.with_name(f"{stem}.py").exists():
            problems.append(f"{PROJECT.rel(path)}: no figure module {stem}.py draws it; delete it")
        elif path.name not in {f"{stem}.values.json", *(f"{stem}.{code}.svg" for code in PROJECT.codes)}:
            problems.append(f"{PROJECT.rel(path)}: unexpected file beside the figure module {stem}.py")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("code", PROJECT.codes)
def test_svg_ids_are_unique_across_figures(code):
    """Several figures share a page: an id repeated between them breaks links and the theme."""
    ids = Counter(i for f in FIGURES if f.svg_path(code).exists()
                  for i in re.findall(r'\sid="([^"]+)"', f.svg_path(code).read_text(encoding="utf-8")))
    repeated = sorted(i for i, n in ids.items() if n > 1)
    assert not repeated, f"ids used by more than one {code} figure: {repeated}"


# --- the check and the refresh, on a figure made up for the test ---------------------------

FIGURE_MODULE = '''
from pathlib import Path

LABELS = {"alt": {code: "A made-up figure for the test: one bar as tall as the value in value.txt"
                  for code in %r},
          "value": {code: "value" for code in %r}}


def values():
    return {"value": float(Path(__file__).with_name("value.txt").read_text())}


def draw(fig, values, label):
    fig.set_size_inches(2, 1)
    fig.add_subplot().bar([label("value")], [values["value"]])
'''


@pytest.fixture
def made_up_figure(tmp_path):
    folder = tmp_path / "chapter" / "figures"
    folder.mkdir(parents=True)
    (folder / "bar.py").write_text(FIGURE_MODULE % (PROJECT.codes, PROJECT.codes), encoding="utf-8")
    (folder / "value.txt").write_text("2.5", encoding="utf-8")
    return fg.Figure(folder / "bar.py")


def test_changed_values_fail_until_refreshed_and_refresh_is_idempotent(made_up_figure):
    figure = made_up_figure
    assert fg.problems(figure), "a figure never drawn must be reported"
    assert fg.refresh(figure), "the first refresh writes the values and the SVGs"
    assert fg.problems(figure) == []
    assert fg.refresh(figure) == [], "a second refresh must change nothing"

    (figure.module_path.with_name("value.txt")).write_text("2.50001", encoding="utf-8")  # within 1e-4
    assert fg.problems(figure) == [], "a change within the output tolerance is not a change"

    (figure.module_path.with_name("value.txt")).write_text("3.5", encoding="utf-8")
    problems = "\n".join(fg.problems(figure))
    assert "Figure chapter/bar" in problems and '"value": 2.5' in problems and '"value": 3.5' in problems
    assert f"{fg.REFRESH_COMMAND} -k chapter/bar" in problems, problems
    changed = {p.name for p in fg.refresh(figure)}
    assert changed == {"bar.values.json", *(f"bar.{code}.svg" for code in PROJECT.codes)}
    assert fg.problems(figure) == []


def test_a_drawing_that_differs_only_in_bytes_passes(made_up_figure):
    """Another matplotlib or platform draws other bytes from the same values: not a change."""
    figure = made_up_figure
    fg.refresh(figure)
    svg = figure.svg_path(PROJECT.default_language)
    svg.write_text(re.sub(r'(d="M )(\d+)', r"\g<1>1\2", svg.read_text(encoding="utf-8"), count=1),
                   encoding="utf-8")
    assert fg.problems(figure) == []


def test_changed_labels_fail_until_refreshed(made_up_figure):
    figure = made_up_figure
    fg.refresh(figure)
    source = figure.module_path.read_text(encoding="utf-8")
    changed = source.replace('"value" for code', '"the value" for code')
    figure.module_path.write_text(changed, encoding="utf-8")
    assert any("labels or drawing changed" in p for p in fg.problems(figure))


def test_a_page_showing_a_missing_figure_fails_the_strict_build(tmp_path):
    from tools.site import build

    copy = PROJECT.copy_to(tmp_path / "project")
    page = copy.page("tensors", PROJECT.default_language)
    page.write_text(page.read_text(encoding="utf-8") + '\n<figure class="course-figure">\n'
                    '--8<-- "tensors/figures/no_such_figure.en.svg"\n</figure>\n', encoding="utf-8")
    result = build(tmp_path / "site", copy, deployed=False)
    assert result.returncode != 0, "the strict build passed although a page includes a missing figure"
    assert "no_such_figure.en.svg" in result.output, result.output[-2000:]


def test_a_missing_label_names_the_module_and_the_language(made_up_figure):
    figure = made_up_figure
    source = figure.module_path.read_text(encoding="utf-8")
    missing = PROJECT.codes[-1]
    only_some = [c for c in PROJECT.codes if c != missing]
    label_of = '"value": {code: "value" for code in '
    changed = source.replace(label_of + repr(PROJECT.codes), label_of + repr(only_some))
    assert changed != source
    figure.module_path.write_text(changed, encoding="utf-8")
    with pytest.raises(fg.LabelError, match=rf"bar\.py: LABELS\['value'\] has no '{missing}' text"):
        fg.refresh(figure)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: PROJECT.rel(p))
def test_notebook_shows_the_pages_figures(page):
    shown = fg.figures_on(page)
    notebook = PROJECT.notebook(PROJECT.name_of(page), PROJECT.language_of(page))
    if not shown or not notebook.exists():
        return
    images = notebook.read_text(encoding="utf-8").count('class=\\"course-figure-img\\"')
    assert images == len(shown), (
        f"{PROJECT.rel(page)} shows {len(shown)} figures but {PROJECT.rel(notebook)} {images}: "
        f"regenerate the notebooks with python -m tools notebooks")
