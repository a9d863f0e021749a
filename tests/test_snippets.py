"""Run every snippet on the CPU and compare what it prints with its output file.

    pytest tests/test_snippets.py                      # check
    pytest tests/test_snippets.py --refresh-outputs    # rewrite outputs after an intended change
"""

import pytest

from tools import snippets as sn

SNIPPETS = sn.discover()


@pytest.fixture(scope="module", autouse=True)
def _torch_imported_once():
    import torch  # noqa: F401 - paid once for every snippet of the module


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda s: f"{s.chapter}/{s.path.stem}")
def test_snippet_output(snippet, refresh):
    try:
        printed = sn.run(snippet)
    except sn.SnippetError as exc:
        pytest.fail(str(exc), pytrace=False)
    out = snippet.output_path()
    if not out.exists():
        if refresh:
            sn.write_if_changed(out, printed)
            return
        pytest.fail(
            f"{snippet.display} has no stored output {out.relative_to(sn.ROOT)}.\n"
            f"Create it with: {sn.REFRESH_HINT} -k {snippet.chapter}/{snippet.path.stem}",
            pytrace=False,
        )
    comparison = sn.Comparison(out.read_text(encoding="utf-8"), printed, snippet.varies)
    if refresh:
        sn.write_if_changed(out, comparison.refreshed())
        sn.write_if_changed(sn.provenance_path(snippet.chapter), sn.provenance())
        return
    if not comparison.agrees:
        pytest.fail(sn.mismatch_message(snippet, comparison), pytrace=False)


@pytest.mark.parametrize("chapter", sorted({s.chapter for s in SNIPPETS}))
def test_provenance_names_this_torch(chapter, refresh):
    """The line under a chapter's outputs names the PyTorch that produced them."""
    path = sn.provenance_path(chapter)
    if refresh:
        sn.write_if_changed(path, sn.provenance())
    assert path.exists(), f"{path.relative_to(sn.ROOT)} is missing: run {sn.REFRESH_HINT}"
    stored, now = path.read_text(encoding="utf-8"), sn.provenance()
    assert stored == now, (
        f"{path.relative_to(sn.ROOT)} says the outputs came from\n    {stored}"
        f"but the tests now run on\n    {now}"
        f"The outputs still agree within tolerance; record the new versions with {sn.REFRESH_HINT}"
    )


def test_snippets_found():
    assert len(SNIPPETS) >= 10, "snippet discovery found too few modules under snippets/"
