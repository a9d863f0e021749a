"""Comparing what a program printed with what is stored: text exactly, numbers within tolerance.

Floats agree when they match to a relative 1e-4 (four significant digits), integers exactly; a
line declared as varying (a timing) has its numbers masked, its text still checked.
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass, field

NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")
REL_TOL = 1e-4


def _tokens(line: str) -> tuple[list[str], list[str]]:
    return NUMBER.split(line), NUMBER.findall(line)


def numbers_agree(expected: str, actual: str) -> bool:
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
    return all(numbers_agree(e, a) for e, a in zip(nums_e, nums_a, strict=True))


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
        return len(e) == len(a) and all(lines_agree(x, y, self.varies) for x, y in zip(e, a, strict=True))

    def refreshed(self) -> str:
        """The new stored text: stored lines kept where they still agree, so a second refresh
        (or a timing that moved) changes nothing."""
        e, a = self.expected_lines, self.actual_lines
        if len(e) != len(a):
            return self.actual
        kept = [x if lines_agree(x, y, self.varies) else y for x, y in zip(e, a, strict=True)]
        return "\n".join(kept) + ("\n" if self.actual.endswith("\n") else "")

    def diff(self, expected_name: str) -> str:
        return "".join(difflib.unified_diff(
            self.expected.splitlines(keepends=True), self.actual.splitlines(keepends=True),
            fromfile=f"{expected_name} (stored)", tofile="printed now"))
