"""The embedded default (SQLite in WAL mode under GCMHUB_DATA_DIR) and DATABASE_URL."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.own_database


def sqlite_environment() -> dict:
    """This process's environment without DATABASE_URL (set during the PostgreSQL run)."""
    return {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}


def settings_in_a_fresh_process(env: dict) -> str:
    code = (
        "import json, django; from django.conf import settings; django.setup();"
        "from django.db import connection; db = settings.DATABASES['default'];"
        "print(json.dumps({'engine': db['ENGINE'], 'name': str(db['NAME']),"
        " 'options': {k: str(v) for k, v in db.get('OPTIONS', {}).items()}}))"
    )
    environment = sqlite_environment()
    environment.update(env, DJANGO_SETTINGS_MODULE="gcmhub.settings")
    return subprocess.run(
        [sys.executable, "-c", code], env=environment, check=True, capture_output=True, text=True
    ).stdout


def test_sqlite_lives_in_the_data_directory_in_wal_mode_with_a_busy_timeout(tmp_path):
    db = json.loads(settings_in_a_fresh_process({"GCMHUB_DATA_DIR": str(tmp_path)}))
    assert db["engine"] == "django.db.backends.sqlite3"
    assert Path(db["name"]) == tmp_path / "gcmhub.sqlite3"
    assert db["options"]["timeout"] == "20"
    subprocess.run(
        [sys.executable, "-m", "gcmhub.cli", "migrate", "--verbosity", "0"],
        env={**sqlite_environment(), "GCMHUB_DATA_DIR": str(tmp_path)},
        check=True,
    )
    mode = sqlite3.connect(tmp_path / "gcmhub.sqlite3").execute("PRAGMA journal_mode").fetchone()
    assert mode == ("wal",)


def test_database_url_selects_postgresql(tmp_path):
    db = json.loads(
        settings_in_a_fresh_process(
            {
                "GCMHUB_DATA_DIR": str(tmp_path),
                "DATABASE_URL": "postgres://hub:secret@db.example:5433/hubdb",
            }
        )
    )
    assert db["engine"] == "django.db.backends.postgresql"
    assert db["name"] == "hubdb"
