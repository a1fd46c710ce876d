"""Someone applies, every curator is told in their own language, a curator approves or
declines with a note, the applicant is told in theirs, and the reviewer role follows."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from gcmhub.accounts.roles import is_reviewer
from gcmhub.audit.models import AuditEntry, AuditEvent
from gcmhub.experts.actions import (
    expert_profile_approve,
    expert_profile_decline,
    expert_profile_withdraw,
)
from gcmhub.experts.models import ExpertProfile, RosterStatus
from gcmhub.notifications.models import Notification
from tests.experts.conftest import form_data
from tests.pages import text

pytestmark = pytest.mark.usefixtures("demo")


def reviewer_now(user) -> bool:
    """Asks the database afresh: role checks cache the groups on the user object."""
    return is_reviewer(get_user_model().objects.get(pk=user.pk))


def mails_to(user):
    return [m for m in mail.outbox if m.to == [user.email]]


def test_applying_tells_every_curator_in_their_own_language(
    client, make_user, speaks, django_capture_on_commit_callbacks
):
    # Given two curators, one reading French and one Spanish, and an administrator
    french, spanish = speaks(make_user("curator"), "fr"), speaks(make_user("curator"), "es")
    make_user("administrator")
    applicant = make_user(first_name="Lucía", last_name="Quispe")
    client.force_login(applicant)

    # When the applicant sends the form
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/roster/apply/", form_data())

    # Then their profile awaits a decision and each curator has one email in their language
    assert response.status_code == 302
    profile = ExpertProfile.objects.get(user=applicant)
    assert profile.status == RosterStatus.APPLIED
    assert [o.number for o in profile.objectives.order_by("number")] == [7, 10]
    assert profile.languages == ["fr", "en"] and profile.is_un is False
    assert len(mail.outbox) == 2
    (to_french,) = mails_to(french)
    (to_spanish,) = mails_to(spanish)
    assert to_french.subject == (
        "Nouvelle candidature au fichier d’experts évaluateurs : Lucía Quispe"
    )
    assert "Observatorio de Migraciones" in to_french.body
    assert f"/fr/roster/applications/{profile.pk}/" in to_french.body
    assert to_spanish.subject.startswith("Nueva solicitud")
    assert f"/es/roster/applications/{profile.pk}/" in to_spanish.body
    assert AuditEntry.objects.filter(
        event_type=AuditEvent.ROSTER_APPLIED, object_id=str(profile.pk)
    ).exists()
    # And the page says what happens next
    follow = client.get("/en/roster/apply/")
    assert "your application has been sent to the curators" in text(follow)


def test_administrators_are_told_when_the_hub_has_no_curator(
    make_user, apply_as, django_capture_on_commit_callbacks
):
    admin = make_user("administrator")
    with django_capture_on_commit_callbacks(execute=True):
        apply_as(make_user())
    assert [m.to for m in mail.outbox] == [[admin.email]]


def test_editing_a_pending_application_asks_nothing_new_of_the_curators(
    client, make_user, django_capture_on_commit_callbacks
):
    make_user("curator")
    applicant = make_user()
    client.force_login(applicant)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/roster/apply/", form_data())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/roster/apply/", form_data(years_of_experience="13"))
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert ExpertProfile.objects.get(user=applicant).years_of_experience == 13
    assert "Your changes have been saved." in text(client.get("/en/roster/apply/"))
    assert AuditEntry.objects.filter(event_type=AuditEvent.ROSTER_UPDATED).count() == 1


def test_approving_grants_the_reviewer_role_and_tells_the_applicant(
    client, make_user, speaks, apply_as, django_capture_on_commit_callbacks
):
    # Given a pending application from someone reading Arabic
    curator = make_user("curator")
    applicant = speaks(make_user(), "ar")
    profile = apply_as(applicant)
    assert not reviewer_now(applicant)
    mail.outbox.clear()

    # When a curator approves it with a note
    client.force_login(curator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/roster/applications/{profile.pk}/",
            {"decision": "approve", "note": "Welcome aboard."},
        )

    # Then the applicant is a reviewer, told in Arabic, and the decision is recorded
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.status == RosterStatus.APPROVED
    assert profile.decided_by == curator and profile.decided_at is not None
    assert reviewer_now(applicant)
    (message,) = mails_to(applicant)
    assert message.subject == "مرحباً بك في سجل خبراء مراجعة الأقران في GCM Hub"
    assert "Welcome aboard." in message.body
    assert "/ar/roster/apply/" in message.body
    assert AuditEntry.objects.filter(event_type=AuditEvent.ROSTER_APPROVED).count() == 1
    assert AuditEntry.objects.filter(event_type=AuditEvent.ROLE_GRANTED, actor=curator).exists()
    # And the applicant's own page says so clearly
    client.force_login(applicant)
    assert "You are already on the Peer Review Roster" in text(client.get("/en/roster/apply/"))


def test_declining_needs_a_note_which_the_applicant_receives(
    client, make_user, apply_as, django_capture_on_commit_callbacks
):
    curator = make_user("curator")
    applicant = make_user()
    profile = apply_as(applicant)
    mail.outbox.clear()
    client.force_login(curator)

    # Without a note: refused, with a message tied to the note field, nothing sent
    response = client.post(f"/en/roster/applications/{profile.pk}/", {"decision": "decline"})
    assert response.status_code == 400
    assert "Say why, in a few words" in text(response)
    assert 'aria-describedby="id_note_helptext id_note_error"' in response.content.decode()
    profile.refresh_from_db()
    assert profile.status == RosterStatus.APPLIED

    # With a note: declined, and the note reaches the applicant
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/en/roster/applications/{profile.pk}/",
            {"decision": "decline", "note": "We need more field experience."},
        )
    profile.refresh_from_db()
    assert profile.status == RosterStatus.DECLINED
    assert profile.curator_note == "We need more field experience."
    (message,) = mails_to(applicant)
    assert "declined" in message.body and "We need more field experience." in message.body
    assert not reviewer_now(applicant)


def test_a_declined_applicant_may_apply_again_and_the_curators_are_told_again(
    client, make_user, apply_as, django_capture_on_commit_callbacks
):
    curator = make_user("curator")
    applicant = make_user()
    profile = apply_as(applicant)
    expert_profile_decline(actor=curator, profile=profile, note="Not yet.")
    mail.outbox.clear()
    client.force_login(applicant)
    page = client.get("/en/roster/apply/")
    assert "Your last application was declined" in text(page) and "Not yet." in text(page)

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/roster/apply/", form_data())

    profile.refresh_from_db()
    assert profile.status == RosterStatus.APPLIED
    assert profile.curator_note == "" and profile.decided_by is None
    assert [m.to for m in mail.outbox] == [[curator.email]]
    assert Notification.objects.filter(recipient=curator).count() == 2


def test_taking_a_reviewer_off_the_roster_takes_back_the_role(make_user, apply_as):
    curator = make_user("curator")
    applicant = make_user()
    profile = apply_as(applicant)
    expert_profile_approve(actor=curator, profile=profile)
    assert reviewer_now(applicant)
    expert_profile_decline(actor=curator, profile=profile, note="Inactive for two years.")
    assert not reviewer_now(applicant)
    body = Notification.objects.filter(recipient=applicant).first().body
    assert "taken you off" in body


def test_leaving_the_roster_takes_back_the_role(client, make_user, apply_as):
    applicant = make_user()
    expert_profile_approve(actor=make_user("curator"), profile=apply_as(applicant))
    client.force_login(applicant)
    response = client.post("/en/roster/withdraw/", follow=True)
    assert "You have left the roster." in text(response)
    assert not reviewer_now(applicant)
    assert ExpertProfile.objects.get(user=applicant).status == RosterStatus.WITHDRAWN
    # Nothing left to withdraw: a message, not an error page
    response = client.post("/en/roster/withdraw/", follow=True)
    assert "You have no application or place on the roster to withdraw." in text(response)


def test_an_approved_reviewer_may_update_expertise_but_not_the_un_flag(client, make_user, apply_as):
    applicant = make_user()
    expert_profile_approve(actor=make_user("curator"), profile=apply_as(applicant, is_un=False))
    client.force_login(applicant)
    response = client.post(
        "/en/roster/apply/", form_data(is_un="yes", objectives=["1", "2"], languages=["ru"])
    )
    assert response.status_code == 302
    profile = ExpertProfile.objects.get(user=applicant)
    assert profile.status == RosterStatus.APPROVED
    assert profile.is_un is False
    assert sorted(o.number for o in profile.objectives.all()) == [1, 2]
    assert profile.languages == ["ru"]


def test_nobody_decides_on_their_own_application(client, make_user, apply_as):
    curator = make_user("curator")
    profile = apply_as(curator)
    with pytest.raises(PermissionDenied):
        expert_profile_approve(actor=curator, profile=profile)
    client.force_login(curator)
    page = client.get(f"/en/roster/applications/{profile.pk}/")
    assert "another curator decides on it" in text(page)
    assert (
        client.post(f"/en/roster/applications/{profile.pk}/", {"decision": "approve"}).status_code
        == 403
    )
    profile.refresh_from_db()
    assert profile.status == RosterStatus.APPLIED


def test_a_decision_on_a_changed_application_says_so(client, make_user, apply_as):
    # Two curators open the same application; one approves, then the other declines
    first, second = make_user("curator"), make_user("curator")
    profile = apply_as(make_user())
    expert_profile_approve(actor=first, profile=profile)
    with pytest.raises(ValidationError):
        expert_profile_approve(actor=second, profile=profile)
    client.force_login(second)
    response = client.post(f"/en/roster/applications/{profile.pk}/", {"decision": "approve"})
    assert response.status_code == 400
    assert "This application is now “On the roster”" in text(response)


def test_withdrawing_a_pending_application(make_user, apply_as):
    applicant = make_user()
    apply_as(applicant)
    profile = expert_profile_withdraw(actor=applicant)
    assert profile.status == RosterStatus.WITHDRAWN
