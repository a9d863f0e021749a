"""MkDocs hook: notebook pages cost little to build.

- Converted once per content. mkdocs-jupyter converts every notebook with nbconvert on every
  build, most of a build's time, and on every save in `mkdocs serve`. Its own cache (keyed by
  the notebook's bytes and the plugin's options; `cache: true` in mkdocs.yml) is put here in a
  folder beside mkdocs.yml rather than in the working directory: a build of another copy of the
  site (a test's, the benchmark's) keeps its own cache. The plugin evicts the entries a build
  did not use, and mkdocs-static-i18n builds one language after the other: an entry is kept
  while some notebook in docs/ has its content, whichever language it is in. The folder's name
  carries the plugin's and nbconvert's versions (and CONVERSION below), so an upgrade converts
  afresh and removes the old folder. It is kept out of git (.cache/ in .gitignore). The cached
  HTML is the plugin's raw output; the course's own changes to it (the other hooks) still run
  on every build.
- Converted beside the build, not in its way. When a build finds notebooks missing from the
  cache (a fresh clone, an edited notebook), every language's, it converts them in worker
  processes (hooks/notebook_conversion.py) while it builds the Markdown pages, writing the
  very cache entries the plugin then reads. Workers are forked (Linux), and only from a
  process with no other thread (`mkdocs build`, not the live server of `mkdocs serve`);
  otherwise, or with NOTEBOOK_WORKERS=0 in the environment, the plugin converts them itself,
  one after the other. NOTEBOOK_WORKERS=N sets how many (default: one per CPU this process
  may use, at most MAX_WORKERS).
- Converted with less waste: hooks/notebook_conversion.py takes out the two thirds of
  nbconvert's time that are template compiling and a BeautifulSoup round trip.
- Also for speed: the search plugin does not parse the notebook pages (marked
  `search: exclude`), a third of a build's parsing. They are left out of the search index
  anyway (a notebook page repeats its chapter; hooks/search_split.py).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import sys
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from importlib.metadata import version
from pathlib import Path

from course_interface import is_notebook_page, memo
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from notebook_conversion import RENDER_OPTIONS, convert, speed_up_nbconvert

log = logging.getLogger("mkdocs.hooks.notebook_cache")

# Bump when what this hook puts in the cache changes (the folder's name carries it).
CONVERSION = "2"
# More workers than this gain nothing: the build's own process is then the slower one.
MAX_WORKERS = 4
WORKER_NICENESS = 10  # cold build with / without notebook pages here: ratio 1.20, 1.25 without it
# Conversions under way in worker processes: notebook path -> future; one pool per process,
# shared by the languages' builds (mkdocs-static-i18n runs them in one process).
JOBS: dict[str, Future] = memo("notebook_jobs")
POOL: dict[str, ProcessPoolExecutor] = memo("notebook_pool")


def cache_dir(config) -> Path:
    versions = (f"mkdocs-jupyter-{version('mkdocs-jupyter')}-nbconvert-{version('nbconvert')}"
                f"-course-{CONVERSION}")
    return Path(config.config_file_path).resolve().parent / ".cache" / versions


def on_startup(command, dirty):
    speed_up_nbconvert()


def on_config(config):
    plugin = config.plugins.get("mkdocs-jupyter")
    if plugin is None or not plugin.config["cache"]:
        return config
    plugin.config["cache_dir"] = str(cache_dir(config))
    return config


@event_priority(-110)  # after mkdocs-static-i18n's (-100) has chosen the language's files
def on_files(files, config):
    plugin = config.plugins.get("mkdocs-jupyter")
    if plugin is None or not plugin.config["cache"] or plugin.config["execute"]:
        return files  # executing notebooks: left to the plugin
    # this language's notebooks first, then the other languages'
    first = [Path(f.abs_src_path) for f in files if is_notebook_page(f) and plugin.should_include(f)]
    missing = [(source, target) for source, target in _entries(config, plugin, first)
               if str(source) not in JOBS and not target.exists()]
    if not missing:
        return files
    if "pool" not in POOL:
        workers = _workers(len(missing))
        if workers == 0:
            return files
        # the workers yield the CPU to the build, which is what they must not slow down
        POOL["pool"] = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                           initializer=os.nice, initargs=(WORKER_NICENESS,))
    options = {name: plugin.config[name] for name in (*RENDER_OPTIONS, "toc_depth")}
    for source, target in missing:
        JOBS[str(source)] = POOL["pool"].submit(convert, str(source), str(target), options)
    return files


def on_pre_page(page, config, files):
    job = JOBS.pop(page.file.abs_src_path or "", None)
    if job is None:
        return page
    try:
        warnings = job.result()
    except Exception as error:
        _shut_down()
        first_line = (str(error).strip().splitlines() or [""])[0]
        raise PluginError(f"docs/{page.file.src_uri}: nbconvert could not convert this notebook "
                          f"({type(error).__name__}: {first_line}). Notebooks are generated: run "
                          "`python -m tools notebooks`.") from error
    log.info("Notebook converted in a worker process: docs/%s", page.file.src_uri)
    for warning in warnings:
        log.warning("docs/%s, while converting it: %s", page.file.src_uri, warning)
    return page


def on_page_content(html, page, config, files):
    # runs before the search plugin reads the page (on_page_context)
    if is_notebook_page(page.file):
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return html


@event_priority(10)  # before the plugin's, which evicts the entries this build did not use
def on_post_build(config):
    plugin = config.plugins.get("mkdocs-jupyter")
    if plugin is not None and plugin.config["cache"] and hasattr(plugin, "_used_cache_paths"):
        plugin._used_cache_paths.update(target for _, target in _entries(config, plugin, []))
    if not JOBS:  # else another language's build is still to use them
        _shut_down()
    current = cache_dir(config)
    for old in current.parent.glob("mkdocs-jupyter-*"):
        if old != current and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)  # another version's entries


def _entries(config, plugin, first: list[Path]) -> list[tuple[Path, Path]]:
    """(notebook, its cache entry) for every notebook in docs/ that the plugin makes a page of,
    `first` first."""
    from mkdocs.structure.files import File
    from mkdocs_jupyter.plugin import _compute_cache_key, _get_cache_path

    docs = Path(config.docs_dir)
    found = [path for path in sorted(docs.rglob("*.ipynb"))
             if not any(part.startswith(".") for part in path.relative_to(docs).parts)
             and plugin.should_include(File(path.relative_to(docs).as_posix(), config.docs_dir,
                                            config.site_dir, config.use_directory_urls))]
    ordered = [p for p in first if p in found] + [p for p in found if p not in first]
    return [(path, _get_cache_path(plugin.config["cache_dir"],
                                   _compute_cache_key(str(path), plugin.config, False)))
            for path in ordered]


def on_build_error(error):
    _shut_down()


def _workers(missing: int) -> int:
    """How many worker processes to convert `missing` notebooks with (0: let the plugin)."""
    wanted = os.environ.get("NOTEBOOK_WORKERS", "").strip()
    if wanted and not wanted.isdigit():
        raise PluginError(f"NOTEBOOK_WORKERS={wanted!r}: give a number of worker processes "
                          "(0 converts notebooks in the build's own process)")
    # fork only where it is safe: on Linux, from a process with no other thread
    if not sys.platform.startswith("linux") or threading.active_count() > 1:
        return 0
    count = int(wanted) if wanted else min(MAX_WORKERS, len(os.sched_getaffinity(0)))
    return min(count, missing)


def _shut_down() -> None:
    for job in JOBS.values():
        job.cancel()
    JOBS.clear()
    pool = POOL.pop("pool", None)
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)
