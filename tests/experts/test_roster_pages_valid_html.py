"""The signed-in and curator roster pages are valid HTML by the Nu checker, in French,
English and Arabic, including the form sent back with errors (the public /roster/ page
is checked with every other page type in tests/site/test_valid_html.py)."""

import pytest

from tests.experts.conftest import form_data
from tests.html_check import html_errors

pytestmark = pytest.mark.usefixtures("demo")


def test_roster_pages_are_valid_html(client, make_user, apply_as, tmp_path):
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
    assert all(response.status_code in (200, 400) for response in pages)
    errors = html_errors([("roster", response.content) for response in pages], tmp_path)
    assert not errors, "\n".join(errors[:40])
