"""The every-page audit of test_every_page.py, on the pages of every language but the default."""

from test_every_page import (  # noqa: F401 - the same tests, collected again here
    test_copy_buttons_copy_the_code_shown,
    test_every_figure_loads_with_alt_text_and_legible_text,
    test_language_switcher_leads_to_the_same_page,
    test_math_is_rendered,
    test_no_serious_accessibility_violations,
    test_pages_declare_their_language_and_hindi_renders_in_devanagari,
    test_pages_load_offline_without_errors,
)

AUDITED = "translations"
