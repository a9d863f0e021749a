"""Every chapter ends with 4 to 6 exercises, in every language, the same ones in the same order,
each answer hidden in a collapsible block. (Their outputs, and the declared failures of starters
meant to fail, are checked with every other snippet in test_snippets.py.)"""

import pytest

from tools import exercises, harness, markdown
from tools.project import PROJECT

CHAPTER_PAGES = [PROJECT.page(c, code) for c in PROJECT.chapters for code in PROJECT.codes
                 if PROJECT.page(c, code).exists()]


@pytest.mark.parametrize("page", CHAPTER_PAGES, ids=PROJECT.rel)
def test_chapter_ends_with_four_to_six_exercises(page):
    found = exercises.of_page(page)
    assert 4 <= len(found) <= 6, (
        f"{PROJECT.rel(page)} has {len(found)} exercises; a chapter ends with 4 to 6 "
        "(snippets/<chapter>/NN_exercise_<name>.py, each with its answer)")
    targets = [markdown.include_file(t) for t in markdown.includes(markdown.read(page))]
    first = min(i for i, t in enumerate(targets) if exercises.MODULE.search(t))
    after = [t for t in targets[first:] if not exercises.MODULE.search(t) and "/produced-by" not in t]
    assert not after, f"{PROJECT.rel(page)}: the exercises end the chapter, but these follow them: {after}"


@pytest.mark.parametrize("page", CHAPTER_PAGES, ids=PROJECT.rel)
def test_every_answer_is_hidden_until_opened(page):
    problems = []
    for exercise in exercises.of_page(page):
        if not exercise.starter:
            problems.append(f"{exercise.name}: no starter NN_exercise_{exercise.name}.py on the page")
        if not exercise.answer_hidden:
            what = f"the solution {exercise.solution}" if exercise.solution else "the output to predict"
            problems.append(f"{exercise.name}: {what} is not inside a collapsible block (??? ...)")
    assert not problems, f"{PROJECT.rel(page)}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("pair", [(PROJECT.page(c, PROJECT.default_language), PROJECT.page(c, code))
                                  for c in PROJECT.chapters for code in PROJECT.translations],
                         ids=lambda pair: pair[1].name)
def test_translations_have_the_same_exercises_in_the_same_order(pair):
    source, translated = pair
    if not translated.exists():
        pytest.skip(f"{PROJECT.rel(translated)} is not translated yet (test_i18n reports it)")
    ours = [e.name for e in exercises.of_page(source)]
    theirs = [e.name for e in exercises.of_page(translated)]
    missing = [n for n in ours if n not in theirs]
    extra = [n for n in theirs if n not in ours]
    assert ours == theirs, (
        f"{PROJECT.rel(translated)} differs from {PROJECT.rel(source)} in its exercises: "
        f"missing {missing}, not in the source {extra}, order {theirs} against {ours}")


def test_starters_meant_to_fail_say_so_in_their_output():
    """A declared `# raises: T` starter's stored output ends with the `T: message` line, so the
    page shows the error the reader is asked to fix."""
    problems = []
    for snippet in harness.discover():
        if snippet.raises and snippet.output_path().exists():
            last = snippet.output_path().read_text(encoding="utf-8").rstrip("\n").splitlines()[-1]
            if not last.startswith(f"{snippet.raises}:"):
                problems.append(f"{snippet.display}: output ends with {last!r}, not {snippet.raises}: ...")
    assert not problems, "\n".join(problems) + "\nRefresh with: python -m tools refresh"
