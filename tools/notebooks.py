"""Generate one Jupyter notebook per chapter and language from its page.

    python -m tools notebooks          write docs/notebooks/<chapter>[.hi].ipynb
    python -m tools notebooks --check  fail if a committed notebook is out of date

A notebook's markdown cells are the page's prose (math included) and its code
cells are the page's snippets, in page order, with the stored outputs as cell
outputs. Nothing is executed here, and the output depends only on the page and
snippet files, so running it twice changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from tools import i18n
from tools.snippets import DOCS, INCLUDE, ROOT, SNIPPETS, discover

NOTEBOOKS = DOCS / "notebooks"
LANGUAGES = ("en", "hi")
FENCE_OPEN = re.compile(r"^(?P<fence>```+|~~~+)(?P<info>.*)$")
ADMONITION = re.compile(r'^(?:!!!|\?\?\?\+?)\s*(?P<kind>[\w-]+)(?:\s+"(?P<title>[^"]*)")?\s*$')
TAB = re.compile(r'^===\+?\s+"(?P<label>[^"]*)"\s*$')
MD_LINK = re.compile(r"\]\((?P<page>[\w-]+)\.md(?P<anchor>#[\w-]+)?\)")
SECTION_MARK = re.compile(r"^\s*#\s*--8<--\s*\[(?:start|end):[\w-]+\]\s*$")
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def chapters() -> list[str]:
    return sorted({s.chapter for s in discover()})


def notebook_path(chapter: str, language: str) -> Path:
    suffix = "" if language == "en" else f".{language}"
    return NOTEBOOKS / f"{chapter}{suffix}.ipynb"


def page_path(chapter: str, language: str) -> Path:
    suffix = "" if language == "en" else f".{language}"
    return DOCS / f"{chapter}{suffix}.md"


def script_name(module: str) -> str:
    return Path(module).name


def runs_as_script(source: str) -> bool:
    """Code that starts worker processes cannot run inside a notebook kernel:
    spawned workers must import it from a file."""
    return "torch.multiprocessing" in source


def snippet_code(target: str) -> str:
    """The code a page include shows: the whole module or one marked section."""
    module, _, section = target.partition(":")
    text = (SNIPPETS / module).read_text(encoding="utf-8")
    if section:
        match = re.search(
            rf"^\s*#\s*--8<--\s*\[start:{re.escape(section)}\]\s*\n(.*?)^\s*#\s*--8<--\s*\[end:{re.escape(section)}\]",
            text, re.MULTILINE | re.DOTALL,
        )
        if not match:
            raise ValueError(f"snippets/{module}: no section {section!r}")
        text = match.group(1)
    lines = [line for line in text.splitlines() if not SECTION_MARK.match(line)]
    return "\n".join(lines).strip("\n")


@dataclass
class Builder:
    page: Path
    cells: list = field(default_factory=list)
    markdown: list[str] = field(default_factory=list)

    def flush_markdown(self) -> None:
        text = "\n".join(self.markdown).strip("\n")
        self.markdown = []
        if text.strip():
            self.cells.append(nbformat.v4.new_markdown_cell(text))

    def add_code(self, target: str) -> None:
        self.flush_markdown()
        code = snippet_code(target)
        module = target.split(":")[0]
        if runs_as_script(code):
            name = script_name(module)
            self.cells.append(nbformat.v4.new_code_cell(
                f"%%writefile {name}\n{code}",
                outputs=[nbformat.v4.new_output("stream", name="stdout", text=f"Writing {name}\n")],
            ))
            self.cells.append(nbformat.v4.new_code_cell(f"import sys\n!{{sys.executable}} {name}"))
            self.cells[-1].metadata["course"] = {"snippet": module}
        else:
            self.cells.append(nbformat.v4.new_code_cell(code))
            self.cells[-1].metadata["course"] = {"snippet": module}

    def add_output(self, target: str) -> None:
        text = (SNIPPETS / target).read_text(encoding="utf-8")
        between = "".join(self.markdown).strip()
        last = self.cells[-1] if self.cells and not between else None
        module = target.split(".")[0] + ".py"
        shown = last.metadata.get("course", {}).get("snippet") if last is not None else None
        if shown != module:
            raise ValueError(f"output {target} does not follow its snippet {module}")
        self.markdown = []
        last.outputs = [nbformat.v4.new_output("stream", name="stdout", text=text)]


def _indented_block(lines: list[str], start: int) -> tuple[list[str], int]:
    """Lines indented by four spaces (or blank) from `start`, dedented; and the next index."""
    block, i = [], start
    while i < len(lines) and (not lines[i].strip() or lines[i].startswith("    ")):
        block.append(lines[i][4:])
        i += 1
    while block and not block[-1].strip():
        block.pop()
        i -= 1
    return block, i


def _expand_includes(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        m = INCLUDE.match(line)
        out.extend((SNIPPETS / m["target"]).read_text(encoding="utf-8").splitlines() if m else [line])
    return out


def _site_links(text: str) -> str:
    """Page links as the notebook page in the site resolves them (notebooks/<chapter>/)."""
    def link(m: re.Match) -> str:
        page = "" if m["page"] == "index" else m["page"] + "/"
        return f"](../../{page}{m['anchor'] or ''})"

    return MD_LINK.sub(link, text)


class NotebookError(Exception):
    """A page cannot be turned into a notebook; the message names the page."""


def build(page: Path) -> nbformat.NotebookNode:
    try:
        return _build(page)
    except (OSError, ValueError, StopIteration) as exc:
        raise NotebookError(f"{page.relative_to(ROOT)}: cannot make its notebook: {exc}") from exc


def _build(page: Path) -> nbformat.NotebookNode:
    builder = Builder(page.relative_to(ROOT))
    lines = i18n.body(page).splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        fence = FENCE_OPEN.match(line)
        tab = TAB.match(line)
        admonition = ADMONITION.match(line)
        if fence:
            end = next(j for j in range(i + 1, len(lines)) if lines[j].strip() == fence["fence"])
            body = lines[i + 1:end]
            targets = [INCLUDE.match(b) for b in body if b.strip()]
            if targets and all(targets):
                for m in targets:
                    target = m["target"]
                    if target.split(":")[0].endswith(".py"):
                        builder.add_code(target)
                    elif target.endswith(".out"):
                        builder.add_output(target)
                    else:  # a generated text file shown as it is, e.g. measured figures
                        builder.markdown.extend(
                            [lines[i], *(SNIPPETS / target).read_text("utf-8").splitlines(), lines[end]])
            else:
                builder.markdown.extend(lines[i:end + 1])
            i = end + 1
        elif tab:
            tabs = []
            while i < len(lines) and (match := TAB.match(lines[i])):
                block, i = _indented_block(lines, i + 1)
                tabs.append((match["label"], block))
                j = i
                while j < len(lines) and not lines[j].strip():
                    j += 1
                if j < len(lines) and TAB.match(lines[j]):
                    i = j
                else:
                    break
            _add_tabs(builder, tabs)
        elif admonition:
            block, i = _indented_block(lines, i + 1)
            title = admonition["title"] or admonition["kind"].capitalize()
            quoted = [f"> **{title}**", ">"] + [f"> {b}".rstrip() for b in _expand_includes(block)]
            builder.markdown.extend(quoted)
        else:
            builder.markdown.append(line)
            i += 1
    builder.flush_markdown()
    for cell in builder.cells:
        if cell.cell_type == "markdown":
            cell.source = _site_links(cell.source)
    nb = nbformat.v4.new_notebook(cells=builder.cells)
    nb.metadata = {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}}
    for index, cell in enumerate(nb.cells):
        cell.id = f"{page.stem.replace('.', '-')}-{index:02d}"
    return nb


def _add_tabs(builder: Builder, tabs: list[tuple[str, list[str]]]) -> None:
    """Per-device outputs: the first tab's output is the cell's output (CPU, what the
    tests check); the others follow as labelled text in a markdown cell."""
    for n, (label, block) in enumerate(tabs):
        targets = [m["target"] for m in map(INCLUDE.match, block) if m]
        if n == 0 and len(targets) == 1:
            builder.add_output(targets[0])
            continue
        builder.markdown.append(f"**{label}**")
        builder.markdown.append("")
        for target in targets:
            builder.markdown.extend(["```text", *(SNIPPETS / target).read_text("utf-8").splitlines(), "```"])
        if not targets:
            builder.markdown.extend(block)
        builder.markdown.append("")


def render(nb: nbformat.NotebookNode) -> str:
    return nbformat.writes(nb) + "\n"


def expected() -> dict[Path, str]:
    found = {}
    for chapter in chapters():
        for language in LANGUAGES:
            page = page_path(chapter, language)
            if page.exists():
                found[notebook_path(chapter, language)] = render(build(page))
    return found


def write_all() -> list[Path]:
    NOTEBOOKS.mkdir(parents=True, exist_ok=True)
    changed = []
    wanted = expected()
    for path, text in wanted.items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    for path in NOTEBOOKS.glob("*.ipynb"):
        if path not in wanted:
            path.unlink()
            changed.append(path)
    return changed


def stale() -> list[str]:
    """Notebooks that differ from what the generator would write now."""
    problems = []
    wanted = expected()
    for path, text in wanted.items():
        if not path.exists():
            problems.append(f"{path.relative_to(ROOT)}: missing")
        elif path.read_text(encoding="utf-8") != text:
            problems.append(f"{path.relative_to(ROOT)}: out of date with its page or snippets")
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        if path not in wanted:
            problems.append(f"{path.relative_to(ROOT)}: no page generates it")
    return problems
