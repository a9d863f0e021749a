"""Every snippet, run on the CPU, prints what its stored output file says.

    pytest tests/test_snippets.py                      # check
    pytest tests/test_snippets.py --refresh-outputs    # rewrite (python -m tools refresh does the same)
"""

import pytest

from tools import harness

SNIPPETS = harness.discover()


@pytest.fixture(scope="module", autouse=True)
def _torch_imported_once():
    import torch  # noqa: F401 - paid once for every snippet of the module


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda s: s.id)
def test_snippet_output(snippet, refresh):
    outcome = harness.check(snippet, refresh=refresh)
    if outcome.problem:
        pytest.fail(outcome.problem, pytrace=False)


@pytest.mark.parametrize("chapter", sorted({s.chapter for s in SNIPPETS}))
def test_provenance_names_this_torch(chapter, refresh):
    problem = harness.check_provenance(chapter, refresh=refresh)
    assert not problem, problem


def test_snippets_found():
    assert len(SNIPPETS) >= 10, "snippet discovery found too few modules under snippets/"

