import re

import pytest
from django.core import mail

PASSWORD = "Plover-harbour-47-lanterns"


def registration_data(**overrides) -> dict:
    data = {
        "email": "amina.diallo@example.org",
        "display_name": "Amina Diallo",
        "organisation": "Ministère du Travail",
        "language": "fr",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    data.update(overrides)
    return data


def link_in(message) -> str:
    """The path (with language prefix) of the one Hub link in an email."""
    urls = re.findall(r"https?://[^/\s]+(/\S+)", message.body)
    assert len(urls) == 1, message.body
    return urls[0]


@pytest.fixture
def register(client, django_capture_on_commit_callbacks):
    """register(**fields) posts the registration form (as on /en/) and runs what the
    action leaves for after commit (the confirmation email)."""

    def post(page_language="en", **overrides):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                f"/{page_language}/account/register/", registration_data(**overrides)
            )

    return post


@pytest.fixture
def registered(register):
    """A person who registered (in French) and has not yet confirmed: (user, email)."""
    from django.contrib.auth import get_user_model

    response = register()
    assert response.status_code == 302, response.content.decode()[:2000]
    return get_user_model().objects.get(email="amina.diallo@example.org"), mail.outbox[-1]


@pytest.fixture
def confirmed(client, registered):
    user, message = registered
    client.post(link_in(message))
    user.refresh_from_db()
    assert user.is_active
    return user
