from django.core.management import call_command
from django.core.management.base import BaseCommand

from gcmhub.site.actions import site_init


class Command(BaseCommand):
    help = "Migrate, load the GCM taxonomy, and load the demo content into an empty catalogue."

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group()
        group.add_argument(
            "--demo",
            action="store_true",
            help="Load the demo content even if "
            "the catalogue holds items (updates the demo items in place).",
        )
        group.add_argument("--no-demo", action="store_true", help="Never load the demo content.")

    def handle(self, *args, demo=False, no_demo=False, verbosity=1, **options):
        call_command("migrate", interactive=False, verbosity=max(verbosity - 1, 0))
        report = site_init(demo=True if demo else (False if no_demo else None))
        self.stdout.write(f"taxonomy: {report.taxonomy.as_dict()}")
        if report.catalog is None:
            reason = "--no-demo" if no_demo else "the catalogue already holds items"
            self.stdout.write(f"demo content: not loaded ({reason})")
        else:
            self.stdout.write(f"demo content: {report.catalog.as_dict()} {report.calls.as_dict()}")
