"""SQLite FTS5 adapter. Documents hold analysed terms (see `analysis`), so FTS5's own
tokenizer only splits on spaces; `rank` is BM25 with title, summary and body weighted."""

import json

import numpy as np
from django.db import connection

from gcmhub.search.backends.base import IndexDocument, IndexTable, Scored, rows_to_arrays
from gcmhub.search.query import Phrase, Positive, Prefix, Term

TABLE = "search_fts"
WEIGHTS = (10.0, 4.0, 1.0)  # title, summary, body


def _quoted(term: str) -> str:
    # Terms are letters and digits only (analysis guarantees it); quoting makes any
    # word, even one spelled like an FTS5 keyword, a plain string.
    return f'"{term}"'


def _part(part: Positive) -> str:
    if isinstance(part, Term):
        return "(" + " OR ".join(_quoted(s) for s in sorted(part.stems)) + ")"
    if isinstance(part, Prefix):
        return f"{_quoted(part.prefix)}*"
    assert isinstance(part, Phrase)
    return "(" + " OR ".join(_quoted(" ".join(v)) for v in part.variants) + ")"


def _expression(clauses: list[list[Positive]]) -> str:
    return " AND ".join("(" + " OR ".join(_part(p) for p in clause) + ")" for clause in clauses)


class SqliteFts5Backend(IndexTable):
    def create_schema(self) -> None:
        with connection.cursor() as cursor:
            # Prefix indexes up to four letters make "migr*" or "traf*" a lookup.
            cursor.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
                "title, summary, body, checksum UNINDEXED, "
                "tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3 4')"
            )
            cursor.execute(
                f"INSERT INTO {TABLE} ({TABLE}, rank) VALUES ('rank', 'bm25(%s, %s, %s)')" % WEIGHTS
            )

    def delete(self, item_id: int) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE rowid = %s", [item_id])

    def insert_many(self, documents: list[IndexDocument]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {TABLE} (rowid, title, summary, body, checksum) "
                "VALUES (%s, %s, %s, %s, %s)",
                [(d.item_id, d.title, d.summary, d.body, d.checksum) for d in documents],
            )

    def match_ids(self, clauses: list[list[Positive]], *, title_only: bool = False) -> np.ndarray:
        expression = _expression(clauses)
        if title_only:
            expression = f"title : ({expression})"
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s", [expression])
            return np.fromiter((r for (r,) in cursor.fetchall()), dtype=np.int64)

    def rank(self, clauses: list[list[Positive]], item_ids: np.ndarray | None) -> Scored:
        sql = f"SELECT rowid, rank FROM {TABLE} WHERE {TABLE} MATCH %s"
        params = [_expression(clauses)]
        if item_ids is not None:
            # `+rowid` keeps the id list out of FTS5's own planning: FTS5 then scans the
            # match once and computes BM25 only for the rows the list keeps.
            sql += " AND +rowid IN (SELECT value FROM json_each(%s))"
            params.append(json.dumps(item_ids.tolist()))
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            ids, ranks = rows_to_arrays(cursor.fetchall())
        return ids, -ranks  # FTS5's BM25: lower is better

    def matching_any(self, parts: list[Positive]) -> set[int]:
        if not parts:
            return set()
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s", [_expression([parts])]
            )
            return {rowid for (rowid,) in cursor.fetchall()}

    def checksums(self) -> dict[int, str]:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT rowid, checksum FROM {TABLE}")
            return dict(cursor.fetchall())

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE}")
