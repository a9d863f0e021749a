"""Adding a language is an entry in mkdocs.yml plus translated files: a throwaway third language
(Tamil) on a copy of the site is found by the tooling and built by the site, with no code change."""

import pytest

from tools import i18n, notebooks, site
from tools.project import Project

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


def test_a_third_language_is_found_and_built(site_copy, tmp_path):
    project = add_tamil(site_copy)
    assert project.codes == ("en", "hi", "ta")
    assert project.page("index", "ta").exists() and project.language_of(project.page("index", "ta")) == "ta"
    states = {t.translated.name: t.state for t in i18n.translations(project) if t.language == "ta"}
    assert states["index.ta.md"] == "current" and states["autograd.ta.md"] == "not translated"
    assert "ta words" in i18n.status_table(project)
    assert all(project.language_of(p) != "ta" for p in notebooks.expected(project))  # no Tamil chapter yet

    built = site.build(tmp_path / "site", project, deployed=False)
    assert built.ok, built.output[-3000:]
    home = (tmp_path / "site" / "ta" / "index.html").read_text(encoding="utf-8")
    assert 'lang="ta"' in home and "ஒரு மொழி மாதிரி" in home
    fallback = (tmp_path / "site" / "ta" / "autograd" / "index.html").read_text(encoding="utf-8")
    assert "மொழிபெயர்ப்பு நிலுவையில்" in fallback, "the Tamil notice is missing from an untranslated page"
    assert (tmp_path / "site" / "ta" / "search" / "search_index.json").exists()
    assert site.site_pages(tmp_path / "site", project)[-1].startswith("ta/")


def test_a_language_without_interface_text_fails_the_build_saying_which_file(site_copy, tmp_path):
    project = add_tamil(site_copy, strings=False)
    built = site.build(tmp_path / "site", project, deployed=False)
    assert built.returncode != 0
    assert "hooks/strings/ta.yml: missing" in built.output, built.output[-2000:]


@pytest.mark.parametrize("url, language, twin", [("", "hi", "hi/"), ("hi/autograd/", "en", "autograd/")])
def test_url_counterparts(project, url, language, twin):
    assert project.url_counterpart(url, language) == twin
