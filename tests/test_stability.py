"""Outputs that must not depend on the machine: the chapters that train a model (the bigram model
of text-to-vectors, the last chapter's GPT) or build one (attention's layers, checked against
PyTorch's) print the same on one thread as on the default (one per core)."""

import pytest

from tools import harness

TRAINING_CHAPTERS = ("text-to-vectors", "attention", "tiny-lm")
# A snippet that sets one thread itself (the tiny GPT's training, the longest run) computes the
# same on both lanes: running it again here would prove nothing and cost seconds.
ONE_THREAD_ITSELF = "torch.set_num_threads(1)"
TRAINED = [s for s in harness.discover()
           if s.chapter in TRAINING_CHAPTERS and ONE_THREAD_ITSELF not in s.source]


@pytest.mark.parametrize("snippet", TRAINED, ids=lambda s: s.id)
def test_training_chapters_print_the_same_on_one_thread(snippet):
    """These chapters train models: their outputs must not depend on how many threads compute
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
