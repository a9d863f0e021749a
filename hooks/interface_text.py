"""The text the course adds to a page in the page's language (hooks/strings/<language>.yml):

- on a page not yet translated, which mkdocs-static-i18n builds in the default language under
  another language's URL (its fallback), that language's short notice on top;
- under a chapter's title, a line linking its notebook: the rendered notebook page, the .ipynb
  file to download and, when the repository address is configured (extra.repository), Colab.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path, PurePosixPath

import yaml
from mkdocs.exceptions import PluginError

STRINGS = Path(__file__).parent / "strings"
TITLE = re.compile(r"^# .*$", re.MULTILINE)


@cache
def strings(language: str) -> dict[str, str]:
    """The interface text of one language; a missing file or key fails the build saying which."""
    path = STRINGS / f"{language}.yml"
    if not path.exists():
        raise PluginError(f"{path}: missing. Every language in mkdocs.yml needs its interface text: "
                          f"copy hooks/strings/en.yml to {path.name} and translate the values.")
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    expected = set(yaml.safe_load((STRINGS / "en.yml").read_text(encoding="utf-8")))
    if missing := sorted(expected - set(data)):
        raise PluginError(f"{path}: no text for {', '.join(missing)} (hooks/strings/en.yml has them)")
    return data


def on_config(config):
    """Every language's text is read before any page is built: a missing file fails at once."""
    plugin = config.plugins.get("i18n")
    for language in plugin.config.languages if plugin else []:
        strings(language.locale)


def on_page_markdown(markdown, page, config, files):
    # mkdocs-static-i18n records on each file its language and the language being built
    language = getattr(page.file, "locale_alternate_of", None) or "en"
    text = strings(language)
    markdown = _with_notebook_links(markdown, page, config, files, text)
    if getattr(page.file, "locale", language) != language:
        markdown = text["untranslated_notice"] + markdown
    return markdown


def _with_notebook_links(markdown, page, config, files, text) -> str:
    source = PurePosixPath(page.file.src_uri)
    if source.parts[0] == "notebooks":
        return markdown
    chapter = source.name.split(".")[0]
    wanted = f"notebooks/{chapter}.ipynb"  # the notebook of the language being built
    notebook = next((f for f in files if getattr(f, "norm_src_uri", f.src_uri) == wanted), None)
    if notebook is None:
        return markdown
    name = PurePosixPath(notebook.src_uri).name
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
