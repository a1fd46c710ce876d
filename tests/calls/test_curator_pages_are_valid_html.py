"""The curators' pages (blank, in error, in conflict) are valid HTML by the Nu checker,
in French, English and Arabic."""

import pytest

from gcmhub.calls.models import Call
from tests.calls.conftest import SEEDED
from tests.html_check import html_errors
from tests.pages import LANGUAGES

pytestmark = pytest.mark.usefixtures("demo")


def test_the_curators_pages_are_valid_html(
    client, make_user, call_post, unpublished_call, tmp_path
):
    client.force_login(make_user("curator"))
    call = Call.objects.get(slug=SEEDED)
    stale = call_post(
        version=str(call.version),
        source_language="fr",
        title="Stale",
        **{"tr-en-title": "x", "tr-es-title": "y"},
    )
    client.post(f"/en/calls/{SEEDED}/edit/", dict(stale, title="Fresh"))  # someone saves first
    pages = []
    for language in LANGUAGES:
        responses = [
            client.get(f"/{language}/calls/new/"),
            client.post(f"/{language}/calls/new/", call_post(title="", timezone="Mars/Base")),
            client.get(f"/{language}/calls/{SEEDED}/edit/"),
            client.post(f"/{language}/calls/{SEEDED}/edit/", stale),
            client.get(f"/{language}/calls/{unpublished_call.slug}/"),
            client.get(f"/{language}/calls/"),
        ]
        assert [r.status_code for r in responses] == [200, 200, 200, 409, 200, 200]
        pages += [(f"{language}-calls", r.content) for r in responses]
    errors = html_errors(pages, tmp_path)
    assert not errors, "\n".join(errors[:40])
