"""The page shown while the database cannot be reached passes axe, like every page."""

import pytest

from tests.browser.axe import axe_violations
from tests.served import UNREACHABLE_DATABASE, environment, served

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["fr", "en", "ar"])
def test_the_database_unavailable_page_has_no_wcag_a_or_aa_violation(tmp_path, open_page, language):
    with served(environment(tmp_path, DATABASE_URL=UNREACHABLE_DATABASE)) as base:
        page = open_page(locale=language)
        assert page.goto(f"{base}/{language}/").status == 503
        assert axe_violations(page, f"{language} 503") == []
