from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gcmhub.site.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = "Restore a backup folder made by `gcmhub backup` into this (empty) instance."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)
        parser.add_argument(
            "--force", action="store_true", help="Replace the content this instance holds."
        )

    def handle(self, *args, folder, force, **options):
        try:
            counts = backup_restore(source=folder, force=force)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"restored {sum(counts.values())} rows from {folder}")
