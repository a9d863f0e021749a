"""Outputs that must not depend on the machine: the last chapter trains a model, and what it
prints must be the same on one thread as on the default (one per core)."""

import pytest

from tools import harness

TINY_LM = [s for s in harness.discover() if s.chapter == "tiny-lm"]


@pytest.mark.parametrize("snippet", TINY_LM, ids=lambda s: s.id)
def test_tiny_lm_prints_the_same_on_one_thread(snippet):
    """The last chapter trains a model: its outputs must not depend on how many threads compute
    them (test_snippet_output runs with torch's default, one per core)."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        outcome = harness.check(snippet)
    finally:
        torch.set_num_threads(threads)
    if outcome.problem:
        pytest.fail(f"on one thread (the default here is {threads}):\n{outcome.problem}", pytrace=False)
