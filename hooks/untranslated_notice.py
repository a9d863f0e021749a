"""A page not yet translated is built in the default language under each other language's URL
(mkdocs-static-i18n's fallback); this puts that language's short notice on top of it."""

from __future__ import annotations

from course_interface import is_fallback, page_language, strings


def on_page_markdown(markdown, page, config, files):
    if not is_fallback(page):
        return markdown
    return strings(page_language(page))["untranslated_notice"] + markdown
