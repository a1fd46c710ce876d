"""Telling people when they must act. `notify` is called inside the action that makes
the step happen; the email leaves only once that transaction has committed."""

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
    The row is locked while sending, so two workers never send the same email."""
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
        try:
            send_mail(
                notification.subject,
                f"{notification.body}\n" + (f"\n{notification.url}\n" if notification.url else ""),
                None,
                [notification.recipient.email],
            )
        except Exception as error:
            # Recorded (outside the rolled-back work) so the next attempt can be seen.
            Notification.objects.filter(pk=notification_id).update(
                attempts=notification.attempts, last_error=repr(error)[:2000]
            )
            raise
        notification.sent_at = timezone.now()
        notification.last_error = ""
        notification.save(update_fields=["attempts", "sent_at", "last_error"])
        return True
