"""The Hindi edition: every page translated, in step with its English page.

Parity: for each page pair the same snippet and output includes in the same
order, the same number of math blocks, headings and admonitions, and every
number the prose quotes from an output present in both. Drift: each Hindi page
records the hash of the English page it translates.
"""

import re

import pytest
from conftest import mkdocs_build

from tools import copy_site, i18n
from tools.snippets import DOCS, SNIPPETS, includes, pages

PAIRS = i18n.translations()
HEADING = re.compile(r"^#{1,6} ", re.MULTILINE)
ADMONITION = re.compile(r"^[ \t]*(!!!|\?\?\?\+?) ?[\w-]+", re.MULTILINE)
MATH_BLOCK = re.compile(r"^[ \t]*\$\$[ \t]*$", re.MULTILINE)
INLINE_MATH = re.compile(r"\$[^$\n]+\$")
NUMBER = re.compile(r"(?<![\w.])-?\d+(?:[.,]\d+)*(?![\w])")


def pair_id(pair):
    return pair.english.name


def quoted_output_numbers(page, outputs_text: str) -> set[str]:
    """Numbers in the page's prose (not its math) that also appear in its outputs."""
    words = INLINE_MATH.sub(" ", i18n.prose(i18n.body(page)))
    words = re.sub(r"\$\$.*?\$\$", " ", words, flags=re.DOTALL)
    printed = set(NUMBER.findall(outputs_text))
    return {n for n in NUMBER.findall(words) if n in printed and len(n.strip("-")) > 2}


def outputs_of(page) -> str:
    texts = []
    for target in includes(page):
        path = SNIPPETS / target.split(":")[0]
        if path.suffix in {".out", ".txt"} and path.exists():
            texts.append(path.read_text(encoding="utf-8"))
    return "\n".join(texts)


def structure(page) -> dict[str, object]:
    text = i18n.body(page)
    unfenced = i18n.prose(text)
    return {
        "snippet and output includes": includes(page),
        "math blocks": len(MATH_BLOCK.findall(unfenced)) // 2,
        "headings": len(HEADING.findall(unfenced)),
        "admonitions": len(ADMONITION.findall(unfenced)),
    }


def test_same_pages_in_both_languages():
    english = {p.name for p in pages("en")}
    hindi = {i18n.english_of(p).name for p in pages("hi")}
    assert not hindi - english, f"Hindi pages without an English page: {sorted(hindi - english)}"
    untranslated = sorted(english - hindi)
    assert not untranslated, (
        "English pages without a Hindi twin docs/<page>.hi.md: " + ", ".join(untranslated)
    )


