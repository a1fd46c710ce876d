"""No person's email address or organisation reaches a public page, the API or a feed;
the account pages show them only to their owner."""

import pytest

from tests.accounts.conftest import PASSWORD
from tests.pages import LANGUAGES, PAGE_TYPES

pytestmark = pytest.mark.usefixtures("demo")

SECRET_EMAIL = "hidden.person@secret-mailbox.example"
SECRET_ORGANISATION = "Confidential Organisation Of Nobody"
PUBLIC_EXTRA = [
    "/api/v1/search?q=organisation",
    "/sitemap.xml",
    "/robots.txt",
]


@pytest.fixture
def person(make_user, client):
    from gcmhub.accounts.actions import profile_ensure, profile_update

    user = make_user("reviewer", email=SECRET_EMAIL, password=PASSWORD)
    profile_ensure(user=user)
    profile_update(
        actor=user,
        user=user,
        display_name="Hidden Person",
        organisation=SECRET_ORGANISATION,
        language="fr",
    )
    return user


def test_no_email_or_organisation_on_any_public_page(client, person):
    paths = [f"/{lang}{path}" for lang in LANGUAGES for path in PAGE_TYPES]
    paths += ["/en/search/feed/?q=x", *PUBLIC_EXTRA]
    for path in paths:
        body = client.get(path).content.decode()
        assert SECRET_EMAIL not in body, path
        assert SECRET_ORGANISATION not in body, path


def test_signed_in_pages_show_nothing_of_the_person_but_links(client, person):
    client.force_login(person)
    body = client.get("/en/practices/").content.decode()
    assert SECRET_EMAIL not in body and SECRET_ORGANISATION not in body


def test_the_account_page_shows_them_to_their_owner_only(client, person, make_user):
    client.force_login(person)
    body = client.get("/en/account/").content.decode()
    assert SECRET_EMAIL in body and SECRET_ORGANISATION in body
    client.force_login(make_user())
    body = client.get("/en/account/").content.decode()
    assert SECRET_EMAIL not in body and SECRET_ORGANISATION not in body
