"""A line under a chapter's title linking its notebook: the rendered notebook page, the .ipynb
file to download and, when the repository address is configured (extra.repository), Colab."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from course_interface import is_notebook_page, page_language, strings

TITLE = re.compile(r"^# .*$", re.MULTILINE)


def _notebook_of(page, files):
    """The notebook file of a chapter page in the language being built, if there is one."""
    chapter = PurePosixPath(page.file.src_uri).name.split(".")[0]
    wanted = f"notebooks/{chapter}.ipynb"
    return next((f for f in files if getattr(f, "norm_src_uri", f.src_uri) == wanted), None)


def on_page_markdown(markdown, page, config, files):
    if is_notebook_page(page.file):
        return markdown
    notebook = _notebook_of(page, files)
    if notebook is None:
        return markdown
    text = strings(page_language(page))
    chapter, name = PurePosixPath(notebook.src_uri).name.split(".")[0], PurePosixPath(notebook.src_uri).name
    links = [
        f"[{text['notebook_read']}](notebooks/{chapter}.ipynb)",
        f'<a href="../notebooks/{chapter}/{name}" download>{text["notebook_download"]}</a>',
    ]
    repo = (config.extra.get("repository") or "").rstrip("/")
    if repo.startswith("https://github.com/"):
        slug = repo.removeprefix("https://github.com/")
        links.append(f"[{text['notebook_colab']}](https://colab.research.google.com/github/{slug}"
                     f"/blob/main/docs/notebooks/{name})")
    line = f'{text["notebook_lead"]}: {" · ".join(links)}\n{{ .notebook-links }}\n\n'
    title = TITLE.search(markdown)
    at = title.end() + 1 if title else 0
    return markdown[:at] + "\n" + line + markdown[at:]
