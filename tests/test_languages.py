"""Adding a language is an entry in mkdocs.yml plus translated files: a throwaway third language
(Tamil) on a copy of the site is found by the tooling and built by the site, with no code change.
A page not yet translated is built from its source with the language's notice on top."""

import re

import pytest
import yaml

from tools import i18n, notebooks, site
from tools.project import PROJECT, Project

TAMIL = """        - locale: ta
          name: தமிழ்
          build: true
          site_name: PyTorch உடன் LLM அடிப்படைகள்
"""
TAMIL_STRINGS = """untranslated_notice: |
  !!! note "மொழிபெயர்ப்பு நிலுவையில்"
      இந்தப் பக்கம் இன்னும் மொழிபெயர்க்கப்படவில்லை.

notebook_lead: இந்த அத்தியாயத்தை நோட்புக்காக இயக்குங்கள்
notebook_read: இங்கே படியுங்கள்
notebook_download: .ipynb பதிவிறக்கம்
notebook_colab: Colab இல் திறக்கவும்
"""
TAMIL_HOME = "# PyTorch உடன் LLM அடிப்படைகள்\n\nஒரு மொழி மாதிரி எதனால் ஆனது என்பதைப் பற்றிய சிறிய பாடநெறி.\n"


def add_tamil(project: Project, strings: bool = True) -> Project:
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    anchor = "          nav_translations:"
    at = text.index("      languages:")
    first_nav = text.index(anchor, at)
    language_block_end = text.index("\nnav:", first_nav)
    text = text[:language_block_end].rstrip("\n") + "\n" + TAMIL + text[language_block_end:]
    config.write_text(text, encoding="utf-8")
    if strings:
        (project.root / "hooks" / "strings" / "ta.yml").write_text(TAMIL_STRINGS, encoding="utf-8")
    home = project.page("index", "en").with_name("index.ta.md")
    home.write_text(TAMIL_HOME, encoding="utf-8")
    fresh = Project(project.root)
    i18n.mark_current(home, fresh)
    return fresh


@pytest.fixture(scope="module")
def extended(tmp_path_factory) -> tuple[Project, site.Build]:
    """A copy of the site with Tamil added and the first translation's glossary removed, built."""
    project = add_tamil(PROJECT.copy_to(tmp_path_factory.mktemp("src")))
    project.page("glossary", project.translations[0]).unlink()
    return project, site.build(tmp_path_factory.mktemp("site"), project, deployed=False)


def test_a_third_language_is_found_and_built(extended):
    project, built = extended
    assert project.codes == ("en", "hi", "ta")
    assert project.page("index", "ta").exists() and project.language_of(project.page("index", "ta")) == "ta"
    states = {t.translated.name: t.state for t in i18n.translations(project) if t.language == "ta"}
    assert states["index.ta.md"] == "current" and states["autograd.ta.md"] == "not translated"
    assert "ta words" in i18n.status_table(project)
    assert all(project.language_of(p) != "ta" for p in notebooks.expected(project))  # no Tamil chapter yet

    assert built.ok, built.output[-3000:]
    home = (built.site_dir / "ta" / "index.html").read_text(encoding="utf-8")
    assert 'lang="ta"' in home and "ஒரு மொழி மாதிரி" in home
    assert (built.site_dir / "ta" / "search" / "search_index.json").exists()
    assert site.site_pages(built.site_dir, project)[-1].startswith("ta/")


@pytest.mark.parametrize("language", ["hi", "ta"])
def test_untranslated_page_is_shown_with_a_notice_in_the_language(extended, language):
    """Tamil has only its home page; Hindi lacks its glossary in this copy. The source page
    stands in, with the language's notice from hooks/strings/<language>.yml."""
    project, built = extended
    assert built.ok, built.output[-3000:]
    notice = yaml.safe_load((project.root / "hooks" / "strings" / f"{language}.yml").read_text("utf-8"))
    title = re.search(r'"(.+?)"', notice["untranslated_notice"])[1]
    html = (built.site_dir / language / "glossary" / "index.html").read_text(encoding="utf-8")
    assert f'lang="{language}"' in html
    assert title in html, f"the notice {title!r} is missing from the fallback page"
    source = (built.site_dir / "glossary" / "index.html").read_text(encoding="utf-8")
    assert title not in source
    translated = (built.site_dir / "hi" / "tensors" / "index.html").read_text(encoding="utf-8")
    assert title not in translated


def test_a_language_without_interface_text_fails_the_build_saying_which_file(site_copy, tmp_path):
    project = add_tamil(site_copy, strings=False)
    built = site.build(tmp_path / "site", project, deployed=False)
    assert built.returncode != 0
    assert "hooks/strings/ta.yml: missing" in built.output, built.output[-2000:]


@pytest.mark.parametrize("url, language, twin", [("", "hi", "hi/"), ("hi/autograd/", "en", "autograd/")])
def test_url_counterparts(project, url, language, twin):
    assert project.url_counterpart(url, language) == twin
