"""Discover, run and check the snippet modules under snippets/.

One place for what the test harness, the refresh command, the notebook
generator and the benchmark script all need: which snippets exist, which pages
show them, how to run one in this process (so `import torch` is paid once), and
how to compare what it printed with its stored output file.
"""

from __future__ import annotations

import difflib
import math
import os
import re
import runpy
import sys
import tempfile
import traceback
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
DOCS = ROOT / "docs"

SNIPPET_NAME = re.compile(r"^\d\d_[a-z0-9_]+\.py$")
# A line in a snippet such as `# varies: ^step time` marks the output lines that
# match the regular expression: their numbers are masked when compared.
VARIES = re.compile(r"^\s*#\s*varies:\s*(?P<pattern>.+?)\s*$", re.MULTILINE)
NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")
# Floats agree when they match to four significant digits; integers exactly.
REL_TOL = 1e-4
INCLUDE = re.compile(r'^(?P<indent>[ \t]*)--8<--\s+"(?P<target>[^"]+)"\s*$', re.MULTILINE)
REFRESH_HINT = "pytest tests/test_snippets.py --refresh-outputs"
# A CUDA output file (`NN_name.cuda.out`) holds only a line starting with this
# until tools/gpu_lane.sh has run the snippet on a machine with a CUDA GPU.
NOT_CAPTURED = "Not captured on a CUDA machine yet"
GPU_LANE_HINT = "run tools/gpu_lane.sh on a machine with a CUDA GPU"


@dataclass(frozen=True)
class Snippet:
    path: Path

    @property
    def chapter(self) -> str:
        return self.path.parent.name

    @property
    def rel(self) -> str:
        """Path relative to snippets/, as pages include it."""
        return self.path.relative_to(SNIPPETS).as_posix()

    @property
    def display(self) -> str:
        return self.path.relative_to(ROOT).as_posix()

    def output_path(self, device: str = "cpu") -> Path:
        suffix = ".out" if device == "cpu" else f".{device}.out"
        return self.path.with_suffix(suffix)

    @property
    def source(self) -> str:
        return self.path.read_text(encoding="utf-8")

    @property
    def varies(self) -> list[re.Pattern]:
        return [re.compile(m["pattern"]) for m in VARIES.finditer(self.source)]


def discover() -> list[Snippet]:
    """Every snippet module, in chapter then page order."""
    return [Snippet(p) for p in sorted(SNIPPETS.glob("*/*.py")) if SNIPPET_NAME.match(p.name)]


def device_dependent(chapter: str | None = None) -> list[Snippet]:
    """Snippets whose output depends on the device: those with a CUDA output file beside them."""
    return [s for s in discover()
            if s.output_path("cuda").exists() and chapter in (None, s.chapter)]


def not_captured_text() -> str:
    """What a CUDA output file says until it has been captured on a CUDA machine."""
    return f"{NOT_CAPTURED}: {GPU_LANE_HINT} to capture this output.\n"


def is_captured(path: Path) -> bool:
    """True when a CUDA output file holds output printed on a CUDA machine."""
    return path.exists() and not path.read_text(encoding="utf-8").startswith(NOT_CAPTURED)


def provenance_path(chapter: str, device: str = "cpu") -> Path:
    suffix = "" if device == "cpu" else f".{device}"
    return SNIPPETS / chapter / f"produced-by{suffix}.txt"


def provenance(device: str = "cpu") -> str:
    """The line a chapter page shows under its outputs: what produced them."""
    import torch

    if device == "cuda":
        where = f"CUDA on {torch.cuda.get_device_name(0)}"
    else:
        import platform

        where = f"CPU ({platform.machine()})"
    python = ".".join(map(str, sys.version_info[:2]))
    return f"PyTorch {torch.__version__} · {where} · Python {python}\n"


# --- pages -------------------------------------------------------------------


def pages(language: str = "en") -> list[Path]:
    """Markdown pages of one language (English: `x.md`, Hindi: `x.hi.md`)."""
    found = []
    for path in sorted(DOCS.rglob("*.md")):
        suffixes = path.name.split(".")[1:-1]
        if (language == "en" and not suffixes) or suffixes == [language]:
            found.append(path)
    return found


def includes(page: Path) -> list[str]:
    """The `--8<--` targets of a page, in order (`file` or `file:section`)."""
    return [m["target"] for m in INCLUDE.finditer(page.read_text(encoding="utf-8"))]


def pages_showing(snippet: Snippet) -> list[str]:
    shown = []
    for language in ("en", "hi"):
        for page in pages(language):
            if any(t.split(":")[0] == snippet.rel for t in includes(page)):
                shown.append(page.relative_to(ROOT).as_posix())
    return shown


# --- running -----------------------------------------------------------------


class SnippetError(Exception):
    """A snippet raised; the message holds its path and traceback."""


@contextmanager
def _captured_stdout():
    """Capture file descriptor 1, so output of child processes is caught too."""
    sys.stdout.flush()
    saved_stdout, saved_fd = sys.stdout, os.dup(1)
    with tempfile.TemporaryFile(mode="w+b") as tmp:
        os.dup2(tmp.fileno(), 1)
        stream = open(1, "w", buffering=1, encoding="utf-8", closefd=False)  # noqa: SIM115
        sys.stdout = stream
        result: list[str] = []
        try:
            yield result
        finally:
            stream.flush()
            sys.stdout = saved_stdout
            os.dup2(saved_fd, 1)
            os.close(saved_fd)
            tmp.seek(0)
            result.append(tmp.read().decode("utf-8"))


