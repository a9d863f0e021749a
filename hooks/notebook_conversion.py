"""One notebook converted as mkdocs-jupyter converts it, for hooks/notebook_cache.py: run in a
worker process (a module of its own, so the worker finds the function by its name), with two
of nbconvert's costs taken out (speed_up_nbconvert), two thirds of a conversion's time:

- its templates compiled once per process, not once per notebook (Jinja's bytecode cache,
  checked against each template's source);
- no BeautifulSoup round trip. nbconvert's HTML exporter parses its whole output (the page and
  600 KB of inline CSS) into a tree to set three attributes, then writes the tree out again.
  LightSoup finds the same elements by reading the tags alone and writes only those attributes
  into the text; the result parses to the same tree as nbconvert's (tests/test_notebook_cache.py
  compares them on every notebook). A selector nbconvert asks for that LightSoup does not know
  fails the build, naming it.
"""

from __future__ import annotations

import json
import logging
import os
import re
from html import escape
from pathlib import Path

from bs4.builder import HTMLTreeBuilder
from course_interface import memo
from template_cache import MemoryBytecodeCache

# The plugin's options that shape its output, passed to nbconvert as mkdocs-jupyter's own
# page renderer passes them (mkdocs_jupyter.plugin.Plugin.on_pre_page).
RENDER_OPTIONS = ("kernel_name", "theme", "allow_errors", "show_input", "no_input", "no_prompt",
                  "remove_tag_config", "highlight_extra_classes", "include_requirejs",
                  "custom_mathjax_url")


def convert(source: str, target: str, options: dict) -> list[str]:
    """In a worker: what mkdocs-jupyter's page renderer does on a cache miss, nbconvert's HTML
    and the table of contents, written where the plugin looks for them. Returns the warnings
    logged meanwhile under the logger "mkdocs" (those a strict build counts), for the build to
    log again where they count."""
    from mkdocs_jupyter import convert as nbconvert2
    from mkdocs_jupyter.plugin import _get_nb_toc_tokens

    warnings = WarningsKept()
    logging.getLogger("mkdocs").addHandler(warnings)
    try:
        body = nbconvert2.nb2html(source, execute=False, **{k: options[k] for k in RENDER_OPTIONS})
        toc_tokens, title = _get_nb_toc_tokens(source, options["toc_depth"])
    finally:
        logging.getLogger("mkdocs").removeHandler(warnings)
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    partial.write_text(json.dumps({"content": body, "toc_tokens": toc_tokens, "title": title}),
                       encoding="utf-8")
    partial.replace(path)  # the plugin never reads half an entry
    return warnings.messages


class WarningsKept(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.name}: {record.getMessage()}")


def speed_up_nbconvert() -> None:
    import nbconvert.exporters.html
    from nbconvert.exporters.templateexporter import TemplateExporter

    nbconvert.exporters.html.BeautifulSoup = LightSoup
    create = TemplateExporter._create_environment
    if getattr(create, "course_cache", False):
        return

    def _create_environment(self):
        environment = create(self)
        environment.bytecode_cache = MemoryBytecodeCache(memo("nbconvert_templates"))
        return environment

    _create_environment.course_cache = True
    TemplateExporter._create_environment = _create_environment


# html.parser's reading of a document, as far as finding start tags and their nesting needs:
# comments, declarations and processing instructions skipped, <script> and <style> raw text.
TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)|<[!?][^>]*>"
    r"|<(?P<raw>(?i:script|style))\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>.*?(?:</(?i:(?P=raw))\s*>|\Z)"
    r"|</(?P<end>[a-zA-Z][^\s/>]*)[^>]*>"
    r"|<(?P<start>[a-zA-Z][^\s/>]*)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.S,
)
ATTRIBUTE = re.compile(r"""([^\s/>"'=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>"']*))?""")
VOID = frozenset(HTMLTreeBuilder.DEFAULT_EMPTY_ELEMENT_TAGS)  # BeautifulSoup never leaves them open


