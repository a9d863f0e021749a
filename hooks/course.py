"""MkDocs hook of the course site.

- A Hindi page that does not exist yet is built from its English page by
  mkdocs-static-i18n; this hook puts a short Hindi notice on top of it.
"""

from __future__ import annotations

UNTRANSLATED_NOTICE = {
    "hi": (
        '!!! note "अनुवाद बाकी है"\n'
        "    इस पेज का हिन्दी अनुवाद अभी नहीं हुआ है, इसलिए इसे अंग्रेज़ी में दिखाया जा रहा है।\n\n"
    ),
}


def is_fallback(page) -> bool:
    """True when the page is the default language's file standing in for another language."""
    file = page.file
    locale = getattr(file, "locale", None)
    building = getattr(file, "locale_alternate_of", None)
    return locale is not None and building is not None and locale != building


def on_page_markdown(markdown, page, config, files):
    if is_fallback(page):
        notice = UNTRANSLATED_NOTICE.get(page.file.locale_alternate_of, "")
        return notice + markdown
    return markdown