@contextmanager
def _cpu_only():
    """Make a snippet's device choice land on the CPU, also in processes it starts."""
    import torch

    saved = torch.cuda.is_available, torch.backends.mps.is_available
    saved_env = os.environ.get("CUDA_VISIBLE_DEVICES")
    torch.cuda.is_available = lambda: False
    torch.backends.mps.is_available = lambda: False
    os.environ["CUDA_VISIBLE_DEVICES"] = ""
    try:
        yield
    finally:
        torch.cuda.is_available, torch.backends.mps.is_available = saved
        if saved_env is None:
            del os.environ["CUDA_VISIBLE_DEVICES"]
        else:
            os.environ["CUDA_VISIBLE_DEVICES"] = saved_env


def _reset_torch_state() -> None:
    import torch

    torch.set_printoptions(profile="default")
    torch.set_default_dtype(torch.float32)
    torch.set_grad_enabled(True)


def run(snippet: Snippet, device: str = "cpu") -> str:
    """Run a snippet as `python snippet.py` would, in this process; return its stdout."""
    saved_argv, saved_path = sys.argv, list(sys.path)
    failure = ""
    sys.argv = [str(snippet.path)]
    sys.path.insert(0, str(snippet.path.parent))
    with _captured_stdout() as out:
        try:
            with _cpu_only() if device == "cpu" else nullcontext():
                runpy.run_path(str(snippet.path), run_name="__main__")
        except SystemExit as exc:
            if exc.code not in (None, 0):
                failure = f"{snippet.display} exited with status {exc.code}"
        except Exception as exc:  # noqa: BLE001 - every failure of a snippet is reported alike
            failure = _describe_failure(snippet, exc)
        finally:
            sys.argv, sys.path[:] = saved_argv, saved_path
            _reset_torch_state()
    if failure:
        raise SnippetError(failure)
    return out[0]


def _describe_failure(snippet: Snippet, exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if not f.filename.startswith(str(ROOT / "tools"))]
    text = "".join(traceback.format_list(ours))
    text += "".join(traceback.format_exception_only(type(exc), exc))
    return (
        f"{snippet.display} raised {type(exc).__name__} when run.\n"
        f"Run it alone to reproduce: python {snippet.display}\n\n"
        f"Traceback (snippet frames):\n{text}"
    )


# --- comparing ---------------------------------------------------------------


def _tokens(line: str) -> tuple[list[str], list[str]]:
    return NUMBER.split(line), NUMBER.findall(line)


def _numbers_agree(expected: str, actual: str) -> bool:
    if any(c in expected + actual for c in ".eE"):
        return math.isclose(float(expected), float(actual), rel_tol=REL_TOL, abs_tol=0.0)
    return int(expected) == int(actual)


def lines_agree(expected: str, actual: str, varies: list[re.Pattern] = ()) -> bool:
    """Text must match exactly; numbers within tolerance, or not at all on a varying line."""
    text_e, nums_e = _tokens(expected)
    text_a, nums_a = _tokens(actual)
    if text_e != text_a or len(nums_e) != len(nums_a):
        return False
    if any(p.search(expected) for p in varies):
        return True
    return all(_numbers_agree(e, a) for e, a in zip(nums_e, nums_a, strict=True))


@dataclass
class Comparison:
    expected: str
    actual: str
    varies: list[re.Pattern] = field(default_factory=list)

    @property
    def expected_lines(self) -> list[str]:
        return self.expected.splitlines()

    @property
    def actual_lines(self) -> list[str]:
        return self.actual.splitlines()

    @property
    def agrees(self) -> bool:
        e, a = self.expected_lines, self.actual_lines
        return len(e) == len(a) and all(
            lines_agree(x, y, self.varies) for x, y in zip(e, a, strict=True)
        )

    def refreshed(self) -> str:
        """The new output file: stored lines kept where they still agree, so a
        second refresh (or a timing that moved) changes nothing."""
        e, a = self.expected_lines, self.actual_lines
        if len(e) != len(a):
            return self.actual
        kept = [x if lines_agree(x, y, self.varies) else y for x, y in zip(e, a, strict=True)]
        return "\n".join(kept) + ("\n" if self.actual.endswith("\n") else "")

    def diff(self, expected_name: str) -> str:
        return "".join(
            difflib.unified_diff(
                self.expected.splitlines(keepends=True),
                self.actual.splitlines(keepends=True),
                fromfile=f"{expected_name} (stored)",
                tofile="printed now",
            )
        )


def mismatch_message(snippet: Snippet, comparison: Comparison, device: str = "cpu") -> str:
    out = snippet.output_path(device).relative_to(ROOT).as_posix()
    shown = pages_showing(snippet) or ["no page (it should be shown on one)"]
    return (
        f"{snippet.display} printed something other than {out}.\n"
        f"Shown on: {', '.join(shown)}\n"
        f"Numbers may differ by a relative {REL_TOL:g}; text must match exactly.\n\n"
        f"{comparison.diff(out)}\n"
        f"If the change is intended, refresh the stored output and review the diff:\n"
        f"    {REFRESH_HINT} -k {snippet.chapter}/{snippet.path.stem}\n"
    )


def write_if_changed(path: Path, text: str) -> bool:
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True
