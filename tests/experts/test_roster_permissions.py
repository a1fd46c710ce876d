"""Who may open each roster page and take each roster action: the public page is open to
all, the form to anyone signed in, everything about applicants to curators only."""

import pytest
from django.core.exceptions import PermissionDenied

from gcmhub.experts.actions import expert_profile_approve, expert_profile_decline
from gcmhub.experts.models import RosterStatus

pytestmark = pytest.mark.usefixtures("demo")

ROLES = ["anonymous", "contributor", "reviewer", "curator", "administrator"]
CURATORS = {"curator", "administrator"}


@pytest.fixture
def pending(make_user, apply_as):
    return apply_as(make_user(username="someone-applying"))


def visit_as(client, make_user, role):
    if role != "anonymous":
        client.force_login(make_user(role))


def expected(role, *, curators_only=True, login=True):
    if role == "anonymous" and login:
        return 302
    if curators_only and role not in CURATORS:
        return 403
    return 200


@pytest.mark.parametrize("role", ROLES)
def test_the_public_page_is_open_to_everyone(client, make_user, role):
    visit_as(client, make_user, role)
    assert client.get("/en/roster/").status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_the_application_form_needs_a_sign_in_only(client, make_user, role):
    visit_as(client, make_user, role)
    response = client.get("/fr/roster/apply/")
    assert response.status_code == expected(role, curators_only=False)
    if role == "anonymous":
        assert response["Location"].startswith("/fr/account/login/?next=/fr/roster/apply/")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "path", ["/en/roster/applications/", "/en/roster/applications/{pk}/", "/en/roster/coverage/"]
)
def test_curator_pages_are_for_curators_only(client, make_user, pending, role, path):
    visit_as(client, make_user, role)
    response = client.get(path.format(pk=pending.pk))
    assert response.status_code == expected(role)
    if role == "anonymous":
        assert response["Location"].startswith("/en/account/login/?next=")
    if response.status_code == 403:
        assert "someone-applying" not in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("decision", ["approve", "decline"])
def test_only_curators_can_decide(client, make_user, pending, role, decision):
    visit_as(client, make_user, role)
    response = client.post(
        f"/en/roster/applications/{pending.pk}/", {"decision": decision, "note": "n"}
    )
    pending.refresh_from_db()
    if role in CURATORS:
        assert response.status_code == 302
        assert pending.status in (RosterStatus.APPROVED, RosterStatus.DECLINED)
    else:
        assert response.status_code == expected(role)
        assert pending.status == RosterStatus.APPLIED


@pytest.mark.parametrize("role", ["contributor", "reviewer"])
def test_the_actions_refuse_non_curators_too(make_user, pending, role):
    with pytest.raises(PermissionDenied):
        expert_profile_approve(actor=make_user(role), profile=pending)
    with pytest.raises(PermissionDenied):
        expert_profile_decline(actor=make_user(role), profile=pending, note="no")


@pytest.mark.parametrize("role", ROLES)
def test_withdrawing_needs_a_sign_in_and_a_post(client, make_user, role):
    visit_as(client, make_user, role)
    assert client.get("/en/roster/withdraw/").status_code == (302 if role == "anonymous" else 405)
    response = client.post("/en/roster/withdraw/")
    assert response.status_code == 302
    if role == "anonymous":
        assert "/account/login/" in response["Location"]


def test_an_unknown_application_is_not_found(client, make_user):
    client.force_login(make_user("curator"))
    assert client.get("/en/roster/applications/999999/").status_code == 404
