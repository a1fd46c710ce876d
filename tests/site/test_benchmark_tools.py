"""The benchmark tools work: the corpus generator and `make bench`'s script, run small."""

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from gcmhub.catalog.actions import catalog_reindex_all
from gcmhub.catalog.corpus import corpus_generate
from gcmhub.catalog.models import Item
from gcmhub.catalog.selectors import item_filters_parse, item_list
from gcmhub.taxonomy.selectors import taxonomy_index
from tests.tools import free_port

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "bench_search.py"
LOAD_SCRIPT = SCRIPT.with_name("loadtest.py")


def recreate_database(url: str) -> None:
    spec = importlib.util.spec_from_file_location("bench_search", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.recreate_database(url)


def drop_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')


LINE = re.compile(
    r"^search items=(\d+) p50_ms=[\d.]+ p95_ms=[\d.]+ baseline_p95_ms=[\d.]+ ratio=[\d.]+ "
    r"index_s=[\d.]+ db_mb=\d+ backend=(sqlite|postgresql)$"
)


@pytest.mark.django_db
def test_the_corpus_is_multilingual_tagged_and_searchable(demo):
    before = Item.objects.count()
    corpus_generate(items=200, seed=7)
    catalog_reindex_all()
    synthetic = Item.objects.filter(slug__startswith="synthetic-")
    assert synthetic.count() == 200 == Item.objects.count() - before
    languages = set(synthetic.values_list("source_language", flat=True))
    assert languages == {"fr", "en", "es"}
    assert synthetic.filter(objective_links__isnull=False).distinct().count() == 200
    index = taxonomy_index()
    for word in ("traite", "trafficking", "trata"):
        results = item_list(
            filters=item_filters_parse({}, index=index), text=word, language="en", index=index
        )
        assert any(c.item.slug.startswith("synthetic-") for c in results.cards), word


@pytest.mark.own_database
def test_the_benchmark_prints_its_line_with_the_baseline(tmp_path, request):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["GCMHUB_DATA_DIR"] = str(tmp_path)
    out = (
        subprocess.run(
            [sys.executable, str(SCRIPT), "--items", "300", "--backend", "sqlite"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    match = LINE.match(out)
    assert match, out
    assert match.group(1) == "300"


# database, step, browsers, req/s, p50, p95, p99, errors, 5xx, submit req/s, submitted,
# submit 5xx, targets, load average.
def load_line(step: str) -> re.Pattern:
    return re.compile(
        rf"^sqlite +{re.escape(step)} +2 +\d+ +\d+ +\d+ +\d+ +0 +0 +[\d.]+ +\d+ +0 "
        r"+(met|not met) +[\d.]+$",
        re.M,
    )


@pytest.mark.own_database
def test_the_load_test_runs_browsers_and_submitters_then_checks_the_database(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(LOADTEST_PORT=str(free_port()), TMPDIR=str(tmp_path))
    arguments = ["--databases", "sqlite", "--items", "300", "--steps", "2", "--seconds", "8"]
    arguments += ["--warm-up", "5"]
    out = subprocess.run(
        [sys.executable, str(LOAD_SCRIPT), *arguments, "--submitters", "3"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    # A warm-up, browsing alone, then browsing while the submitters save and submit.
    for step in ("warm-up", "2", "2+3s"):
        assert load_line(step).search(out.stdout), out.stdout
    assert re.search(r"checked: \d+ submissions attempted, [1-9]\d* stored", out.stderr), out.stderr
    assert "checks: every confirmed submission stored once, no 5xx" in out.stdout
