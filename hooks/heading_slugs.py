"""Heading anchors for every page: lower case, punctuation dropped, Devanagari kept whole
("चेन रूल" -> "चेन-रूल"; Python-Markdown's default slugify turns it into "_1")."""

from __future__ import annotations

import re
import unicodedata

NOT_IN_SLUG = re.compile(r"[^\w\s\u0900-\u097f-]")  # keeps Devanagari vowel signs, which \w drops


def heading_slug(text: str, separator: str) -> str:
    text = NOT_IN_SLUG.sub("", unicodedata.normalize("NFC", text).lower())
    return re.sub(r"[\s-]+", separator, text).strip(separator)


def on_config(config):
    config.mdx_configs.setdefault("toc", {})["slugify"] = heading_slug
    return config
