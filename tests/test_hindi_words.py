"""Hindi pages: one word per concept, one spelling per word.

The table with the columns "चुना गया रूप" (the form to write) and "न लिखें" (do not write) in
CONTRIBUTING.md, the authors' rules, is the one list of the forms the Hindi pages use and the
variants they avoid. These tests read that table and fail when a Hindi page (docs/*.hi.md) uses
an avoided variant outside code, naming the page, the line, the variant and the form to write
instead. A variant in Latin letters (all-reduce) may still stand as the English gloss in brackets
after its Hindi form. A second check keeps the order of glosses in brackets: Hindi synonym
first, then English, as in "वेट (भार, weight)".

Standalone on purpose: pathlib and re only, reading the pages directly.
"""

import re
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
RULES = ROOT / "CONTRIBUTING.md"
CHOSEN, AVOIDED = "चुना गया रूप", "न लिखें"  # the table's two columns that matter
DEVANAGARI = "\u0900-\u097f"
WORD_CHARACTER = rf"{DEVANAGARI}A-Za-z0-9_"
BRACKETED = re.compile(r"\([^()\n]*\)")  # a gloss: "ऑल-रिड्यूस (all-reduce)"
FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"`[^`\n]*`")
# "(weight, भार)" after a Hindi word: English first, Hindi synonym second.
ENGLISH_FIRST_GLOSS = re.compile(
    rf"(?<=[{DEVANAGARI}])\s\(([A-Za-z][A-Za-z -]*), ([^()\n]*[{DEVANAGARI}][^()\n]*)\)"
)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def word_table(text: str) -> list[tuple[str, str]]:
    """The (chosen, avoided) rows of the first table with the columns CHOSEN and AVOIDED."""
    lines = nfc(text).splitlines()
    for start, line in enumerate(lines):
        header = cells(line) if line.lstrip().startswith("|") else []
        if CHOSEN in header and AVOIDED in header:
            chosen, avoided = header.index(CHOSEN), header.index(AVOIDED)
            rows, end = [], start + 1
            while end < len(lines) and lines[end].lstrip().startswith("|"):
                row = cells(lines[end])
                if not set("".join(row)) <= set("-: "):  # skip the | --- | --- | line
                    rows.append(tuple(row[i] if i < len(row) else "" for i in (chosen, avoided)))
                end += 1
            return rows
    return []


def hindi_pages() -> list[Path]:
    return sorted(DOCS.glob("*.hi.md"))


def reading_text(text: str) -> str:
    """The page with code blocks and code spans blanked out; line numbers kept."""
    kept, in_fence = [], False
    for line in nfc(text).splitlines():
        if FENCE.match(line):
            in_fence = not in_fence
            kept.append("")
        elif in_fence:
            kept.append("")
        else:
            kept.append(CODE_SPAN.sub(lambda m: " " * len(m.group()), line))
    return "\n".join(kept)


def variant_pattern(variant: str) -> re.Pattern:
    """The variant as a whole word; a space in it matches any line break too."""
    body = r"\s+".join(re.escape(part) for part in variant.split())
    return re.compile(rf"(?<![{WORD_CHARACTER}]){body}(?![{WORD_CHARACTER}])")


def latin(variant: str) -> bool:
    return not re.search(f"[{DEVANAGARI}]", variant)


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def avoided_variants(page: Path, table: list[tuple[str, str]]) -> list[str]:
    text = reading_text(page.read_text(encoding="utf-8"))
    unglossed = BRACKETED.sub(lambda m: " " * len(m.group()), text)  # line numbers kept
    problems = []
    for chosen, variant in table:
        for match in variant_pattern(variant).finditer(unglossed if latin(variant) else text):
            problems.append(
                f"{page.relative_to(page.parent.parent)}:{line_of(text, match.start())}: "
                f"uses {variant!r}; write {chosen!r} (one form per word: the table "
                f"'{CHOSEN} | {AVOIDED}' in CONTRIBUTING.md)"
            )
    return problems


