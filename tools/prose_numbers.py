"""Numbers in prose: every number a page states outside its code blocks (running text, tables,
code spans, inline and display math) is bound to an output the page shows, or the check knows
why it is there.

A number is
- *bound* when an output the page includes prints it: the same integer, or a float that the
  printed value rounds to at the prose's number of decimals (-0.0898 quotes -0.08982628);
- *known* when it is a literal in a snippet the page shows (a learning rate, a size), a counting
  number from 0 to 10, or declared in the page's front matter, for what comes from neither:
      numbers: 38,597,376 = 50257 * 768; 0.693 = ln(2); 3.10 (the oldest Python supported)
  a declaration with `=` is a derived figure, and its formula must give the number (as printed,
  or rounded to the prose's decimals); one with a bracket says what the number is;
- otherwise a *problem*: the message names the page, the line, the number, and the printed
  number nearest to it (the one a changed prose number or a changed output no longer matches).
Pages without includes (home, glossary) are checked against every snippet and output.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from tools import markdown
from tools.project import PROJECT, Project

# A number as prose writes it: -0.0898, 124,439,808, 1e-8, 2.42; not part of a word or name
# (float32, GPT-2, cuda:0, 10-5-1), a path, an anchor, or an exponent in math (10^{12}).
_BEFORE = r"(?<![\w.\-/#:@^])(?<!\^\{)"
NUMBER = re.compile(_BEFORE + r"-?\d+(?:(?:,|\{,\})\d{3})+(?!\d)|"  # TeX writes 38{,}597{,}376
                    + _BEFORE + r"-?\d+(?:\.\d+)?(?:[eE]-?\d+)?(?![\w])")
PRINTED = re.compile(r"(?<![\w.])-?\d+(?:,\d{3})+(?!\d)|(?<![\w])-?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")
# What is not prose: include lines, link targets, HTML attributes and comments, front matter.
NOT_PROSE = re.compile(r'^[ \t]*--8<--[^\n]*$|\]\([^)\n]*\)|<!--[\s\S]*?-->|</?[A-Za-z][^<>\n]*>|'
                       r'\{[:.#][^}\n]*\}|^[ \t]*(?:!!!|\?\?\?\+?|===\+?)[^\n"]*', re.MULTILINE)
COUNTING = 10


def value(text: str) -> float:
    return float(text.replace("{,}", "").replace(",", ""))


def decimals(text: str) -> int:
    mantissa = text.lower().split("e")[0]
    return len(mantissa.split(".")[1]) if "." in mantissa else 0


def quotes(prose: str, printed: str) -> bool:
    """True when a prose number states the printed one: equal, or the printed value rounded to
    the prose's decimals (and at least as many significant digits as the prose shows)."""
    p, o = value(prose), value(printed)
    if "e" in prose.lower() or "e" in printed.lower():
        return math.isclose(p, o, rel_tol=10 ** -max(decimals(prose), 1), abs_tol=0)
    if p == o:
        return True
    places = decimals(prose)  # fewer decimals than printed: a rounding, if it keeps 3 digits
    digits = len(prose.replace(",", "").replace("-", "").replace(".", "").lstrip("0"))
    return places > 0 and digits >= 3 and decimals(printed) > places and round(o, places) == p


