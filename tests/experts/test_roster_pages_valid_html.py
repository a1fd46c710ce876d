"""The signed-in and curator roster pages are valid HTML by the Nu checker, in French,
English and Arabic, including the form sent back with errors (the public /roster/ page
is checked with every other page type in tests/site/test_valid_html.py)."""

import shutil
from pathlib import Path

import pytest

from tests.experts.conftest import form_data
from tests.site.test_valid_html import check
from tests.tools import require_tool

pytestmark = pytest.mark.usefixtures("demo")


def test_roster_pages_are_valid_html(client, make_user, apply_as, tmp_path):
    require_tool(shutil.which("java") is not None, "a Java runtime for the Nu HTML checker")
    applicant = make_user()
    profile = apply_as(applicant, objectives=(7, 10), languages=("ar",), regions=("asia",))
    curator = make_user("curator")
    pages = []
    for language in ("fr", "en", "ar"):
        client.force_login(applicant)
        pages.append(client.get(f"/{language}/roster/apply/"))
        pages.append(
            client.post(f"/{language}/roster/apply/", form_data(objectives=None, organisation=""))
        )
        client.force_login(curator)
        pages.append(client.get(f"/{language}/roster/applications/?status="))
        pages.append(client.get(f"/{language}/roster/applications/{profile.pk}/"))
        pages.append(
            client.post(f"/{language}/roster/applications/{profile.pk}/", {"decision": "decline"})
        )
        pages.append(client.get(f"/{language}/roster/coverage/"))
    files = []
    for n, response in enumerate(pages):
        assert response.status_code in (200, 400)
        file = tmp_path / f"{n}.html"
        file.write_bytes(response.content)
        files.append(file)
    errors = [
        f"{Path(m['url']).name}: {m['message']} [{m.get('extract', '')!r}]"
        for m in check(files)
        if m.get("type") == "error"
    ]
    assert not errors, "\n".join(errors[:40])
