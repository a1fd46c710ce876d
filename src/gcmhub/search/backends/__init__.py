"""The search index behind one small interface; the database in use picks the adapter."""

from django.db import connection

from gcmhub.search.backends.base import IndexDocument, SearchBackend


def backend() -> SearchBackend:
    if connection.vendor == "postgresql":
        from gcmhub.search.backends.postgres import PostgresBackend

        return PostgresBackend()
    from gcmhub.search.backends.sqlite_fts5 import SqliteFts5Backend

    return SqliteFts5Backend()


__all__ = ["IndexDocument", "SearchBackend", "backend"]
