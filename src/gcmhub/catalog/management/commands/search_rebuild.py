import time

from django.core.management.base import BaseCommand

from gcmhub.catalog.actions import catalog_reindex_all


class Command(BaseCommand):
    help = "Rebuild the search index from the database (published items only)."

    def handle(self, *args, **options):
        started = time.perf_counter()
        count = catalog_reindex_all()
        self.stdout.write(f"indexed {count} items in {time.perf_counter() - started:.1f} s")
