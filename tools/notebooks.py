"""Generating one Jupyter notebook per chapter and language from its page.

A notebook's markdown cells are the page's prose (math included) and its code cells are the
page's snippets, in page order, with the stored outputs as cell outputs. Inside a collapsible
block (`??? success "Solution"`), code becomes its own cell without a stored output, so a reader
runs it deliberately; a starter declared `# raises:` is tagged so the notebook runs on past it.
A page that shows part of a module (`x.py:new`) and folds the whole module under it gets the
part as a listing and the whole module as the one cell that runs.
Nothing is executed here, and the result depends only on the page and snippet files, so
generating twice changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from tools import markdown
from tools.harness import Snippet, not_captured
from tools.project import PROJECT, Project

FENCE_OPEN = re.compile(r"^(?P<fence>```+|~~~+)(?P<info>.*)$")
ADMONITION = re.compile(r'^(?P<marker>!!!|\?\?\?\+?)\s*(?P<kind>[\w-]+)(?:\s+"(?P<title>[^"]*)")?\s*$')
TAB = re.compile(r'^===\+?\s+"(?P<label>[^"]*)"\s*$')
MD_LINK = re.compile(r"\]\((?P<page>[\w-]+)\.md(?P<anchor>#[^)\s]+)?\)")
SECTION_MARK = re.compile(r"^\s*#\s*--8<--\s*\[(?:start|end):[\w-]+\]\s*$")
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
# nbclient goes on past a cell with this tag when it raises (a starter meant to fail)
RAISES_TAG = "raises-exception"


class NotebookError(Exception):
    """A page cannot be turned into a notebook; the message names the page."""


def runs_as_script(source: str) -> bool:
    """Code that starts worker processes cannot run inside a notebook kernel:
    spawned workers must import it from a file."""
    return "torch.multiprocessing" in source


def snippet_code(target: str, project: Project) -> str:
    """The code a page include shows: the whole module or one marked section."""
    module, _, section = target.partition(":")
    text = (project.snippets / module).read_text(encoding="utf-8")
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
    project: Project
    cells: list = field(default_factory=list)
    markdown: list[str] = field(default_factory=list)
    whole_modules: set[str] = field(default_factory=set)  # modules the page also shows in full

    def text(self, target: str) -> str:
        return (self.project.snippets / target).read_text(encoding="utf-8")

    def flush_markdown(self) -> None:
        text = "\n".join(self.markdown).strip("\n")
        self.markdown = []
        if text.strip():
            self.cells.append(nbformat.v4.new_markdown_cell(text))

    def add_code(self, target: str) -> None:
        self.flush_markdown()
        code = snippet_code(target, self.project)
        module = markdown.include_file(target)
        if runs_as_script(code):
            name = Path(module).name
            self.cells.append(nbformat.v4.new_code_cell(
                f"%%writefile {name}\n{code}",
                outputs=[nbformat.v4.new_output("stream", name="stdout", text=f"Writing {name}\n")],
            ))
            self.cells.append(nbformat.v4.new_code_cell(f"import sys\n!{{sys.executable}} {name}"))
        else:
            self.cells.append(nbformat.v4.new_code_cell(code))
        cell = self.cells[-1]
        cell.metadata["course"] = {"snippet": module}
        if Snippet(self.project.snippets / module, self.project).raises:
            cell.metadata["tags"] = [RAISES_TAG]

    def add_output(self, target: str, hidden: bool = False) -> None:
        """Attach an output file to the code cell of its snippet, or (inside a collapsible
        block) leave that cell without a stored output, for the reader to run."""
        between = "".join(self.markdown).strip()
        module = target.split(".")[0] + ".py"
        cell = next((c for c in reversed(self.cells) if c.cell_type == "code"
                     and c.metadata.get("course", {}).get("snippet") == module), None)
        if cell is None or (between and not hidden):
            raise ValueError(f"output {target} does not follow its snippet {module}")
        if not hidden:
            self.markdown = []
            cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=self.text(target))]


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


def _expand_includes(lines: list[str], project: Project) -> list[str]:
    out = []
    for line in lines:
        m = markdown.INCLUDE.match(line)
        if m and not_captured(m["target"], project):
            continue  # a device's provenance line, not captured yet
        out.extend((project.snippets / m["target"]).read_text(encoding="utf-8").splitlines() if m else [line])
    while out and not out[-1].strip():
        out.pop()
    return out


def _site_links(text: str) -> str:
    """Page links as the notebook page in the site resolves them (notebooks/<chapter>/)."""
    def link(m: re.Match) -> str:
        page = "" if m["page"] == "index" else m["page"] + "/"
        return f"](../../{page}{m['anchor'] or ''})"

    return MD_LINK.sub(link, text)


def build(page: Path, project: Project = PROJECT) -> nbformat.NotebookNode:
    try:
        text = markdown.body(markdown.read(page))
        builder = Builder(project, whole_modules={t for t in markdown.includes(text) if ":" not in t})
        _add_lines(builder, text.splitlines(), hidden=False)
        builder.flush_markdown()
    except (OSError, ValueError, StopIteration) as exc:
        raise NotebookError(f"{project.rel(page)}: cannot make its notebook: {exc}") from exc
    for cell in builder.cells:
        if cell.cell_type == "markdown":
            cell.source = _site_links(cell.source)
    nb = nbformat.v4.new_notebook(cells=builder.cells)
    nb.metadata = {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}}
    for index, cell in enumerate(nb.cells):
        cell.id = f"{page.stem.replace('.', '-')}-{index:02d}"
    return nb


def _add_lines(builder: Builder, lines: list[str], hidden: bool) -> None:
    i = 0
    while i < len(lines):
        line = lines[i]
        fence, tab, admonition = FENCE_OPEN.match(line), TAB.match(line), ADMONITION.match(line)
        if fence:
            end = next(j for j in range(i + 1, len(lines)) if lines[j].strip() == fence["fence"])
            _add_fence(builder, lines[i:end + 1], hidden)
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
            if admonition["marker"].startswith("???"):  # collapsible: an exercise's answer
                builder.markdown.extend([f"> **{title}**", ""])
                _add_lines(builder, block, hidden=True)
                builder.markdown.append("")
            else:
                quoted = [f"> {b}".rstrip() for b in _expand_includes(block, builder.project)]
                builder.markdown.extend([f"> **{title}**", ">", *quoted])
        elif (include := markdown.INCLUDE.match(line)) and include["target"].endswith(".svg"):
            from tools.figures import notebook_image  # a figure: snippets/<chapter>/figures/

            builder.markdown.append(notebook_image(include["target"]))
            i += 1
        else:
            builder.markdown.append(line)
            i += 1


def _add_fence(builder: Builder, fenced: list[str], hidden: bool) -> None:
    targets = [markdown.INCLUDE.match(b) for b in fenced[1:-1] if b.strip()]
    if not (targets and all(targets)):
        builder.markdown.extend(fenced)
        return
    for m in targets:
        target = m["target"]
        module = markdown.include_file(target)
        if module.endswith(".py") and target != module and module in builder.whole_modules:
            # a part of a module that the page also shows whole (folded): the part is a listing
            # to read, the whole module the one cell that runs
            builder.markdown.extend(["```python", snippet_code(target, builder.project), "```"])
        elif module.endswith(".py"):
            builder.add_code(target)
        elif target.endswith(".out"):
            builder.add_output(target, hidden)
        else:  # a generated text file shown as it is, e.g. measured figures
            builder.markdown.extend([fenced[0], *builder.text(target).splitlines(), fenced[-1]])


def _add_tabs(builder: Builder, tabs: list[tuple[str, list[str]]]) -> None:
    """Per-device outputs: the first tab's output is the cell's output (CPU, what the
    tests check); the others follow as labelled text in a markdown cell."""
    for n, (label, block) in enumerate(tabs):
        targets = [m["target"] for m in map(markdown.INCLUDE.match, block) if m]
        if n and any(not_captured(t, builder.project) for t in targets):
            continue  # a device's output not captured yet: no tab for it, as on the site
        if n == 0 and len(targets) == 1:
            builder.add_output(targets[0])
            continue
        builder.markdown.extend([f"**{label}**", ""])
        for target in targets:
            builder.markdown.extend(["```text", *builder.text(target).splitlines(), "```"])
        if not targets:
            builder.markdown.extend(block)
        builder.markdown.append("")


def render(nb: nbformat.NotebookNode) -> str:
    return nbformat.writes(nb) + "\n"


def expected(project: Project = PROJECT) -> dict[Path, str]:
    """Every notebook the pages generate, path -> text."""
    found = {}
    for chapter in project.chapters:
        for language in project.codes:
            page = project.page(chapter, language)
            if page.exists():
                found[project.notebook(chapter, language)] = render(build(page, project))
    return found


def write_all(project: Project = PROJECT) -> list[Path]:
    project.notebooks.mkdir(parents=True, exist_ok=True)
    changed = []
    wanted = expected(project)
    for path, text in wanted.items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    for path in project.notebooks.glob("*.ipynb"):
        if path not in wanted:
            path.unlink()
            changed.append(path)
    return changed


def stale(project: Project = PROJECT) -> list[str]:
    """Notebooks that differ from what the generator would write now."""
    problems = []
    wanted = expected(project)
    for path, text in wanted.items():
        if not path.exists():
            problems.append(f"{project.rel(path)}: missing")
        elif path.read_text(encoding="utf-8") != text:
            problems.append(f"{project.rel(path)}: out of date with its page or snippets")
    for path in sorted(project.notebooks.glob("*.ipynb")):
        if path not in wanted:
            problems.append(f"{project.rel(path)}: no page generates it")
    return problems
