from django.core.management.base import BaseCommand, CommandError

from gcmhub.catalog.selectors import search_drift


class Command(BaseCommand):
    help = "Report differences between the search index and the database; exit 1 if any."

    def handle(self, *args, **options):
        drift = search_drift()
        for label, entries in (
            ("missing from the index", drift.missing),
            ("indexed but outdated", drift.stale),
            ("indexed but not published", drift.orphaned),
        ):
            for item_id in sorted(entries):
                self.stdout.write(f"{label}: item {item_id}")
        if not drift.clean:
            raise CommandError(f"{drift.total} differences; run `gcmhub search_rebuild`.")
        self.stdout.write("the search index matches the database")
