"""Telling people when they must act. `notify` is called inside the action that makes
the step happen; the email leaves only once that transaction has committed."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from gcmhub.notifications.models import Notification
from gcmhub.notifications.tasks import send_notification


def recipient_language(user) -> str:
    """The language a person chose in their profile, else the site's default."""
    profile = getattr(user, "profile", None)
    return getattr(profile, "language", "") or settings.LANGUAGE_CODE


def notify(*, recipient, key: str, template: str, context: dict, path: str = "") -> Notification:
    """Write the notification for one step, in the recipient's language, and send it
    after commit. `template` names `notifications/<template>.txt`, whose first line is
    the subject. `path` is the page where they act, without language prefix or host.
    Calling twice with one key returns the first notification and sends nothing more."""
    existing = Notification.objects.filter(key=key).first()
    if existing is not None:
        return existing
    language = recipient_language(recipient)
    with translation.override(language):
        url = f"{settings.GCMHUB_BASE_URL}/{language}{path}" if path else ""
        text = render_to_string(
            f"notifications/{template}.txt", {**context, "recipient": recipient, "url": url}
        ).strip()
    subject, _newline, body = text.partition("\n")
    notification = Notification.objects.create(
        recipient=recipient,
        key=key,
        language=language,
        subject=subject.strip()[:300],
        body=body.strip(),
        url=url,
    )
    transaction.on_commit(lambda: send_notification.enqueue(notification.pk))
    return notification


def notification_deliver(*, notification_id: int) -> bool:
    """Send one notification unless it has been sent; True when this call sent it.
    The row is locked while sending, so two workers never send the same email. A failed
    attempt is recorded (and committed) before the error is raised again, so the task
    shows as failed and `notifications_retry_due` knows when to try again."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update()
            .select_related("recipient")
            .filter(pk=notification_id, sent_at=None)
            .first()
        )
        if notification is None or not notification.recipient.email:
            return False
        notification.attempts += 1
        notification.last_attempt_at = timezone.now()
        try:
            send_mail(
                notification.subject,
                f"{notification.body}\n" + (f"\n{notification.url}\n" if notification.url else ""),
                None,
                [notification.recipient.email],
            )
        except Exception as error:
            failure = error
            notification.last_error = repr(error)[:2000]
        else:
            failure = None
            notification.sent_at = notification.last_attempt_at
            notification.last_error = ""
        notification.save(update_fields=["attempts", "last_attempt_at", "sent_at", "last_error"])
    if failure is not None:
        raise failure
    return True


# After a failed attempt n, the next waits RETRY_BACKOFF * 2**(n-1): 1, 2, 4… minutes,
# for MAX_ATTEMPTS attempts in all (about four hours). A notification never attempted
# (its process stopped between commit and enqueue) is picked up after NEVER_ATTEMPTED.
RETRY_BACKOFF = timedelta(minutes=1)
MAX_ATTEMPTS = 8
NEVER_ATTEMPTED = timedelta(minutes=10)


def notification_retry_at(notification: Notification):
    """When an unsent notification is next due, or None once it has used its attempts."""
    if notification.attempts >= MAX_ATTEMPTS:
        return None
    if not notification.attempts:
        return notification.created_at + NEVER_ATTEMPTED
    return notification.last_attempt_at + RETRY_BACKOFF * 2 ** (notification.attempts - 1)


def notifications_retry_due(*, now=None) -> int:
    """Enqueue a delivery of each unsent notification whose retry is due; the number
    enqueued. Run periodically (`gcmhub notifications_retry`); running it twice, or while
    a worker delivers, sends nothing twice (`notification_deliver` checks under lock)."""
    now = now or timezone.now()
    unsent = Notification.objects.filter(sent_at=None, attempts__lt=MAX_ATTEMPTS).exclude(
        recipient__email=""
    )
    due = [
        n.pk
        for n in unsent.only("pk", "attempts", "created_at", "last_attempt_at")
        if notification_retry_at(n) <= now
    ]
    for pk in due:
        send_notification.enqueue(pk)
    return len(due)
