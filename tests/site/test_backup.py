"""A backup restored into an empty instance gives the same content, database and
uploaded files, on the database this run uses (SQLite, or PostgreSQL via DATABASE_URL)."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

POSTGRES = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


def gcmhub(env: dict, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "gcmhub.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


@pytest.fixture
def instance(tmp_path):
    """make(name) → the environment of a new, empty instance."""
    made = []

    def make(name: str) -> dict:
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        env["GCMHUB_DATA_DIR"] = str(tmp_path / name)
        if POSTGRES:
            import psycopg

            base = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
            database = f"gcmhub_backup_{name}_{uuid.uuid4().hex[:8]}"
            with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
                admin.execute(f'CREATE DATABASE "{database}"')
            made.append((base, database))
            env["DATABASE_URL"] = f"{base}/{database}"
        return env

    yield make
    if POSTGRES:
        import psycopg

        for base, database in made:
            with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def dump(env: dict) -> str:
    return gcmhub(env, "dumpdata", "--indent", "1", "--exclude", "sessions")


def test_backup_then_restore_into_an_empty_instance_gives_identical_content(instance, tmp_path):
    source = instance("source")
    gcmhub(source, "init")
    upload = Path(source["GCMHUB_DATA_DIR"]) / "media" / "submissions" / "report.pdf"
    upload.parent.mkdir(parents=True)
    upload.write_bytes(b"%PDF-1.4 a file someone uploaded\n")
    folder = Path(gcmhub(source, "backup", "--output", str(tmp_path / "backups")).strip())
    assert (folder / "manifest.json").is_file()

    target = instance("target")
    restored = gcmhub(target, "restore", str(folder))
    assert "restored" in restored
    assert dump(target) == dump(source)
    copy = Path(target["GCMHUB_DATA_DIR"]) / "media" / "submissions" / "report.pdf"
    assert copy.read_bytes() == upload.read_bytes()


def refusal(env: dict, folder: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "gcmhub.cli", "restore", str(folder)],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    return result.stderr


def test_restore_refuses_an_instance_with_content_and_a_damaged_backup(instance, tmp_path):
    source = instance("source")
    gcmhub(source, "init", "--no-demo")
    folder = Path(gcmhub(source, "backup", "--output", str(tmp_path / "backups")).strip())
    gcmhub(source, "init", "--demo")
    assert "already holds content" in refusal(source, folder)
    media = folder / "media.tar.gz"
    media.write_bytes(media.read_bytes() + b"tampered")
    assert "media.tar.gz is missing or damaged" in refusal(instance("target"), folder)
