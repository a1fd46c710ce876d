"""Search benchmark: `make bench` (or `python scripts/bench_search.py [--items N]`).

For each database (SQLite always; PostgreSQL when a server answers at POSTGRES_URL) it
builds a fresh synthetic catalogue, rebuilds the index (timed), then runs 50 fixed
queries — words, phrases, prefixes, exclusions, filters and facets — through the whole
search call (`item_list`: results, snippets and every facet count), and, on the same
data, the raw engine baseline: the text match ranked LIMIT 20 plus a COUNT(*) of the
matches. Each backend prints one line:

  search items=100000 p50_ms=… p95_ms=… baseline_p95_ms=… ratio=… index_s=… db_mb=… backend=…
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = [
    # (text, filters): French, English and Spanish words, phrases and operators …
    ("traite", {}),
    ("victimes", {}),
    ("enfants migrants", {}),
    ("trafic de migrants", {}),
    ('"traite des personnes"', {}),
    ("coopération régionale", {}),
    ("protection des victimes", {}),
    ("trafficking", {}),
    ("smuggling of migrants", {}),
    ('"labour inspection"', {}),
    ("victims compensation", {}),
    ("human rights", {}),
    ("data collection", {}),
    ("trata", {}),
    ("víctimas", {}),
    ("tráfico ilícito", {}),
    ('"trata de personas"', {}),
    ("niños", {}),
    ("traf*", {}),
    ("migr*", {}),
    ("traite -enfants", {}),
    ("trafficking OR smuggling", {}),
    ("trata OR traite", {}),
    ("fiscales", {}),
    ("renforcer les capacités", {}),
    ("employers recruitment", {}),
    # … with filters …
    ("traite", {"objective": "10"}),
    ("trafficking", {"region": "africa"}),
    ("victimes", {"country": "BRA"}),
    ("migrants", {"kind": "practice"}),
    ("trata", {"language": "es"}),
    ("protection", {"year": "2019"}),
    ("coopération", {"objective": "9", "region": "europe"}),
    ("smuggling", {"scope": "global"}),
    ("rights", {"principle": "human-rights"}),
    ("traite", {"type": "report", "kind": "document"}),
    ("migrants", {"sort": "newest"}),
    ("victims", {"objective": "10", "country": "USA"}),
    ("enfants", {"language": "fr"}),
    # … and no words: lists with facets only.
    ("", {}),
    ("", {"objective": "10"}),
    ("", {"region": "americas"}),
    ("", {"kind": "practice"}),
    ("", {"country": "FRA"}),
    ("", {"year": "2020"}),
    ("", {"language": "es", "objective": "9"}),
    ("", {"sort": "newest"}),
    ("", {"principle": "child-sensitive"}),
    ("", {"scope": "national", "region": "asia"}),
    ("", {"type": "policy-brief"}),
]
assert len(QUERIES) == 50
REPEATS = 3


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def run_backend(items: int, backend: str) -> str:
    """Runs in a child process configured for one database."""
    import django

    os.environ["DJANGO_SETTINGS_MODULE"] = "gcmhub.settings"
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from gcmhub.catalog.actions import catalog_reindex_all
    from gcmhub.catalog.corpus import corpus_generate
    from gcmhub.catalog.facets import facet_matrix
    from gcmhub.catalog.selectors import item_filters_parse, item_list
    from gcmhub.search.backends.postgres import TABLE as PG_TABLE
    from gcmhub.search.backends.postgres import _expression as pg_expression
    from gcmhub.search.backends.sqlite_fts5 import TABLE as FTS_TABLE
    from gcmhub.search.backends.sqlite_fts5 import _expression as fts_expression
    from gcmhub.search.query import parse
    from gcmhub.site.actions import site_init
    from gcmhub.taxonomy.selectors import taxonomy_index

    call_command("migrate", verbosity=0)
    site_init(demo=False)
    corpus_generate(items=items)
    started = time.perf_counter()
    catalog_reindex_all()
    index_s = time.perf_counter() - started
    facet_matrix()  # built once per index generation, as in a serving process

    def baseline(text: str) -> None:
        query = parse(text)
        with connection.cursor() as cursor:
            if backend == "sqlite":
                if query.required:
                    expression = fts_expression(query.required)
                    cursor.execute(
                        f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "
                        "ORDER BY rank LIMIT 20",
                        [expression],
                    )
                    cursor.fetchall()
                    cursor.execute(
                        f"SELECT COUNT(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [expression]
                    )
                else:
                    cursor.execute(f"SELECT rowid FROM {FTS_TABLE} LIMIT 20")
                    cursor.fetchall()
                    cursor.execute(f"SELECT COUNT(*) FROM {FTS_TABLE}")
            elif query.required:
                expression = pg_expression(query.required)
                cursor.execute(
                    f"SELECT item_id FROM {PG_TABLE}, to_tsquery('simple', %s) q "
                    "WHERE vector @@ q ORDER BY ts_rank(vector, q) DESC LIMIT 20",
                    [expression],
                )
                cursor.fetchall()
                cursor.execute(
                    f"SELECT COUNT(*) FROM {PG_TABLE} WHERE vector @@ to_tsquery('simple', %s)",
                    [expression],
                )
            else:
                cursor.execute(f"SELECT item_id FROM {PG_TABLE} LIMIT 20")
                cursor.fetchall()
                cursor.execute(f"SELECT COUNT(*) FROM {PG_TABLE}")
            cursor.fetchall()

    index = taxonomy_index()

    def full(text: str, params: dict) -> None:
        filters = item_filters_parse({k: [v] for k, v in params.items()}, index=index)
        filters.sort = params.get("sort", "")
        item_list(filters=filters, text=text, language="fr", index=index)

    for text, params in QUERIES:  # warm caches once, untimed
        full(text, params)
        baseline(text)
    times, base = [], []
    for _ in range(REPEATS):
        for text, params in QUERIES:
            t0 = time.perf_counter()
            full(text, params)
            t1 = time.perf_counter()
            baseline(text)
            t2 = time.perf_counter()
            times.append((t1 - t0) * 1000)
            base.append((t2 - t1) * 1000)

    if backend == "sqlite":
        db_mb = Path(connection.settings_dict["NAME"]).stat().st_size / 2**20
    else:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            db_mb = cursor.fetchone()[0] / 2**20
    p95, base_p95 = percentile(times, 95), percentile(base, 95)
    return (
        f"search items={items} p50_ms={statistics.median(times):.1f} p95_ms={p95:.1f} "
        f"baseline_p95_ms={base_p95:.1f} ratio={p95 / base_p95:.2f} index_s={index_s:.1f} "
        f"db_mb={db_mb:.0f} backend={backend}"
    )


def postgres_available(url: str) -> bool:
    try:
        import psycopg

        psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", connect_timeout=3).close()
        return True
    except Exception:
        return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--backend", choices=["sqlite", "postgresql"])
    args = parser.parse_args()
    if args.backend:
        print(run_backend(args.items, args.backend), flush=True)
        return 0

    lines = []
    pg_url = os.environ.get("POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/gcmhub_bench")
    runs = [("sqlite", {})]
    if postgres_available(pg_url):
        runs.insert(0, ("postgresql", {"DATABASE_URL": pg_url}))
    else:
        print(f"PostgreSQL not reachable at {pg_url}: its figures are skipped", file=sys.stderr)
    for backend, extra in runs:
        with tempfile.TemporaryDirectory() as data_dir:
            env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
            env.update(extra, GCMHUB_DATA_DIR=data_dir)
            if backend == "postgresql":
                recreate_database(pg_url)
            out = subprocess.run(
                [sys.executable, __file__, "--items", str(args.items), "--backend", backend],
                env=env,
                check=True,
                capture_output=True,
                text=True,
                cwd=ROOT,
            ).stdout
            lines.append(out.strip().splitlines()[-1])
            print(lines[-1], flush=True)
    return 0


def recreate_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        # FORCE: a server left from an interrupted run may still hold connections.
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


if __name__ == "__main__":
    sys.exit(main())
