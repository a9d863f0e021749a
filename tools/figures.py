"""Figures drawn by code from the snippets' values, and checked like their outputs.

    python -m tools figures           redraw every figure whose values changed (idempotent)
    python -m tools figures --check   fail, naming the figure and its pages, if values changed
    python -m tools figures -k NAME   only figures whose "chapter/name" contains NAME

A figure is a module `snippets/<chapter>/figures/<name>.py` that defines

    LABELS = {"key": {"en": "...", "hi": "..."}, ...}   every text it draws, in both
                                                        languages, and "alt": what it shows
                                                        (str.format fields name the values)
    def values() -> dict       the numbers it draws, computed with torch by running the
                               chapter's snippets (or read from their stored output);
                               no plotting library here
    def draw(fig, values, label)   draws on a matplotlib figure; label("key") gives the
                                   text in the language being drawn

Beside it the refresh writes `<name>.values.json` (the values, compared with the
snippets' output rule: numbers to a relative 1e-4, text exactly), and
`<name>.en.svg` and `<name>.hi.svg`, drawn from those stored values. Each SVG
records a hash of what it was drawn from (the stored values and the module's
source), so the check compares data, never bytes: a new matplotlib or another
platform does not make a figure "changed", and matplotlib is imported only to draw.

A page shows a figure by including its SVG inside raw HTML:

    <figure class="course-figure">
    --8<-- "autograd/figures/graph.en.svg"
    </figure>
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import json
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from tools import runner
from tools.compare import REL_TOL, Comparison
from tools.markdown import includes, read
from tools.project import PROJECT

ROOT, SNIPPETS = PROJECT.root, PROJECT.snippets
LANGUAGES = PROJECT.codes  # one SVG per language of the site
REFRESH_COMMAND = "python -m tools figures"
MAX_BYTES = 60_000
SIGNIFICANT = 6  # digits stored per float: beyond the 1e-4 tolerance, small files
# The site's font stacks (docs/assets/stylesheets/extra.css): the browser picks a
# Devanagari face for Hindi labels, as on the page around the figure.
FONT_STACK = ('"Noto Sans", "Noto Sans Devanagari", "Nirmala UI", "Kohinoor Devanagari", '
              '"Devanagari Sangam MN", "Mangal", -apple-system, BlinkMacSystemFont, '
              '"Segoe UI", Roboto, Helvetica, Arial, sans-serif')
# What matplotlib measures text with (the SVG keeps the text, the browser shapes it).
MEASURE_FONTS = ["Noto Sans", "Noto Sans Devanagari", "DejaVu Sans"]
# Bump when tidy_svg() writes something new: every figure is then redrawn once.
SVG_FORMAT = 2
DRAWN_FROM = re.compile(r'data-drawn-from="sha256:(?P<digest>[0-9a-f]{16})"')


@dataclass(frozen=True)
class Figure:
    module_path: Path

    @property
    def chapter(self) -> str:
        return self.module_path.parent.parent.name

    @property
    def name(self) -> str:
        return self.module_path.stem

    @property
    def id(self) -> str:
        return f"{self.chapter}/{self.name}"

    @property
    def values_path(self) -> Path:
        return self.module_path.with_suffix(".values.json")

    def svg_path(self, language: str) -> Path:
        return self.module_path.with_suffix(f".{language}.svg")

    def include(self, language: str) -> str:
        """The `--8<--` target a page of that language uses."""
        return self.svg_path(language).relative_to(SNIPPETS).as_posix()

    @property
    def display(self) -> str:
        return PROJECT.rel(self.module_path)

    def module(self):
        spec = importlib.util.spec_from_file_location(
            f"course_figure_{self.chapter.replace('-', '_')}_{self.name}", self.module_path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module


def discover() -> list[Figure]:
    return [Figure(p) for p in sorted(SNIPPETS.glob("*/figures/*.py")) if not p.name.startswith("_")]


def figure_of_include(target: str) -> tuple[Figure, str] | None:
    """(figure, language) for a page include such as `autograd/figures/graph.hi.svg`."""
    m = re.fullmatch(r"(?P<stem>[\w-]+/figures/\w+)\.(?P<lang>[a-z]{2})\.svg", target)
    if not m:
        return None
    return Figure(SNIPPETS / f"{m['stem']}.py"), m["lang"]


def figures_on(page: Path) -> list[tuple[Figure, str]]:
    """The figures a page shows, in order, with the language of the file it includes."""
    return [f for f in map(figure_of_include, includes(read(page))) if f is not None]


def pages_showing(figure: Figure) -> list[str]:
    return [PROJECT.rel(page) for language in LANGUAGES for page in PROJECT.pages(language)
            if any(f == figure for f, _ in figures_on(page))]


def notebook_image(target: str) -> str:
    """A figure as a notebook's markdown cell shows it: Jupyter strips inline SVG from
    markdown but shows an <img> with the SVG as a data URL (text still text, alt text kept)."""
    import base64

    svg = (SNIPPETS / target).read_text(encoding="utf-8")
    alt = re.search(r'aria-label="([^"]*)"', svg)
    data = base64.b64encode(svg.encode()).decode("ascii")
    return (f'<img class="course-figure-img" tabindex="0" alt="{alt.group(1) if alt else ""}" '
            f'src="data:image/svg+xml;base64,{data}">')


# --- values ------------------------------------------------------------------


def run_snippet(rel: str, run_name: str = "__figure__") -> dict:
    """Run snippets/<rel> quietly, on the CPU, and return its global variables: a
    figure draws the very tensors the snippet computed. A snippet guarded by
    `if __name__ == "__main__"` only defines its functions here."""
    return runner.module_globals(SNIPPETS / rel, run_name)


def stored_output(rel: str) -> str:
    return (SNIPPETS / rel).read_text(encoding="utf-8")


def _rounded(value):
    if isinstance(value, float):
        return float(f"{value:.{SIGNIFICANT}g}")
    if isinstance(value, dict):
        return {str(k): _rounded(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_rounded(v) for v in value]
    return value


def _dump(value, indent: int = 0) -> str:
    """JSON with one key per line and each list on one line: small, and a diff names the key."""
    if isinstance(value, dict) and value:
        pad = " " * (indent + 1)
        items = [f"{pad}{json.dumps(k, ensure_ascii=False)}: {_dump(v, indent + 1)}"
                 for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    if isinstance(value, list) and any(isinstance(v, dict) for v in value):
        pad = " " * (indent + 1)
        return "[\n" + ",\n".join(pad + _dump(v, indent + 1) for v in value) + "\n" + " " * indent + "]"
    return json.dumps(value, ensure_ascii=False)


def values_text(values: dict) -> str:
    return _dump(_rounded(values)) + "\n"


def drawn_from(figure: Figure, values: str) -> str:
    """What an SVG was drawn from: the stored values, the figure module (its labels and
    drawing code) and SVG_FORMAT. Not matplotlib's version: a new one redraws nothing."""
    source = figure.module_path.read_text(encoding="utf-8").replace("\r\n", "\n")  # a Windows checkout
    return hashlib.sha256(f"{SVG_FORMAT}\0{values}\0{source}".encode()).hexdigest()[:16]


