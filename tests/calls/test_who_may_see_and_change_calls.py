"""Only curators (and administrators) create and edit calls or see unpublished ones;
anonymous visitors are sent to sign in, other signed-in people are refused."""

import pytest

from gcmhub.calls.models import Call
from tests.calls.conftest import SEEDED

pytestmark = pytest.mark.usefixtures("demo")

ROLES = ["anonymous", "contributor", "reviewer", "curator", "administrator"]
MAY_CURATE = {"curator", "administrator"}


@pytest.fixture
def as_role(client, make_user):
    def log_in(role):
        if role != "anonymous":
            client.force_login(make_user(role))
        return client

    return log_in


@pytest.mark.parametrize("role", ROLES)
def test_everyone_sees_the_list_and_a_published_call(as_role, role):
    client = as_role(role)
    assert client.get("/en/calls/").status_code == 200
    assert client.get(f"/en/calls/{SEEDED}/").status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_an_unpublished_call_is_seen_by_curators_only(as_role, role, unpublished_call):
    client = as_role(role)
    response = client.get(f"/en/calls/{unpublished_call.slug}/")
    listing = client.get("/en/calls/").content.decode()
    if role in MAY_CURATE:
        assert response.status_code == 200
        assert "only curators can see this page" in response.content.decode()
        assert "Zanzibarquux unpublished call" in listing
    else:
        assert response.status_code == 404
        assert "Zanzibarquux" not in listing


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("path", ["/en/calls/new/", f"/en/calls/{SEEDED}/edit/"])
def test_the_curators_pages_open_for_curators_only(as_role, role, path):
    response = as_role(role).get(path)
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/en/account/login/?next=")
    elif role in MAY_CURATE:
        assert response.status_code == 200
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("role", ["anonymous", "contributor", "reviewer"])
def test_others_cannot_create_or_change_a_call_by_posting(as_role, role, call_post):
    client = as_role(role)
    before = Call.objects.count()
    client.post("/en/calls/new/", call_post(title="Sneaky"))
    client.post(f"/en/calls/{SEEDED}/edit/", call_post(title="Sneaky", version="1"))
    assert Call.objects.count() == before
    assert "Sneaky" not in str(Call.objects.get(slug=SEEDED))


def test_the_edit_page_of_an_unknown_call_is_a_404(as_role):
    assert as_role("curator").get("/en/calls/no-such-call/edit/").status_code == 404
