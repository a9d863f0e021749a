"""`mkdocs serve` (what authors preview with) rebuilds when a snippet or its
output file changes, not only when a page does."""

from tools import site

STARTUP_TIMEOUT_S = 120
REBUILD_TIMEOUT_S = 90


def test_serve_reloads_when_a_page_snippet_or_output_changes(site_copy, tmp_path):
    with site.preview(site_copy, tmp_path / "serve.log") as base:
        url = base + "tensors/"
        assert site.wait_for(url, "torch.Size", STARTUP_TIMEOUT_S) is not None, (
            f"mkdocs serve did not serve the tensors page within {STARTUP_TIMEOUT_S} s:\n"
            + (tmp_path / "serve.log").read_text()[-3000:])
        chapter = site_copy.snippets / "tensors"
        edits = [(chapter / "01_ranks.out", "OUTPUT-CHANGED-MARKER\n", "an output file"),
                 (chapter / "01_ranks.py", "# SNIPPET-CHANGED-MARKER\n", "a snippet"),
                 (site_copy.page("tensors", "en"), "\nPAGE-CHANGED-MARKER\n", "the page")]
        for path, marker, what in edits:
            path.write_text(path.read_text(encoding="utf-8") + marker, encoding="utf-8")
            assert site.wait_for(url, marker.strip("# \n"), REBUILD_TIMEOUT_S) is not None, (
                f"mkdocs serve: a change to {what} did not show on the page within {REBUILD_TIMEOUT_S} s")
