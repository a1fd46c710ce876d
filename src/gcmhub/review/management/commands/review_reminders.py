from django.core.management.base import BaseCommand

from gcmhub.review.actions import reminders_send


class Command(BaseCommand):
    help = "Remind reviewers whose reviews are due within three days or overdue (run daily)."

    def add_arguments(self, parser):
        parser.add_argument("--days-before", type=int, default=3)

    def handle(self, *args, days_before, **options):
        count = reminders_send(days_before=days_before)
        self.stdout.write(f"reminders={count}")
