"""SQLite FTS5 adapter. Documents hold analysed terms (see `analysis`), so FTS5's own
tokenizer only splits on spaces; ranking is FTS5's BM25 with column weights."""

import numpy as np
from django.db import connection

from gcmhub.search.backends.base import (
    SLOTS_PER_ITEM,
    IndexDocument,
    best_per_item,
    row_id,
    rows_to_arrays,
)
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


class SqliteFts5Backend:
    def create_schema(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
                "title, summary, body, item_id UNINDEXED, language UNINDEXED, "
                "checksum UNINDEXED, tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3')"
            )
            cursor.execute(
                f"INSERT INTO {TABLE} ({TABLE}, rank) VALUES ('rank', 'bm25(%s, %s, %s)')" % WEIGHTS
            )

    def replace(self, item_id: int, documents: list[IndexDocument]) -> None:
        start = item_id * SLOTS_PER_ITEM
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {TABLE} WHERE rowid BETWEEN %s AND %s",
                [start, start + SLOTS_PER_ITEM - 1],
            )
            cursor.executemany(
                f"INSERT INTO {TABLE} (rowid, title, summary, body, item_id, language, checksum) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s)",
                [
                    (
                        row_id(d.item_id, d.language),
                        d.title,
                        d.summary,
                        d.body,
                        d.item_id,
                        d.language,
                        d.checksum,
                    )
                    for d in documents
                ],
            )

    def match(self, clauses: list[list[Positive]]) -> tuple[np.ndarray, np.ndarray]:
        with connection.cursor() as cursor:
            # `rank` is BM25 with the column weights set at schema creation.
            cursor.execute(
                f"SELECT rowid, rank FROM {TABLE} WHERE {TABLE} MATCH %s", [_expression(clauses)]
            )
            row_ids, ranks = rows_to_arrays(cursor.fetchall())
        return best_per_item(row_ids, -ranks)  # FTS5's BM25: lower is better

    def matching_any(self, parts: list[Positive]) -> set[int]:
        if not parts:
            return set()
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s",
                [_expression([parts])],
            )
            return {rowid // SLOTS_PER_ITEM for (rowid,) in cursor.fetchall()}

    def checksums(self) -> dict[tuple[int, str], str]:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT item_id, language, checksum FROM {TABLE}")
            return {(int(i), lang): checksum for i, lang, checksum in cursor.fetchall()}

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE}")