# --- drawing -----------------------------------------------------------------


class LabelError(KeyError):
    """A figure module lacks a text in a language of the site; the message names both."""


def labeller(labels: dict, language: str, figure: Figure | None = None):
    def label(key: str) -> str:
        try:
            return labels[key][language]
        except KeyError:
            where = figure.display if figure else "the figure module"
            raise LabelError(f"{where}: LABELS[{key!r}] has no {language!r} text; add it") from None
    return label


def draw_svg(figure: Figure, module, values: dict, language: str, stamp: str) -> str:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure as MplFigure

    with matplotlib.rc_context({
        "svg.fonttype": "none",  # text stays <text>: the browser shapes Devanagari
        "svg.hashsalt": f"{figure.id}/{language}",  # stable ids, distinct per figure
        "font.family": MEASURE_FONTS,
        "font.size": 10,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "figure.facecolor": "white",
    }):
        fig = MplFigure(layout="constrained")
        module.draw(fig, values, labeller(module.LABELS, language, figure))
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg",
                    metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    alt = labeller(module.LABELS, language, figure)("alt").format(**values)  # numbers from the values
    return tidy_svg(buffer.getvalue(), alt, stamp, figure)


def tidy_svg(svg: str, alt: str, stamp: str, figure: Figure) -> str:
    """Ready to be inlined into a page: no XML prolog or page-wide style, ids only
    where something refers to them, the site's fonts, alt text, no blank lines."""
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"<defs>\s*<style[^<]*</style>\s*</defs>", "", svg)
    referenced = set(re.findall(r'(?:href="#|url\(#)([^")]+)', svg))
    svg = re.sub(r' id="([^"]+)"', lambda m: m.group(0) if m.group(1) in referenced else "", svg)
    svg = re.sub(r"font-family: [^;\"]+;? ?", "", svg)
    svg = re.sub(r"\s*\n\s*", "\n", svg)  # no indentation, no blank line (Markdown raw HTML)
    svg = re.sub(r" \n(?=[LMCQz])", " ", svg)  # path data on one line
    root = re.match(r"<svg [^>]*>", svg).group(0)
    view_box = re.search(r'viewBox="[^"]+"', root).group(0)
    new_root = (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
                f'{view_box} role="img" aria-label="{escape(alt)}" class="course-figure-svg" tabindex="0" '
                f'data-figure="{figure.id}" data-drawn-from="sha256:{stamp}" '
                f'stroke-linejoin="round" stroke-linecap="butt" '
                f"style='font-family: {FONT_STACK}'>\n<title>{escape(alt, quote=False)}</title>")
    return svg.replace(root, new_root, 1).strip() + "\n"