class Printed:
    """The numbers the outputs shown on a page print, indexed so that finding the first one a prose
    number quotes (as `quotes` decides) does not compare it with every one of them."""

    def __init__(self, printed: list[tuple[str, Path]]):
        self.printed = printed
        self.exact: dict[float, int] = {}  # value -> first index
        self.rounded: dict[tuple[int, float], int] = {}  # (decimals, rounded value) -> first index
        self.scientific: list[int] = []  # printed in e-notation: compared one by one
        for i, (shown, _) in enumerate(printed):
            if "e" in shown.lower():
                self.scientific.append(i)
                continue
            o = value(shown)
            self.exact.setdefault(o, i)
            for places in range(1, decimals(shown)):
                self.rounded.setdefault((places, round(o, places)), i)

    def source(self, prose: str) -> Path | None:
        """The output of the first printed number `prose` quotes, if any."""
        if "e" in prose.lower():
            candidates = [i for i, (shown, _) in enumerate(self.printed) if quotes(prose, shown)]
        else:
            p, places = value(prose), decimals(prose)
            digits = len(prose.replace(",", "").replace("-", "").replace(".", "").lstrip("0"))
            candidates = [i for i in self.scientific if quotes(prose, self.printed[i][0])]
            candidates += [i for i in (self.exact.get(p),
                                       self.rounded.get((places, p)) if places > 0 and digits >= 3 else None)
                           if i is not None]
        return self.printed[min(candidates)][1] if candidates else None


@dataclass
class Number:
    text: str
    line: int
    column: int  # 0-based, in the page's line
    how: str = ""  # "bound", "source", "counting", "declared", or "" for a problem
    detail: str = ""  # the output file that prints it, or the nearest printed number


@dataclass
class PageNumbers:
    page: Path
    numbers: list[Number] = field(default_factory=list)

    @property
    def bound(self) -> list[Number]:
        return [n for n in self.numbers if n.how == "bound"]

    @property
    def problems(self) -> list[Number]:
        return [n for n in self.numbers if not n.how]


def prose_numbers(text: str) -> list[tuple[str, int, int]]:
    """(number, line, column) of every number outside code blocks, include lines and markup."""
    blank = lambda m: re.sub(r"[^\n]", " ", m.group(0))  # noqa: E731 - keeps lines and columns
    kept = markdown.FENCED.sub(blank, text)
    if front := markdown.FRONT_MATTER.match(kept):
        kept = blank(front) + kept[front.end():]
    kept = NOT_PROSE.sub(blank, kept)
    found = []
    for m in NUMBER.finditer(kept):
        line = kept.count("\n", 0, m.start())
        found.append((m.group(0), line + 1, m.start() - (kept.rfind("\n", 0, m.start()) + 1)))
    return found


def _shown(page: Path, project: Project) -> tuple[list[Path], list[Path]]:
    """(outputs, snippet modules) the page includes; every one of the project's if none."""
    targets = [project.snippets / markdown.include_file(t) for t in markdown.includes(markdown.read(page))]
    outputs = [t for t in targets if t.suffix in (".out", ".txt") and t.exists()]
    modules = [t for t in targets if t.suffix == ".py" and t.exists()]
    if not targets:
        outputs = sorted(project.snippets.glob("*/*.out")) + sorted(project.snippets.glob("*/*.txt"))
        modules = sorted(project.snippets.glob("*/*.py"))
    return outputs, modules


DECLARATION = re.compile(r"^\s*(?P<number>-?[\d,.]+)\s*(?:=\s*(?P<formula>.+?)|\((?P<why>.+)\))\s*$")
FUNCTIONS = {"ln": math.log, "log2": math.log2, "log10": math.log10, "exp": math.exp, "sqrt": math.sqrt,
             "cos": math.cos, "sin": math.sin, "pi": math.pi, "round": round}


class DeclarationError(ValueError):
    """A `numbers:` entry that cannot be read or whose formula gives another number."""


def declared(text: str) -> dict[str, str]:
    """The numbers a page's front matter declares, each with its formula or its reason.
    A formula is evaluated (arithmetic and ln, exp, sqrt...); it must give the number."""
    found = {}
    for entry in filter(str.strip, markdown.front_matter(text).get("numbers", "").split(";")):
        m = DECLARATION.match(entry)
        if not m:
            raise DeclarationError(f"`numbers:` entry {entry.strip()!r}: write `<number> = <formula>` or "
                                   "`<number> (<what it is>)`, entries separated by `;`")
        number = m["number"]
        if m["formula"]:
            try:
                result = eval(m["formula"], {"__builtins__": {}}, FUNCTIONS)  # noqa: S307 - front matter
            except Exception as exc:
                raise DeclarationError(f"`numbers:` formula {m['formula']!r} of {number}: {exc}") from None
            if not quotes(number, f"{result:.12g}") and value(number) != result:
                raise DeclarationError(f"`numbers:` says {number} = {m['formula'].strip()}, but that gives "
                                       f"{result:.12g}")
        found[number] = (m["formula"] or m["why"]).strip()
    return found


