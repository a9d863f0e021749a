"""MkDocs hook: a notebook page is converted again only when its notebook changed, and then
with less waste (hooks/notebook_conversion.py takes out the half of nbconvert's time that is
template compiling and a BeautifulSoup round trip).

mkdocs-jupyter converts every notebook with nbconvert on every build, most of a
build's time, and on every save in `mkdocs serve`. Its own cache (keyed by the
notebook's bytes and the plugin's options; `cache: true` in mkdocs.yml) is put
here in a folder beside mkdocs.yml rather than in the working directory: a build of
another copy of the site (a test's, the benchmark's) keeps its own cache and
cannot evict this one's entries, which the plugin does for entries a build did
not use. mkdocs-static-i18n builds one language after the other, so each
language has its own folder. The folder's name carries the plugin's and nbconvert's versions
(and CONVERSION below), so an upgrade converts afresh. It is kept out of git (.cache/ in .gitignore).

The cached HTML is the plugin's raw output; the course's own changes to it
(the other hooks) still run on every build.

Also for speed: the search plugin does not parse the notebook pages (marked
`search: exclude`), a third of a build's parsing. They are left out of the
search index anyway (a notebook page repeats its chapter; hooks/search_split.py).
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

from notebook_conversion import speed_up_nbconvert

# Bump when what this hook puts in the cache changes (the folder's name carries it).
CONVERSION = "1"


def cache_dir(config) -> Path:
    versions = (f"mkdocs-jupyter-{version('mkdocs-jupyter')}-nbconvert-{version('nbconvert')}"
                f"-course-{CONVERSION}")
    # mkdocs-static-i18n builds one language after the other, and the plugin evicts
    # the entries a build did not use: one folder per language keeps both.
    i18n = config.plugins.get("i18n")
    language = getattr(i18n, "current_language", None) or "default"
    return Path(config.config_file_path).resolve().parent / ".cache" / versions / language


def on_startup(command, dirty):
    speed_up_nbconvert()


def on_config(config):
    plugin = config.plugins.get("mkdocs-jupyter")
    if plugin is None or not plugin.config["cache"]:
        return config
    plugin.config["cache_dir"] = str(cache_dir(config))
    return config


def on_page_content(html, page, config, files):
    # runs before the search plugin reads the page (on_page_context)
    if page.file.src_uri.startswith("notebooks/") and page.file.src_uri.endswith(".ipynb"):
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return html
