import time

from django.core.management.base import BaseCommand

from gcmhub.catalog.actions import catalog_reindex_all
from gcmhub.catalog.corpus import corpus_generate


class Command(BaseCommand):
    help = "Add a synthetic multilingual catalogue (for benchmarks), then rebuild the index."

    def add_arguments(self, parser):
        parser.add_argument("--items", type=int, default=1000)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, items, seed, **options):
        started = time.perf_counter()
        corpus_generate(items=items, seed=seed)
        generated = time.perf_counter()
        indexed = catalog_reindex_all()
        self.stdout.write(
            f"generated {items} items in {generated - started:.1f} s; "
            f"indexed {indexed} published items in {time.perf_counter() - generated:.1f} s"
        )
