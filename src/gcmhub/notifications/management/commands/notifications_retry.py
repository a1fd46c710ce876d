from django.core.management.base import BaseCommand

from gcmhub.notifications.actions import notifications_retry_due


class Command(BaseCommand):
    help = (
        "Enqueue another delivery of each notification whose email could not be sent and "
        "whose retry is due (backoff 1, 2, 4… minutes, 8 attempts). Run it every minute or "
        "few (cron, systemd timer); it never sends an email twice."
    )

    def handle(self, *args, **options):
        count = notifications_retry_due()
        self.stdout.write(f"{count} notification(s) enqueued for another attempt")