@functools.lru_cache(maxsize=64)
def _numbers_of(outputs: tuple[tuple[Path, int], ...], modules: tuple[tuple[Path, int], ...]):
    """The numbers the outputs print (indexed) and the literals of the modules, read once per
    version of the files (their modification times are part of the key)."""
    printed = [(m.group(0), out) for out, _ in outputs
               for m in PRINTED.finditer(out.read_text(encoding="utf-8"))]
    literals = {value(m.group(0)) for module, _ in modules
                for m in PRINTED.finditer(module.read_text(encoding="utf-8"))}
    return Printed(printed), literals


def check_page(page: Path, project: Project = PROJECT, text: str | None = None) -> PageNumbers:
    """Classify every number of a page (or of `text`, a changed version of it)."""
    text = markdown.read(page) if text is None else text
    try:
        allowed = declared(text)
    except DeclarationError as exc:
        raise DeclarationError(f"{project.rel(page)}: {exc}") from None
    outputs, modules = _shown(page, project)
    index, literals = _numbers_of(tuple((path, path.stat().st_mtime_ns) for path in outputs),
                                  tuple((path, path.stat().st_mtime_ns) for path in modules))
    printed = index.printed
    result = PageNumbers(page)
    for number, line, column in prose_numbers(text):
        entry = Number(number, line, column)
        source = index.source(number)
        if is_counting(number):
            entry.how = "counting"
        elif source is not None:
            entry.how, entry.detail = "bound", project.rel(source)
        elif (plain := number.replace("{,}", ",")) in allowed:
            entry.how, entry.detail = "declared", allowed[plain]
        elif value(number) in literals:
            entry.how = "source"
        else:
            entry.detail = _nearest(number, printed, project)
        result.numbers.append(entry)
    return result


def is_counting(number: str) -> bool:
    """0 to 10 without decimals: "two processes", "step 3" (too common to bind to an output)."""
    return "." not in number and "," not in number and abs(value(number)) <= COUNTING


def _nearest(number: str, printed: list[tuple[str, Path]], project: Project) -> str:
    if not printed:
        return "no output is shown on this page"
    target = value(number)
    shown, out = min(printed, key=lambda p: (abs(value(p[0]) - target) / max(abs(target), 1e-12)))
    return f"nearest printed number: {shown} in {project.rel(out)}"


def describe(result: PageNumbers, project: Project = PROJECT) -> str:
    rel = project.rel(result.page)
    lines = [f"{rel}:{n.line}: {n.text} matches no output shown on the page ({n.detail})"
             for n in result.problems]
    return "\n".join(lines) + (
        "\nA number in prose states what an output prints (quote it as printed, or fewer decimals "
        "of it), appears in the page's snippets, or is declared in the page's front matter with its "
        "formula or what it is (`numbers: 38,597,376 = 50257 * 768; 3.10 (a Python version)`). "
        "If a snippet's output changed, change the prose to match it.")


def summary(project: Project = PROJECT) -> dict[str, dict[str, str]]:
    """For the status table: {"<code> prose numbers": {page name: "bound/all"}}."""
    table: dict[str, dict[str, str]] = {}
    for code in project.codes:
        column = table.setdefault(f"{code} numbers bound", {})
        for page in project.pages(code):
            result = check_page(page, project)
            column[project.name_of(page)] = f"{len(result.bound)}/{len(result.numbers)}"
    return table
