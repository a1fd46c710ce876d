"""Export benchmark: `make bench` (or `python scripts/bench_export.py [--items N]`).

In a child process on a fresh SQLite database it generates a synthetic catalogue
(`catalog/corpus.py`), then exports every published item in each format to /dev/null
while tracemalloc measures the peak memory Python allocates, beside the baseline of
the same records loaded into one list (what a non-streaming export would hold).
Each format prints one line:

  export items=100000 format=csv peak_mb=… baseline_list_mb=… ratio=… seconds=… rows=…
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def measure(items: int) -> list[str]:
    import django

    os.environ["DJANGO_SETTINGS_MODULE"] = "gcmhub.settings"
    django.setup()
    from django.core.management import call_command

    from gcmhub.catalog.corpus import corpus_generate
    from gcmhub.catalog.facets import facet_matrix
    from gcmhub.catalog.models import Item, Status
    from gcmhub.interop.exports import STREAMS, export_ids, ordered_chunks, records
    from gcmhub.site.actions import site_init

    call_command("migrate", verbosity=0)
    site_init(demo=False)
    corpus_generate(items=items)
    facet_matrix()  # built once per index generation, as in a serving process
    published = Item.objects.filter(status=Status.PUBLISHED).count()

    def peak(run) -> tuple[float, float, object]:
        tracemalloc.start()
        started = time.perf_counter()
        result = run()
        seconds = time.perf_counter() - started
        _current, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return top / 2**20, seconds, result

    # Baseline: every record in one list, as an export that is not streamed holds them.
    baseline_mb, _s, rows = peak(lambda: len(list(records(ordered_chunks(export_ids({}))))))
    assert rows == published, (rows, published)
    lines = []
    for fmt, stream in STREAMS.items():

        def run(stream=stream):
            with open(os.devnull, "w", encoding="utf-8") as sink:
                for chunk in stream(records(ordered_chunks(export_ids({})))):
                    sink.write(chunk)
            return None

        peak_mb, seconds, _ = peak(run)
        lines.append(
            f"export items={items} format={fmt} peak_mb={peak_mb:.1f} "
            f"baseline_list_mb={baseline_mb:.1f} ratio={peak_mb / baseline_mb:.3f} "
            f"seconds={seconds:.1f} rows={published} backend=sqlite"
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--child", action="store_true")
    args = parser.parse_args()
    if args.child:
        for line in measure(args.items):
            print(line, flush=True)
        return 0
    with tempfile.TemporaryDirectory() as data_dir:
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        env["GCMHUB_DATA_DIR"] = data_dir
        subprocess.run(
            [sys.executable, __file__, "--items", str(args.items), "--child"],
            env=env,
            check=True,
            cwd=ROOT,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