# --- check and refresh -------------------------------------------------------


def problems(figure: Figure) -> list[str]:
    """What is wrong with a figure's stored files, each with the fix."""
    found = []
    fix = (f"If the change is intended, refresh the chapter (outputs and figures) and review the diff:\n"
           f"    python -m tools refresh -k {figure.chapter}\n"
           f"or redraw only this figure:\n    {REFRESH_COMMAND} -k {figure.id}")
    shown = ", ".join(pages_showing(figure)) or "no page (it should be shown on one)"
    if not figure.values_path.exists():
        return [f"{figure.display} has no stored values {PROJECT.rel(figure.values_path)}.\n{fix}"]
    stored = figure.values_path.read_text(encoding="utf-8")
    now = values_text(figure.module().values())
    comparison = Comparison(stored, now)
    if not comparison.agrees:
        found.append(
            f"Figure {figure.id} ({figure.display}) would now be drawn from other values.\n"
            f"Shown on: {shown}\n"
            f"Numbers may differ by a relative {REL_TOL:g}; text must match exactly.\n\n"
            f"{comparison.diff(PROJECT.rel(figure.values_path))}\n{fix}")
    for language in LANGUAGES:
        svg = figure.svg_path(language)
        rel = PROJECT.rel(svg)
        if not svg.exists():
            found.append(f"Figure {figure.id}: {rel} is missing.\nShown on: {shown}\n{fix}")
            continue
        m = DRAWN_FROM.search(svg.read_text(encoding="utf-8"))
        if not m or m["digest"] != drawn_from(figure, stored):
            found.append(f"Figure {figure.id}: {rel} was not drawn from the stored values "
                         f"{figure.values_path.name} and the current {figure.module_path.name} "
                         f"(its labels or drawing changed).\nShown on: {shown}\n{fix}")
    return found


def refresh(figure: Figure) -> list[Path]:
    """Store the values (keeping stored numbers that still agree) and redraw the SVGs
    that were not drawn from them. Running it twice changes nothing."""
    module = figure.module()
    now = values_text(module.values())
    path = figure.values_path
    text = Comparison(path.read_text(encoding="utf-8"), now).refreshed() if path.exists() else now
    changed = []
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
        changed.append(path)
    stamp = drawn_from(figure, text)
    for language in LANGUAGES:
        svg = figure.svg_path(language)
        m = DRAWN_FROM.search(svg.read_text(encoding="utf-8")) if svg.exists() else None
        if m and m["digest"] == stamp:
            continue
        svg.write_text(draw_svg(figure, module, json.loads(text), language, stamp), encoding="utf-8")
        changed.append(svg)
    return changed
