"""Drops the <link rel="alternate" hreflang> tags mkdocs-static-i18n puts in each page's head:
Material's JavaScript fetches sitemap.xml beside every one of them, two requests per page for
files that do not exist. The language switcher in the header is a separate element and stays."""

from __future__ import annotations

import re

ALTERNATE_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def on_post_page(output, page, config):
    return ALTERNATE_LINK.sub("", output)
