"""Numbers in prose are true: each number a page states outside its code blocks is printed by
an output the page shows (tools/prose_numbers.py), or the check knows why it is there. A changed
prose number, in any language, or a changed output, fails naming the page, the number and the
output it should match."""


import pytest

from tools import markdown
from tools import prose_numbers as pn
from tools.project import PROJECT

PAGES = [page for code in PROJECT.codes for page in PROJECT.pages(code)]


@pytest.mark.parametrize("page", PAGES, ids=PROJECT.rel)
def test_every_number_in_prose_is_printed_or_known(page):
    result = pn.check_page(page)
    if result.problems:
        pytest.fail(pn.describe(result), pytrace=False)


def _changes(number: str):
    """The number with its last digit changed, each way: what a careless edit of the prose does."""
    last = max(i for i, c in enumerate(number) if c.isdigit())
    for step in range(1, 10):
        yield number[:last] + str((int(number[last]) + step) % 10) + number[last + 1:]


@pytest.mark.parametrize("page", PAGES, ids=PROJECT.rel)
def test_changing_a_number_quoted_from_an_output_fails(page):
    """Each bound number, changed at its last digit in a copy of the page text (to a value the
    check has no other reason to accept), is reported at its line."""
    lines = markdown.read(page).split("\n")
    survived, checked = [], 0
    bound = pn.check_page(page).bound
    for number in bound:
        line, end = lines[number.line - 1], number.column + len(number.text)
        for changed in _changes(number.text):
            mutated = line[: number.column] + changed + line[end:]
            changed_text = "\n".join([*lines[: number.line - 1], mutated, *lines[number.line:]])
            found = {(n.line, n.text): n.how for n in pn.check_page(page, text=changed_text).numbers}
            if found.get((number.line, changed)):
                continue  # it landed on another printed or known number: try the next change
            checked += 1
            if (number.line, changed) not in found:
                survived.append(f"line {number.line}: {number.text} -> {changed} (not read)")
            break
    assert not survived, f"{PROJECT.rel(page)}: these changed numbers would pass unnoticed: {survived}"
    assert checked or not bound, f"{PROJECT.rel(page)}: no change could be tried"


def test_a_changed_output_fails_every_page_that_quotes_it(site_copy):
    """The worked example's sigmoid printed differently: both languages' autograd pages fail,
    naming each line, the number and the output that now prints something else."""
    out = site_copy.snippets / "autograd" / "03_manual_gradients.out"
    out.write_text(out.read_text(encoding="utf-8").replace("a = 0.9183", "a = 0.9310"), encoding="utf-8")
    for language in site_copy.codes:
        page = site_copy.page("autograd", language)
        result = pn.check_page(page, site_copy)
        problems = [n for n in result.problems if n.text == "0.9183"]
        assert len(problems) >= 3, f"{site_copy.rel(page)} still passes with the changed output"
        message = pn.describe(result, site_copy)
        assert (f"{site_copy.rel(page)}:{problems[0].line}: 0.9183 matches no output shown on the page "
                "(nearest printed number: 0.9197 in snippets/autograd/06_no_grad.out)") in message


def test_the_check_reads_prose_not_code():
    text = ("---\nnumbers: 2017 (a year)\n---\n# Title\n\n"
            "In 2017, 3 steps gave 0.1234 (see [x](a-12.md)).\n\n```py\nprint(9.999)\n```\n\n"
            "$$\n10^{12} \\quad 38{,}597{,}376\n$$\n")
    assert pn.prose_numbers(text) == [("2017", 6, 3), ("3", 6, 9), ("0.1234", 6, 22), ("10", 13, 0),
                                      ("38{,}597{,}376", 13, 14)]
    assert pn.declared(text) == {"2017": "a year"}
    assert pn.quotes("-0.0898", "-0.08982628") and not pn.quotes("-0.0899", "-0.08982628")
    assert pn.quotes("124,439,808", "124439808") and pn.quotes("0.0852", "0.0851877749")  # rounded
    assert not pn.quotes("0.09", "0.0898") and not pn.quotes("124,439,809", "124439808")  # 1 digit: no


def test_a_declared_formula_must_give_its_number():
    good = "---\nnumbers: 38,597,376 = 50257 * 768; 0.693 = ln(2); 3.10 (a Python version)\n---\n"
    assert pn.declared(good) == {"38,597,376": "50257 * 768", "0.693": "ln(2)", "3.10": "a Python version"}
    with pytest.raises(pn.DeclarationError, match="says 38,597,377 = 50257 \\* 768, but that gives 38597376"):
        pn.declared("---\nnumbers: 38,597,377 = 50257 * 768\n---\n")
    with pytest.raises(pn.DeclarationError, match="write `<number> = <formula>`"):
        pn.declared("---\nnumbers: 0.693 because ln 2\n---\n")
