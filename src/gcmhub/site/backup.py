"""Consistent backups of a Hub — its database and its uploaded files — and their restore
into an empty instance. SQLite is copied with its online backup API (a consistent
snapshot while the Hub runs); PostgreSQL with pg_dump (one snapshot transaction)."""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection, connections
from django.utils import timezone

FORMAT = 1
SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.pgdump"
MEDIA_FILE = "media.tar.gz"
MANIFEST = "manifest.json"


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _postgres_command(program: str) -> tuple[list[str], dict]:
    db = settings.DATABASES["default"]
    args = [program, "--no-owner", "--no-privileges"]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [flag, str(db[key])]
    env = {**os.environ, "PGPASSWORD": str(db.get("PASSWORD") or "")}
    return args, env


def row_counts() -> dict[str, int]:
    """Rows per model: the manifest records them and restore checks them."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }


def backup_create(*, destination: Path) -> Path:
    """Write a backup folder under `destination` and return it."""
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    target = Path(destination) / f"gcmhub-backup-{stamp}"
    target.mkdir(parents=True, exist_ok=False)
    counts = row_counts()
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(target / SQLITE_FILE)
        with copy:
            connection.connection.backup(copy)
        copy.close()
        database = SQLITE_FILE
    else:
        args, env = _postgres_command("pg_dump")
        args += ["--format=custom", "--file", str(target / POSTGRES_FILE)]
        args.append(str(settings.DATABASES["default"]["NAME"]))
        _run(args, env)
        database = POSTGRES_FILE
    # Files after the database: a file the snapshot names was uploaded before it.
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(target / MEDIA_FILE, "w:gz") as archive:
        if media.is_dir():
            archive.add(media, arcname="media")
    manifest = {
        "format": FORMAT,
        "created": timezone.now().isoformat(),
        "database": connection.vendor,
        "files": {name: _sha256(target / name) for name in (database, MEDIA_FILE)},
        "rows": counts,
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True))
    return target


def _run(args: list[str], env: dict) -> None:
    result = subprocess.run(args, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{args[0]} failed: {result.stderr.strip()[-2000:]}")


def _is_empty() -> bool:
    tables = connection.introspection.table_names()
    if "django_migrations" not in tables:
        return True
    from gcmhub.catalog.models import Item

    return "catalog_item" not in tables or not Item.objects.exists()


def backup_restore(*, source: Path, force: bool = False) -> dict[str, int]:
    """Restore a backup into this instance, which must be empty unless `force`.
    Returns the restored row counts, checked against the manifest."""
    source = Path(source)
    try:
        manifest = json.loads((source / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{source} is not a GCM Hub backup: {error}") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"unknown backup format {manifest.get('format')!r}")
    if manifest["database"] != connection.vendor:
        raise BackupError(
            f"this backup is of a {manifest['database']} database; "
            f"this instance uses {connection.vendor}"
        )
    for name, digest in manifest["files"].items():
        if not (source / name).is_file() or _sha256(source / name) != digest:
            raise BackupError(f"{name} is missing or damaged (its checksum differs)")
    if not force and not _is_empty():
        raise BackupError("this instance already holds content; restore with --force")

    if connection.vendor == "sqlite":
        target = Path(settings.DATABASES["default"]["NAME"])
        connections.close_all()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        backup = sqlite3.connect(source / SQLITE_FILE)
        live = sqlite3.connect(target)
        with live:
            backup.backup(live)
        backup.close()
        live.close()
    else:
        args, env = _postgres_command("pg_restore")
        args += ["--clean", "--if-exists", "--single-transaction"]
        args += [
            "--dbname",
            str(settings.DATABASES["default"]["NAME"]),
            str(source / POSTGRES_FILE),
        ]
        connections.close_all()
        _run(args, env)

    media = Path(settings.MEDIA_ROOT)
    if media.exists() and force:
        shutil.rmtree(media)
    media.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(source / MEDIA_FILE, "r:gz") as archive:
        members = [
            m for m in archive.getmembers() if m.name == "media" or m.name.startswith("media/")
        ]
        archive.extractall(media.parent, members=members, filter="data")
    counts = row_counts()
    if counts != manifest["rows"]:
        differ = sorted(k for k in manifest["rows"] if manifest["rows"][k] != counts.get(k))
        raise BackupError(f"restored row counts differ from the backup's: {', '.join(differ)}")
    return counts
