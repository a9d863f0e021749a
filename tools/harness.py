"""The snippet harness: which snippets exist, what they declare, which pages show them, and the
one check-or-refresh of a snippet's stored output (CPU or CUDA) that the tests and the refresh
command both call.

A snippet is `snippets/<chapter>/NN_what_it_shows.py`; what it prints on the CPU is stored in
`NN_what_it_shows.out` beside it, on CUDA in `NN_what_it_shows.cuda.out` (for snippets whose
output depends on the device: a page shows that file in a "CUDA" tab; it exists once captured on
a CUDA machine), and the versions that produced them in `produced-by[.cuda].txt`.
A snippet may declare, in comment lines:
    # varies: <regex>     output lines matching it have their numbers masked (a timing)
    # raises: <Type>      it is meant to fail with that exception (an exercise's starter)
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tools import markdown, runner
from tools.compare import REL_TOL, Comparison
from tools.project import PROJECT, Project

SNIPPET_NAME = re.compile(r"^\d\d_[a-z0-9_]+\.py$")
VARIES = re.compile(r"^[ \t]*#[ \t]*varies:[ \t]*(?P<pattern>.+?)[ \t]*$", re.MULTILINE)
RAISES = re.compile(r"^[ \t]*#[ \t]*raises:[ \t]*(?P<type>.*?)[ \t]*$", re.MULTILINE)
EXCEPTION_NAME = re.compile(r"^[A-Za-z_]\w*$")
REFRESH_HINT = "python -m tools refresh"
GPU_LANE_HINT = "run tools/gpu_lane.sh on a machine with a CUDA GPU"
# What only a device other than the CPU produces, under snippets/: an output and its provenance.
DEVICE_FILE = re.compile(r"(?:^|/)(?:\d\d_[a-z0-9_]+\.[a-z]+\.out|produced-by\.[a-z]+\.txt)$")
CAPTURE_HINT = "python -m pytest tests/test_gpu.py -m gpu --refresh-outputs (tools/gpu_lane.sh runs it)"


class DeclarationError(runner.SnippetError):
    """A `# varies:` or `# raises:` line that cannot be used; names the file and line."""


@dataclass(frozen=True)
class Snippet:
    path: Path
    project: Project = PROJECT

    @property
    def chapter(self) -> str:
        return self.path.parent.name

    @property
    def rel(self) -> str:
        """Path relative to snippets/, as pages include it."""
        return self.path.relative_to(self.project.snippets).as_posix()

    @property
    def id(self) -> str:
        """chapter/NN_name: how tests and the refresh command name it."""
        return f"{self.chapter}/{self.path.stem}"

    @property
    def display(self) -> str:
        return self.project.rel(self.path)

    def output_path(self, device: str = "cpu") -> Path:
        return self.path.with_suffix(".out" if device == "cpu" else f".{device}.out")

    @property
    def source(self) -> str:
        return self.path.read_text(encoding="utf-8")

    def _declared(self, pattern: re.Pattern, group: str) -> list[tuple[int, str]]:
        text = self.source
        return [(text.count("\n", 0, m.start()) + 1, m[group]) for m in pattern.finditer(text)]

    @property
    def varies(self) -> list[re.Pattern]:
        patterns = []
        for line, pattern in self._declared(VARIES, "pattern"):
            try:
                patterns.append(re.compile(pattern))
            except re.error as exc:
                raise DeclarationError(
                    f"{self.display}:{line}: `# varies: {pattern}` is not a valid regular expression "
                    f"({exc}). Write a Python regex that matches the output lines whose numbers vary, "
                    f"e.g. `# varies: ^step took`."
                ) from None
        return patterns

    @property
    def raises(self) -> str | None:
        declared = self._declared(RAISES, "type")
        if not declared:
            return None
        line, name = declared[0]
        if len(declared) > 1 or not EXCEPTION_NAME.match(name):
            raise DeclarationError(
                f"{self.display}:{line}: `# raises: {name}` must name one exception class, once, "
                f"e.g. `# raises: RuntimeError`."
            )
        return name

    def run(self, device: str = "cpu") -> str:
        return runner.run(self.path, self.display, device, self.raises)

    def pages_showing(self) -> list[str]:
        return [self.project.rel(page) for page in pages_showing(self.rel, self.project)]


def discover(project: Project = PROJECT) -> list[Snippet]:
    """Every snippet module, in chapter then page order."""
    return [Snippet(p, project) for p in sorted(project.snippets.glob("*/*.py"))
            if SNIPPET_NAME.match(p.name)]


def device_dependent(project: Project = PROJECT, device: str = "cuda") -> list[Snippet]:
    """Snippets whose output depends on the device: those whose `NN_name.<device>.out` a page
    includes (in a tab beside the CPU's output), whether it has been captured yet or not."""
    shown = {markdown.include_file(t) for language in project.codes for page in project.pages(language)
             for t in markdown.includes(markdown.read(page))}
    return [s for s in discover(project)
            if s.output_path(device).relative_to(project.snippets).as_posix() in shown]


def pages_showing(target_file: str, project: Project = PROJECT) -> list[Path]:
    """Pages of every language that include a file under snippets/ (a module, output, figure)."""
    return [page for language in project.codes for page in project.pages(language)
            if target_file in map(markdown.include_file, markdown.includes(markdown.read(page)))]


# --- CUDA outputs and provenance -------------------------------------------------------------

def not_captured(target: str, project: Project = PROJECT) -> bool:
    """True for an include of a device's output or provenance file that has not been captured
    (the file is missing): the site (hooks/gpu_outputs.py) and the notebooks leave it out."""
    target = markdown.include_file(target)
    return bool(DEVICE_FILE.search(target)) and not (project.snippets / target).exists()


def provenance_path(chapter: str, device: str = "cpu", project: Project = PROJECT) -> Path:
    suffix = "" if device == "cpu" else f".{device}"
    return project.snippets / chapter / f"produced-by{suffix}.txt"


def provenance(device: str = "cpu") -> str:
    """The line a chapter page shows under its outputs: what produced them."""
    import platform

    import torch

    where = f"CUDA on {torch.cuda.get_device_name(0)}" if device == "cuda" else f"CPU ({platform.machine()})"
    python = ".".join(map(str, sys.version_info[:2]))
    return f"PyTorch {torch.__version__} · {where} · Python {python}\n"


# --- check or refresh ---------------------------------------------------------------------------

def write_if_changed(path: Path, text: str) -> bool:
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


@dataclass
class Outcome:
    """What checking (or refreshing) one snippet found: a problem to report, or files written."""

    problem: str | None = None
    written: list[Path] = field(default_factory=list)


def refresh_hint(snippet: Snippet, device: str = "cpu") -> str:
    return f"{REFRESH_HINT} -k {snippet.id}" if device == "cpu" else CAPTURE_HINT


def mismatch_message(snippet: Snippet, comparison: Comparison, device: str = "cpu") -> str:
    out = snippet.project.rel(snippet.output_path(device))
    shown = snippet.pages_showing() or ["no page (it should be shown on one)"]
    return (
        f"{snippet.display} printed something other than {out}.\n"
        f"Shown on: {', '.join(shown)}\n"
        f"Numbers may differ by a relative {REL_TOL:g}; text must match exactly.\n\n"
        f"{comparison.diff(out)}\n"
        f"If the change is intended, refresh the stored output and review the diff:\n"
        f"    {refresh_hint(snippet, device)}\n"
    )


def check(snippet: Snippet, device: str = "cpu", refresh: bool = False) -> Outcome:
    """Run a snippet on a device and compare what it printed with its stored output; with
    `refresh`, rewrite the stored output (keeping lines that still agree) and the provenance."""
    try:
        printed = snippet.run(device)
        varies = snippet.varies
    except runner.SnippetError as exc:
        return Outcome(str(exc))
    out = snippet.output_path(device)
    stored = out.read_text(encoding="utf-8") if out.exists() else None
    outcome = Outcome()
    if refresh:
        new = printed if stored is None else Comparison(stored, printed, varies).refreshed()
        for path, text in ((out, new), (provenance_path(snippet.chapter, device, snippet.project),
                                        provenance(device))):
            if write_if_changed(path, text):
                outcome.written.append(path)
        return outcome
    if stored is None:
        what = "has no stored output" if device == "cpu" else "has not been captured on a CUDA machine yet"
        outcome.problem = (f"{snippet.display} {what}: {snippet.project.rel(out)}.\n"
                           f"Create it with: {refresh_hint(snippet, device)}")
        return outcome
    comparison = Comparison(stored, printed, varies)
    if not comparison.agrees:
        outcome.problem = mismatch_message(snippet, comparison, device)
    return outcome


def check_provenance(chapter: str, device: str = "cpu", refresh: bool = False,
                     project: Project = PROJECT) -> str | None:
    """The line under a chapter's outputs names the PyTorch (and GPU) that produced them."""
    path, now = provenance_path(chapter, device, project), provenance(device)
    if refresh:
        write_if_changed(path, now)
    if not path.exists():
        return f"{project.rel(path)} is missing: run {REFRESH_HINT} -k {chapter}"
    stored = path.read_text(encoding="utf-8")
    if stored == now:
        return None
    hint = f"{REFRESH_HINT} -k {chapter}" if device == "cpu" else CAPTURE_HINT
    return (f"{project.rel(path)} says the outputs came from\n    {stored}"
            f"but the tests now run on\n    {now}"
            f"The outputs still agree within tolerance; record the new versions with {hint}")


def select(snippets: list[Snippet], pattern: str | None) -> list[Snippet]:
    """The snippets whose id (chapter/NN_name) contains `pattern`, or all of them."""
    return [s for s in snippets if not pattern or pattern in s.id]
