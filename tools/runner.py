"""Running one snippet module as `python snippet.py` would, inside this process (so `import torch`
is paid once), and returning what it printed, child processes' output included.

The CPU lane runs in a process where PyTorch sees no accelerator, so a snippet's device choice
(the cuda -> mps -> cpu chain, torch.accelerator) lands on the CPU with PyTorch's own functions:
`hide_cuda()` sets CUDA_VISIBLE_DEVICES to "" before torch first asks CUDA for its devices (the
tests and `python -m tools` call it first), and processes a snippet starts inherit it. A run on
the CPU lane in a process that sees an accelerator all the same is refused, saying why. A snippet
that is meant to fail (`# raises: ValueError`) must raise exactly that; what it printed is then
followed by the exception's last line, as Python shows it.
"""

from __future__ import annotations

import os
import runpy
import sys
import tempfile
import traceback
from contextlib import contextmanager, nullcontext
from pathlib import Path

TOOLS = Path(__file__).resolve().parent


class SnippetError(Exception):
    """A snippet failed (or did not fail as declared); the message holds its path and traceback."""


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


def hide_cuda() -> None:
    """Hide CUDA devices from this process and the processes it starts: CUDA reads
    CUDA_VISIBLE_DEVICES when torch first asks it for devices, so call this before that."""
    os.environ["CUDA_VISIBLE_DEVICES"] = ""


def visible_accelerator() -> str | None:
    """The accelerator PyTorch can use in this process ("cuda", "mps", ...), or None."""
    import torch

    accelerator = getattr(torch, "accelerator", None)  # PyTorch 2.6 and later
    if accelerator is not None:
        return accelerator.current_accelerator().type if accelerator.is_available() else None
    if torch.cuda.is_available():
        return "cuda"
    return "mps" if torch.backends.mps.is_available() else None


def cpu_lane_problem() -> str | None:
    """Why this process cannot run the CPU lane, or None when PyTorch sees no accelerator."""
    found = visible_accelerator()
    if found is None:
        return None
    if found == "cuda":
        how = ("CUDA is hidden only when CUDA_VISIBLE_DEVICES is set to an empty value before torch "
               "first asks CUDA for its devices: the tests (tests/conftest.py) and `python -m tools` "
               "set it for you; the GPU lane runs apart (tools/gpu_lane.sh, pytest -m gpu)")
    else:
        how = (f"PyTorch has no setting that hides {found}: the CPU outputs are checked on a machine "
               "without it, as CI does")
    return (f"this process sees a {found} device, so a snippet's device choice would not land on "
            f"the CPU and its output would not be the CPU output. {how}.")


def _check_lane(display: str, device: str) -> None:
    problem = cpu_lane_problem() if device == "cpu" else None
    if problem:
        raise SnippetError(f"{display} was not run on the CPU lane: {problem}")


@contextmanager
def _cpu_only():
    """Hide CUDA from the processes a snippet starts (this process already sees none)."""
    saved_env = os.environ.get("CUDA_VISIBLE_DEVICES")
    hide_cuda()
    try:
        yield
    finally:
        if saved_env is None:
            del os.environ["CUDA_VISIBLE_DEVICES"]
        else:
            os.environ["CUDA_VISIBLE_DEVICES"] = saved_env


def _reset_torch_state(threads: int) -> None:
    """Undo what a snippet may set for itself, so the next one starts as a fresh process would."""
    import torch

    torch.set_printoptions(profile="default")
    torch.set_default_dtype(torch.float32)
    torch.set_grad_enabled(True)
    torch.set_num_threads(threads)


def exception_line(exc: BaseException) -> str:
    """The last line(s) Python prints for an exception: `ValueError: message`."""
    return "".join(traceback.format_exception_only(type(exc), exc))


@contextmanager
def _as_script(path: Path, device: str):
    """As `python path` would see it (argv, its folder on sys.path), on the device's lane; and
    afterwards as before."""
    import torch

    saved_argv, saved_path, threads = sys.argv, list(sys.path), torch.get_num_threads()
    sys.argv = [str(path)]
    sys.path.insert(0, str(path.parent))
    try:
        with _cpu_only() if device == "cpu" else nullcontext():
            yield
    finally:
        sys.argv, sys.path[:] = saved_argv, saved_path
        _reset_torch_state(threads)


def module_globals(path: Path, run_name: str) -> dict:
    """Run a module on the CPU, what it prints discarded, and return its global variables (a
    figure draws the very tensors a snippet computed; under another run_name than "__main__",
    a snippet's `if __name__ == "__main__"` part does not run)."""
    _check_lane(str(path), "cpu")
    with _captured_stdout(), _as_script(path, "cpu"):
        return runpy.run_path(str(path), run_name=run_name)


def run(path: Path, display: str, device: str = "cpu", raises: str | None = None) -> str:
    """Run the module at `path` as a script in this process; return what it printed."""
    _check_lane(display, device)
    failure, raised = "", ""
    with _captured_stdout() as out:
        try:
            with _as_script(path, device):
                runpy.run_path(str(path), run_name="__main__")
        except SystemExit as exc:
            if exc.code not in (None, 0):
                failure = f"{display} exited with status {exc.code}"
        except Exception as exc:  # noqa: BLE001 - every failure of a snippet is reported alike
            if raises is not None and type(exc).__name__ == raises:
                raised = exception_line(exc)
            else:
                failure = _describe_failure(display, exc, raises)
    if failure:
        raise SnippetError(failure)
    if raises is not None and not raised:
        raise SnippetError(
            f"{display} declares `# raises: {raises}` but ran without raising it.\n"
            f"If PyTorch changed so that this code now works, the exercise no longer teaches what "
            f"it says: rewrite it (or drop the declaration) and refresh its output."
        )
    return out[0] + raised


def _describe_failure(display: str, exc: BaseException, raises: str | None) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if not f.filename.startswith(str(TOOLS))]
    text = "".join(traceback.format_list(ours)) + exception_line(exc)
    expected = f" (it declares `# raises: {raises}`)" if raises else ""
    return (
        f"{display} raised {type(exc).__name__} when run{expected}.\n"
        f"Run it alone to reproduce: python {display}\n\n"
        f"Traceback (snippet frames):\n{text}"
    )
