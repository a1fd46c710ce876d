"""Everyone who must act is told by email, in their language, once the step is
committed, and never twice for the same step."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

from gcmhub.accounts.models import Profile
from gcmhub.notifications.actions import (
    MAX_ATTEMPTS,
    notification_deliver,
    notifications_retry_due,
)
from gcmhub.notifications.models import Notification
from gcmhub.review import actions
from gcmhub.review.models import DecisionOutcome
from tests.review.conftest import review, to_review


def set_language(user, language):
    Profile.objects.update_or_create(user=user, defaults={"language": language})
    user.refresh_from_db()


def test_each_step_tells_whoever_must_act_next_in_their_language(
    draft, curator, roster, django_capture_on_commit_callbacks
):
    set_language(curator, "fr")
    set_language(roster["una"], "es")
    with django_capture_on_commit_callbacks(execute=True):
        actions.submission_submit(actor=draft.submitter, submission=draft)
    assert [m.to for m in mail.outbox] == [[curator.email]]
    assert mail.outbox[0].subject.startswith("Nouvelle pratique pour examen préliminaire")

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        actions.screening_start(actor=curator, submission=draft)
        for name in ("una", "unb", "extc"):
            actions.reviewer_assign(
                actor=curator,
                submission=draft,
                reviewer=roster[name],
                due_on=timezone.localdate() + timezone.timedelta(days=10),
            )
        assert not mail.outbox  # nothing leaves before the round starts
        actions.round_start(actor=curator, submission=draft)
    invited = {m.to[0]: m for m in mail.outbox}
    assert set(invited) == {roster[n].email for n in ("una", "unb", "extc")}
    assert invited[roster["una"].email].subject == "Invitación para evaluar una práctica"
    assert "/es/reviews/" in invited[roster["una"].email].body

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        for assignment in draft.rounds.get().assignments.all():
            review(assignment, "accept")
    # Only when the last review is in are the curators asked to decide.
    assert [m.to for m in mail.outbox] == [[curator.email]]

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        actions.decision_record(
            actor=curator,
            submission=draft,
            outcome=DecisionOutcome.ACCEPT,
            message="A model for the region.",
        )
    assert [m.to for m in mail.outbox] == [[draft.submitter.email]]
    assert "A model for the region." in mail.outbox[0].body


def test_nothing_is_sent_when_the_step_rolls_back(
    draft, curator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        actions.submission_submit(actor=draft.submitter, submission=draft)
    assert callbacks and not mail.outbox  # queued for after commit, not sent inside


def test_a_notification_is_delivered_once_however_often_the_task_runs(
    draft, curator, django_capture_on_commit_callbacks
):
    from gcmhub.notifications.actions import notification_deliver

    with django_capture_on_commit_callbacks(execute=True):
        actions.submission_submit(actor=draft.submitter, submission=draft)
    notification = Notification.objects.get(recipient=curator)
    assert notification.sent_at is not None and len(mail.outbox) == 1
    assert notification_deliver(notification_id=notification.pk) is False
    assert len(mail.outbox) == 1


def test_reviewers_are_reminded_once_a_day_when_a_review_is_due_soon(
    draft, curator, roster, django_capture_on_commit_callbacks
):
    to_review(draft, curator, roster)
    draft.rounds.get().assignments.update(due_on=timezone.localdate())
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.reminders_send() == 3
        assert actions.reminders_send() == 0
    assert len(mail.outbox) == 3
    assert all("due" in m.subject for m in mail.outbox)


def test_an_email_that_could_not_be_sent_is_retried_later_and_sent_once(
    draft, curator, settings, django_capture_on_commit_callbacks
):
    # A real SMTP backend, pointed at a loopback port where nothing listens.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", 1, False
    with django_capture_on_commit_callbacks(execute=True):
        actions.submission_submit(actor=draft.submitter, submission=draft)
    notification = Notification.objects.get(recipient=curator)
    assert notification.sent_at is None and notification.attempts == 1
    assert "ConnectionRefusedError" in notification.last_error
    assert notifications_retry_due() == 0  # not before its backoff

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    later = timezone.now() + timedelta(minutes=1)
    assert notifications_retry_due(now=later) == 1
    notification.refresh_from_db()
    assert notification.sent_at is not None and notification.attempts == 2
    assert [m.to for m in mail.outbox] == [[curator.email]]

    much_later = later + timedelta(days=1)
    assert notifications_retry_due(now=much_later) == 0
    assert notification_deliver(notification_id=notification.pk) is False
    assert len(mail.outbox) == 1


def test_retries_stop_after_the_last_attempt(draft, curator, settings):
    actions.submission_submit(actor=draft.submitter, submission=draft)
    Notification.objects.filter(recipient=curator).update(
        attempts=MAX_ATTEMPTS, last_attempt_at=timezone.now(), last_error="refused"
    )
    assert notifications_retry_due(now=timezone.now() + timedelta(days=30)) == 0
    assert mail.outbox == []