@pytest.mark.parametrize("pair", PAIRS, ids=pair_id)
def test_pair_has_the_same_structure(pair):
    if not pair.exists:
        pytest.fail(f"{i18n.rel(pair.translated)} is missing", pytrace=False)
    english, hindi = structure(pair.english), structure(pair.translated)
    for key in english:
        if english[key] != hindi[key]:
            first = _first_difference(english[key], hindi[key])
            pytest.fail(
                f"{i18n.rel(pair.english)} and {i18n.rel(pair.translated)} differ in {key}: "
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
        pytest.fail(f"{i18n.rel(pair.translated)} is missing", pytrace=False)
    printed = outputs_of(pair.english)
    english = quoted_output_numbers(pair.english, printed)
    hindi = quoted_output_numbers(pair.translated, printed)
    assert english == hindi, (
        f"{i18n.rel(pair.english)} and {i18n.rel(pair.translated)} quote different numbers "
        f"from their outputs. Only in English: {sorted(english - hindi)}; "
        f"only in Hindi: {sorted(hindi - english)}"
    )


def test_no_hindi_page_is_stale():
    problems = []
    for pair in PAIRS:
        if pair.exists and pair.state != "current":
            problems.append(f"  {i18n.rel(pair.translated)}: {pair.state}")
    assert not problems, (
        "Hindi pages out of step with their English page (update the translation, then run "
        "`python -m tools mark-current <page>`; `python -m tools status` shows all):\n"
        + "\n".join(problems)
    )


def test_editing_english_makes_exactly_its_twin_stale(tmp_path, monkeypatch):
    """Drift detection end to end on a copy of docs/: edit one English page's prose,
    the check names exactly its twin; mark-current clears it."""
    import shutil

    from tools import snippets

    copy = tmp_path / "docs"
    shutil.copytree(DOCS, copy)
    monkeypatch.setattr(snippets, "DOCS", copy)
    monkeypatch.setattr(i18n, "DOCS", copy)
    monkeypatch.setattr(i18n, "ROOT", tmp_path)
    before = {t.translated.name: t.state for t in i18n.translations()}
    assert set(before.values()) == {"current"}, before
    page = copy / "autograd.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    stale = [t.translated.name for t in i18n.translations() if t.state != "current"]
    assert stale == ["autograd.hi.md"]
    i18n.mark_current(copy / "autograd.hi.md")
    assert {t.state for t in i18n.translations()} == {"current"}


def test_missing_source_hash_is_reported(tmp_path):
    page = tmp_path / "x.hi.md"
    (tmp_path / "x.md").write_text("# X\n", encoding="utf-8")
    page.write_text("# एक्स\n", encoding="utf-8")
    assert i18n.Translation(tmp_path / "x.md", page).state == "no source_hash"


def test_glossary_terms_are_used_consistently():
    """The Hindi glossary lists one Hindi term per concept; the pages avoid the
    mistranslations that the reference glossary warns about."""
    wrong = {"व्युत्पत्ति": "अवकलज", "विभेदन": "अवकलन", "पूर्वाग्रह": "बायस"}
    problems = []
    for page in pages("hi"):
        text = page.read_text(encoding="utf-8")
        for bad, good in wrong.items():
            if bad in text:
                problems.append(f"{i18n.rel(page)} uses {bad}; the course term is {good}")
    assert not problems, "\n".join(problems)


def test_hindi_pages_use_ascii_digits():
    devanagari_digits = re.compile("[\u0966-\u096f]")
    bad = [i18n.rel(p) for p in pages("hi") if devanagari_digits.search(p.read_text("utf-8"))]
    assert not bad, f"Hindi pages write numbers with the digits 0-9, as code prints them: {bad}"



def test_untranslated_page_is_shown_in_english_with_a_hindi_notice(tmp_path):
    """Fixture: a copy of the site with one Hindi page removed."""
    root = copy_site(tmp_path)
    (root / "docs" / "glossary.hi.md").unlink()
    result = mkdocs_build(root / "site", config_file=root / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    html = (root / "site" / "hi" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert 'lang="hi"' in html
    assert "अनुवाद बाकी है" in html, "the Hindi notice is missing from the fallback page"
    english = (root / "site" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "अनुवाद बाकी है" not in english
    translated = (root / "site" / "hi" / "tensors" / "index.html").read_text(encoding="utf-8")
    assert "अनुवाद बाकी है" not in translated


CODE_SPAN = re.compile(r"`[^`\n]*`")
ANY_MATH = re.compile(r"\$\$.*?\$\$|\$[^$\n]+\$", re.DOTALL)


def glossary_rows() -> list[tuple[str, str]]:
    """(Hindi term, English term) rows of the site's Hindi glossary page."""
    rows = []
    for line in (DOCS / "glossary.hi.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) >= 3 and not set(cells[0]) <= set("-: "):
            rows.append((cells[0], cells[1]))
    return [r for r in rows if r[1] != "अंग्रेज़ी"]  # drop each table's header row


def reading_text(page) -> str:
    return ANY_MATH.sub(" ", CODE_SPAN.sub(" ", i18n.prose(i18n.body(page))))


@pytest.mark.parametrize("pair", [p for p in PAIRS if p.english.stem != "glossary"], ids=pair_id)
def test_hindi_page_uses_the_glossary_term_where_english_uses_the_term(pair):
    """One Hindi term per concept: where the English page uses a glossary term,
    its Hindi twin uses that term's Hindi form (or the form given in brackets)."""
    if not pair.exists:
        pytest.fail(f"{i18n.rel(pair.translated)} is missing", pytrace=False)
    english = reading_text(pair.english).lower()
    hindi = reading_text(pair.translated)
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
        f"{i18n.rel(pair.english)} uses these glossary terms but {i18n.rel(pair.translated)} does not "
        f"use their Hindi term (docs/glossary.hi.md): {missing}"
    )
