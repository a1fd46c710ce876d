"""Administrators see and edit people with their profile in the admin; every save is
audited without the password hash."""

import pytest
from django.contrib.auth import get_user_model

from gcmhub.accounts.models import Profile
from gcmhub.audit.models import AuditEntry, AuditEvent

pytestmark = pytest.mark.django_db

User = get_user_model()


def test_an_administrator_edits_a_profile_inline_and_it_is_audited(
    production_password_hashing, client, make_user
):
    admin_user = make_user("administrator")
    person = make_user(username="ana", email="ana@example.org")
    Profile.objects.create(user=person, display_name="Ana", language="fr")
    client.force_login(admin_user)
    url = f"/en/admin/auth/user/{person.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "password"}
    data.update(
        {
            "username": "ana",
            "email": "ana@example.org",
            "is_active": "on",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "10:00:00",
            "profile-TOTAL_FORMS": "1",
            "profile-INITIAL_FORMS": "1",
            "profile-MIN_NUM_FORMS": "0",
            "profile-MAX_NUM_FORMS": "1",
            "profile-0-id": str(person.profile.pk),
            "profile-0-user": str(person.pk),
            "profile-0-display_name": "Ana Silva",
            "profile-0-organisation": "IOM",
            "profile-0-language": "es",
        }
    )
    data.pop("groups", None)
    data.pop("user_permissions", None)
    data.pop("last_login", None)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    person.profile.refresh_from_db()
    assert (person.profile.display_name, person.profile.language) == ("Ana Silva", "es")
    entry = AuditEntry.objects.get(event_type=AuditEvent.ADMIN_CHANGED, object_id=str(person.pk))
    assert entry.snapshot["profile"]["organisation"] == "IOM"
    assert entry.snapshot["password"] == "set"
    assert "argon2" not in str(entry.snapshot)


def test_the_user_list_answers(client, make_user):
    client.force_login(make_user("administrator"))
    assert client.get("/en/admin/auth/user/").status_code == 200
    assert client.get("/en/admin/auth/user/add/").status_code == 200
