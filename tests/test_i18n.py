"""The translations (Hindi today): every page translated, in step with its source page.

Parity: for each page pair the same snippet and output includes in the same order, the same
number of math blocks, headings and admonitions, and every number the prose quotes from an
output present in both. Drift: each translated page records the hash of the page it translates.
"""

import re

import pytest

from tools import i18n, markdown
from tools.project import PROJECT

PAIRS = i18n.translations()
HEADING = re.compile(r"^#{1,6} ", re.MULTILINE)
ADMONITION = re.compile(r"^[ \t]*(!!!|\?\?\?\+?) ?[\w-]+", re.MULTILINE)
MATH_BLOCK = re.compile(r"^[ \t]*\$\$[ \t]*$", re.MULTILINE)
INLINE_MATH = re.compile(r"\$[^$\n]+\$")
NUMBER = re.compile(r"(?<![\w.])-?\d+(?:[.,]\d+)*(?![\w])")


def pair_id(pair):
    return pair.translated.name


def quoted_output_numbers(page, outputs_text: str) -> set[str]:
    """Numbers in the page's prose (not its math) that also appear in its outputs."""
    words = INLINE_MATH.sub(" ", markdown.prose(markdown.read(page)))
    words = re.sub(r"\$\$.*?\$\$", " ", words, flags=re.DOTALL)
    printed = set(NUMBER.findall(outputs_text))
    return {n for n in NUMBER.findall(words) if n in printed and len(n.strip("-")) > 2}


def outputs_of(page) -> str:
    texts = []
    for target in markdown.includes(markdown.read(page)):
        path = PROJECT.snippets / markdown.include_file(target)
        if path.suffix in {".out", ".txt"} and path.exists():
            texts.append(path.read_text(encoding="utf-8"))
    return "\n".join(texts)


def structure(page) -> dict[str, object]:
    text = markdown.read(page)
    unfenced = markdown.prose(text)
    own = re.escape(f".{PROJECT.language_of(page)}.")
    return {  # a file made per language (a figure's x.hi.svg) counts as the same include
        "snippet and output includes": [re.sub(own, ".<language>.", t) for t in markdown.includes(text)],
        "math blocks": len(MATH_BLOCK.findall(unfenced)) // 2,
        "headings": len(HEADING.findall(unfenced)),
        "admonitions": len(ADMONITION.findall(unfenced)),
    }


@pytest.mark.parametrize("language", PROJECT.translations)
def test_same_pages_in_every_language(language):
    source = {p.name for p in PROJECT.pages(PROJECT.default_language)}
    translated = {PROJECT.source_of(p).name for p in PROJECT.pages(language)}
    assert not translated - source, (
        f"{language} pages without a page to translate: {sorted(translated - source)}")
    untranslated = sorted(source - translated)
    assert not untranslated, (
        f"pages without a {language} twin docs/<page>.{language}.md: " + ", ".join(untranslated))


@pytest.mark.parametrize("pair", PAIRS, ids=pair_id)
def test_pair_has_the_same_structure(pair):
    if not pair.exists:
        pytest.fail(f"{PROJECT.rel(pair.translated)} is missing", pytrace=False)
    english, hindi = structure(pair.source), structure(pair.translated)
    for key in english:
        if english[key] != hindi[key]:
            first = _first_difference(english[key], hindi[key])
            pytest.fail(
                f"{PROJECT.rel(pair.source)} and {PROJECT.rel(pair.translated)} differ in {key}: "
                f"{first}",
                pytrace=False,
            )


def _first_difference(a, b) -> str:
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            if x != y:
                return f"item {i + 1}: English has {x!r}, Hindi has {y!r}"
        return f"English has {len(a)}, Hindi has {len(b)} (first extra: {(a + b)[min(len(a), len(b))]!r})"
    return f"English has {a}, Hindi has {b}"


@pytest.mark.parametrize("pair", PAIRS, ids=pair_id)
def test_pair_quotes_the_same_output_numbers(pair):
    if not pair.exists:
        pytest.fail(f"{PROJECT.rel(pair.translated)} is missing", pytrace=False)
    printed = outputs_of(pair.source)
    english = quoted_output_numbers(pair.source, printed)
    hindi = quoted_output_numbers(pair.translated, printed)
    assert english == hindi, (
        f"{PROJECT.rel(pair.source)} and {PROJECT.rel(pair.translated)} quote different numbers "
        f"from their outputs. Only in English: {sorted(english - hindi)}; "
        f"only in Hindi: {sorted(hindi - english)}"
    )


def test_no_hindi_page_is_stale():
    problems = []
    for pair in PAIRS:
        if pair.exists and pair.state != "current":
            problems.append(f"  {PROJECT.rel(pair.translated)}: {pair.state}")
    assert not problems, (
        "Translated pages out of step with their source page (update the translation, then run "
        "`python -m tools mark-current <page>`; `python -m tools status` shows all):\n"
        + "\n".join(problems)
    )


def test_editing_a_page_makes_exactly_its_twins_stale(site_copy):
    """Drift detection end to end on a copy: edit one page's prose, the check names exactly
    its translations; mark-current clears them."""
    before = {t.translated.name: t.state for t in i18n.translations(site_copy)}
    assert set(before.values()) == {"current"}, before
    page = site_copy.page("autograd", site_copy.default_language)
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    stale = [t.translated for t in i18n.translations(site_copy) if t.state != "current"]
    assert stale == [site_copy.page("autograd", code) for code in site_copy.translations]
    for translated in stale:
        i18n.mark_current(translated, site_copy)
    assert {t.state for t in i18n.translations(site_copy)} == {"current"}


def test_missing_source_hash_is_reported(tmp_path):
    page = tmp_path / "x.hi.md"
    (tmp_path / "x.md").write_text("# X\n", encoding="utf-8")
    page.write_text("# एक्स\n", encoding="utf-8")
    assert i18n.Translation(tmp_path / "x.md", page, "hi").state == "no source_hash"

