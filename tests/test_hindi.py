"""Hindi-specific rules of the Hindi pages: the glossary's one term per concept, the digits 0-9,
and none of the mistranslations the reference glossary warns about."""

import re

import pytest

from tools import i18n, markdown
from tools.project import PROJECT

HINDI = [p for p in PROJECT.pages("hi")]
PAIRS = [t for t in i18n.translations(languages=("hi",)) if PROJECT.name_of(t.source) != "glossary"]


def test_glossary_mistranslations_are_avoided():
    wrong = {"व्युत्पत्ति": "अवकलज", "विभेदन": "अवकलन", "पूर्वाग्रह": "बायस"}
    problems = []
    for page in HINDI:
        text = markdown.read(page)
        for bad, good in wrong.items():
            if bad in text:
                problems.append(f"{PROJECT.rel(page)} uses {bad}; the course term is {good}")
    assert not problems, "\n".join(problems)


def test_hindi_pages_use_ascii_digits():
    devanagari_digits = re.compile("[\u0966-\u096f]")
    bad = [PROJECT.rel(p) for p in HINDI if devanagari_digits.search(markdown.read(p))]
    assert not bad, f"Hindi pages write numbers with the digits 0-9, as code prints them: {bad}"


def glossary_rows() -> list[tuple[str, str]]:
    """(Hindi term, English term) rows of the site's Hindi glossary page."""
    rows = []
    for line in markdown.read(PROJECT.page("glossary", "hi")).splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) >= 3 and not set(cells[0]) <= set("-: "):
            rows.append((cells[0], cells[1]))
    return [r for r in rows if r[1] != "अंग्रेज़ी"]  # drop each table's header row


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p.translated.name)
def test_hindi_page_uses_the_glossary_term_where_english_uses_the_term(pair):
    """One Hindi term per concept: where the English page uses a glossary term, its Hindi twin
    uses that term's Hindi form (or the form given in brackets)."""
    if not pair.exists:
        pytest.fail(f"{PROJECT.rel(pair.translated)} is missing", pytrace=False)
    english = markdown.reading_text(markdown.read(pair.source)).lower()
    hindi = markdown.reading_text(markdown.read(pair.translated))
    missing = []
    for hindi_term, english_term in sorted(glossary_rows(), key=lambda r: -len(r[1])):
        name = re.sub(r"\s*\(.*?\)", "", english_term).lower()
        used = re.compile(rf"\b{re.escape(name)}s?\b")
        if not used.search(english):
            continue
        english = used.sub(" ", english)  # "automatic differentiation" is not also "differentiation"
        forms = [re.sub(r"\s*\(.*?\)", "", hindi_term), *re.findall(r"\((.*?)\)", hindi_term)]
        if not any(form.strip() and form.strip() in hindi for form in forms):
            missing.append(f"{english_term} -> {hindi_term}")
    assert not missing, (
        f"{PROJECT.rel(pair.source)} uses these glossary terms but {PROJECT.rel(pair.translated)} does "
        f"not use their Hindi term (docs/glossary.hi.md): {missing}"
    )