def english_first_glosses(page: Path) -> list[str]:
    text = reading_text(page.read_text(encoding="utf-8"))
    return [
        f"{page.relative_to(page.parent.parent)}:{line_of(text, m.start())}: gloss "
        f"'({m.group(1)}, {m.group(2)})' puts the English first; write "
        f"'({m.group(2)}, {m.group(1)})': Hindi synonym, then English"
        for m in ENGLISH_FIRST_GLOSS.finditer(text)
    ]


TABLE = word_table(RULES.read_text(encoding="utf-8"))


def test_the_word_table_is_there_and_consistent():
    assert TABLE, (
        f"CONTRIBUTING.md has no table with the columns '{CHOSEN}' (the form to write) and "
        f"'{AVOIDED}' (the avoided variant); it is the list these tests check the Hindi pages against"
    )
    problems = []
    for chosen, variant in TABLE:
        if not chosen or not variant:
            problems.append(f"row {chosen!r} | {variant!r}: both cells must be filled")
        elif variant_pattern(variant).search(chosen):
            problems.append(f"row {chosen!r} | {variant!r}: the chosen form contains the variant")
    chosen_forms = {nfc(c) for c, _ in TABLE}
    for _, variant in TABLE:
        if variant in chosen_forms:
            problems.append(f"{variant!r} is both a chosen form and an avoided variant")
    assert not problems, "CONTRIBUTING.md, word table:\n" + "\n".join(problems)


def test_the_reader_glossary_holds_no_author_rules():
    """The glossary pages are for readers; the table of avoided forms is for authors."""
    for page in (DOCS / "glossary.md", DOCS / "glossary.hi.md"):
        assert not word_table(page.read_text(encoding="utf-8")) and AVOIDED not in page.read_text(
            encoding="utf-8"), f"{page.relative_to(ROOT)}: the authors' word table belongs in CONTRIBUTING.md"


@pytest.mark.parametrize("page", hindi_pages(), ids=lambda p: p.name)
def test_hindi_page_avoids_the_rejected_variants(page):
    problems = avoided_variants(page, TABLE)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("page", hindi_pages(), ids=lambda p: p.name)
def test_glosses_put_the_hindi_synonym_before_the_english(page):
    problems = english_first_glosses(page)
    assert not problems, "\n".join(problems)


def test_the_check_finds_a_planted_variant_and_ignores_code(tmp_path):
    """The checker itself: a variant in prose is reported with its line; the same variant in a
    code span or a code block, or inside a longer word, is not."""
    (tmp_path / "docs").mkdir()
    page = tmp_path / "docs" / "x.hi.md"
    page.write_text(
        "# पेज\n\nपहली पंक्ति।\nयहाँ बाकी लिखा है, और `बाकी` कोड में।\n\n```text\nबाकी\n```\n"
        "अवयवों वाला शब्द अलग है, और वेट\n(weight, भार) भी।\n"
        "ऑल-रिड्यूस (all-reduce) ठीक है, पर all-reduce नहीं, और all-reduced अलग शब्द है।\n",
        encoding="utf-8",
    )
    table = [("बाक़ी", "बाकी"), ("प्रविष्टि", "अवयव"), ("वेट (भार, weight)", "वेट (weight, भार)"),
             ("ऑल-रिड्यूस", "all-reduce")]
    found = avoided_variants(page, table)
    assert len(found) == 3, found
    assert found[0].startswith("docs/x.hi.md:4: uses 'बाकी'; write 'बाक़ी'"), found
    assert found[1].startswith("docs/x.hi.md:9: uses 'वेट (weight, भार)'"), found
    assert found[2].startswith("docs/x.hi.md:11: uses 'all-reduce'; write 'ऑल-रिड्यूस'"), found
    glosses = english_first_glosses(page)
    assert len(glosses) == 1 and "docs/x.hi.md:9:" in glosses[0], glosses
