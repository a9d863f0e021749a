"""Exercises: the starters (`NN_exercise_<name>.py`) and solutions (`NN_solution_<name>.py`) a
page shows, in page order, and whether each answer is hidden in a collapsible block."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tools import markdown
from tools.project import PROJECT, Project

MODULE = re.compile(r"(?:^|/)\d\d_(?P<role>exercise|solution)_(?P<name>[a-z0-9_]+)\.(?P<ext>py|out)$")
COLLAPSIBLE = re.compile(r"^(?P<indent>[ \t]*)\?\?\?\+?\s")


@dataclass(frozen=True)
class Exercise:
    name: str  # the part after NN_exercise_
    starter: str  # the starter module, as included: chapter/NN_exercise_name.py
    solution: str | None  # the solution module, if the exercise has one
    answer_hidden: bool  # every output or solution of it sits in a collapsible block

    @property
    def kind(self) -> str:
        """predict (reveal the starter's output) or solve (a solution to open)."""
        return "solve" if self.solution else "predict"


def _hidden_lines(text: str) -> set[int]:
    """Line numbers (0-based) inside a collapsible block (`??? ...` and its indented body)."""
    hidden, lines, i = set(), text.splitlines(), 0
    while i < len(lines):
        m = COLLAPSIBLE.match(lines[i])
        if not m:
            i += 1
            continue
        depth, i = len(m["indent"]), i + 1
        while i < len(lines) and (not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) > depth):
            hidden.add(i)
            i += 1
    return hidden


def of_page(page: Path) -> list[Exercise]:
    """The exercises a page shows, in order of their first include."""
    text = markdown.read(page)
    hidden = _hidden_lines(text)
    shown: dict[str, list[tuple[str, str, str, bool]]] = {}  # name -> (role, ext, target, hidden)
    for m in markdown.INCLUDE.finditer(text):
        target = markdown.include_file(m["target"])
        if module := MODULE.search(target):
            line = text.count("\n", 0, m.start())
            shown.setdefault(module["name"], []).append(
                (module["role"], module["ext"], target, line in hidden))
    found = []
    for name, includes in shown.items():
        starter = next((t for role, ext, t, _ in includes if role == "exercise" and ext == "py"), "")
        solution = next((t for role, ext, t, _ in includes if role == "solution" and ext == "py"), None)
        # the answer: the solution (code and output), or, to predict, the starter's output
        answer = [h for role, ext, _, h in includes
                  if role == "solution" or (solution is None and ext == "out")]
        found.append(Exercise(name, starter, solution, bool(answer) and all(answer)))
    return found


def counts(project: Project = PROJECT) -> dict[str, dict[str, str]]:
    """For the status table: {"<code> exercises": {page name: "5 (2 predict, 3 solve)"}}."""
    table: dict[str, dict[str, str]] = {}
    for code in project.codes:
        column = table.setdefault(f"{code} exercises", {})
        for page in project.pages(code):
            found = of_page(page)
            if found:
                predict = sum(e.kind == "predict" for e in found)
                solve = len(found) - predict
                column[project.name_of(page)] = f"{len(found)} ({predict} predict, {solve} solve)"
    return table