class LightSoup:
    """The part of BeautifulSoup that nbconvert's HTML exporter uses (select, attrs, str) on
    the exporter's own output, without building a tree: the tags are read in order, keeping
    the stack of open elements as BeautifulSoup does (an end tag closes the latest open element
    of its name and everything opened after it)."""

    NOTEBOOK = "jp-Notebook"
    SELECTORS = {  # selector -> (tag, class it must have; None: no alt attribute)
        "img:not([alt])": ("img", None),
        ".jp-Notebook div.jp-Cell-inputWrapper": ("div", "jp-Cell-inputWrapper"),
        ".jp-Notebook div.jp-OutputArea-output": ("div", "jp-OutputArea-output"),
    }
    WANTED = {name for name, _ in SELECTORS.values()}
    CLASSES = [cls for _, cls in SELECTORS.values() if cls]

    def __init__(self, markup: str, features: str | None = None):
        self.markup = markup
        self.elements: list[LightElement] = []  # the img and div tags the selectors may want
        stack: list[tuple[str, bool]] = []  # open elements: (name, has the class jp-Notebook)
        notebooks = 0  # open elements with the class jp-Notebook
        for token in TOKEN.finditer(markup):
            if token["end"]:
                name = token["end"].lower()
                for depth in range(len(stack) - 1, -1, -1):
                    if stack[depth][0] == name:
                        notebooks -= sum(notebook for _, notebook in stack[depth:])
                        del stack[depth:]
                        break
                continue
            name = (token["start"] or token["raw"] or "").lower()
            if not name:
                continue  # comment, declaration
            attrs = token["attrs"] or ""
            notebook = self.NOTEBOOK in attrs and self.NOTEBOOK in LightAttributes(attrs).classes()
            if name in self.WANTED and (name == "img" or any(c in attrs for c in self.CLASSES)):
                self.elements.append(LightElement(name, token.start("attrs") + len(attrs), attrs,
                                                  in_notebook=notebooks > 0))
            if name not in VOID and not attrs.endswith("/") and not token["raw"]:
                stack.append((name, notebook))  # a <div/> opens and closes at once
                notebooks += notebook

    def select(self, selector: str) -> list[LightElement]:
        if selector not in self.SELECTORS:
            raise NotImplementedError(
                f"nbconvert asks for {selector!r}, which hooks/notebook_conversion.py's LightSoup "
                "does not know: add it to LightSoup.SELECTORS (nbconvert was upgraded?)")
        tag, cls = self.SELECTORS[selector]
        if cls is None:
            return [e for e in self.elements if e.name == tag and "alt" not in e.attrs]
        return [e for e in self.elements if e.name == tag and e.in_notebook and cls in e.classes]

    def __str__(self) -> str:
        out, position = [], 0
        for element in self.elements:
            if element.attrs.changed:
                out.append(self.markup[position:element.end])
                out.append(element.attrs.written())
                position = element.end
        out.append(self.markup[position:])
        return "".join(out)


class LightElement:
    def __init__(self, name: str, end: int, text: str, in_notebook: bool):
        self.name, self.in_notebook = name, in_notebook
        self.end = end - 1 if text.endswith("/") else end  # new attributes go before a "/>"
        self.attrs = LightAttributes(text)
        self.classes = self.attrs.classes()


class LightAttributes(dict):
    """A start tag's attributes; those set afterwards are written at the tag's end."""

    def __init__(self, text: str):
        super().__init__()
        for match in ATTRIBUTE.finditer(text):
            value = match[2] or ""  # of a repeated attribute, the last counts, as in BeautifulSoup
            super().__setitem__(match[1].lower(), value[1:-1] if value[:1] in ("'", '"') else value)
        self.changed: dict[str, str] = {}

    def classes(self) -> list[str]:
        return (self.get("class") or "").split()

    def __setitem__(self, name: str, value: str) -> None:
        if name in self:
            raise NotImplementedError(f"LightSoup cannot rewrite the attribute {name!r} a tag has")
        super().__setitem__(name, value)
        self.changed[name] = value

    def written(self) -> str:
        return "".join(f' {name}="{escape(value)}"' for name, value in self.changed.items())
