from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gcmhub.site.backup import BackupError, backup_create


class Command(BaseCommand):
    help = "Back up the database and uploaded files into a new folder under --output."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, required=True, help="Folder for backups.")

    def handle(self, *args, output, **options):
        try:
            folder = backup_create(destination=output)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(folder))
