"""PostgreSQL full-text adapter. Documents hold analysed terms (see `analysis`), stored
as a weighted tsvector (title A, summary B, body C) under a GIN index; the `simple`
configuration keeps them as they are, so both backends match the same terms."""

import numpy as np
from django.db import connection

from gcmhub.search.backends.base import IndexDocument, rows_to_arrays
from gcmhub.search.query import Phrase, Positive, Prefix, Term

TABLE = "search_document"
RANK_WEIGHTS = "{0.1, 0.1, 0.4, 1.0}"  # D, C (body), B (summary), A (title)


def _lexeme(word: str, weight: str) -> str:
    # A weight letter restricts a lexeme to one field: "A" is the title.
    return f"{word}:{weight}" if weight else word


def _part(part: Positive, weight: str) -> str:
    if isinstance(part, Term):
        return "(" + " | ".join(_lexeme(s, weight) for s in sorted(part.stems)) + ")"
    if isinstance(part, Prefix):
        return f"{part.prefix}:*{weight}"
    assert isinstance(part, Phrase)
    phrases = ("(" + " <-> ".join(_lexeme(w, weight) for w in v) + ")" for v in part.variants)
    return "(" + " | ".join(phrases) + ")"


def _expression(clauses: list[list[Positive]], weight: str = "") -> str:
    return " & ".join(
        "(" + " | ".join(_part(p, weight) for p in clause) + ")" for clause in clauses
    )


class PostgresBackend:
    def create_schema(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE TABLE IF NOT EXISTS {TABLE} ("
                "item_id bigint PRIMARY KEY, checksum varchar(64) NOT NULL, "
                "vector tsvector NOT NULL)"
            )
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {TABLE}_vector ON {TABLE} USING gin (vector)"
            )

    def replace(self, item_id: int, document: IndexDocument | None) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE item_id = %s", [item_id])
        if document is not None:
            self.insert_many([document])

    def insert_many(self, documents: list[IndexDocument]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {TABLE} (item_id, checksum, vector) VALUES "
                "(%s, %s, setweight(to_tsvector('simple', %s), 'A') || "
                "setweight(to_tsvector('simple', %s), 'B') || "
                "setweight(to_tsvector('simple', %s), 'C'))",
                [(d.item_id, d.checksum, d.title, d.summary, d.body) for d in documents],
            )

    def match_ids(self, clauses: list[list[Positive]], *, title_only: bool = False) -> np.ndarray:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT item_id FROM {TABLE} WHERE vector @@ to_tsquery('simple', %s)",
                [_expression(clauses, "A" if title_only else "")],
            )
            return np.fromiter((r for (r,) in cursor.fetchall()), dtype=np.int64)

    def rank(
        self, clauses: list[list[Positive]], item_ids: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT item_id, ts_rank(%s::float4[], vector, q) FROM {TABLE}, "
                "to_tsquery('simple', %s) AS q WHERE item_id = ANY(%s) AND vector @@ q",
                [RANK_WEIGHTS, _expression(clauses), item_ids.tolist()],
            )
            return rows_to_arrays(cursor.fetchall())

    def matching_any(self, parts: list[Positive]) -> set[int]:
        if not parts:
            return set()
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT item_id FROM {TABLE} WHERE vector @@ to_tsquery('simple', %s)",
                [_expression([parts])],
            )
            return {item_id for (item_id,) in cursor.fetchall()}

    def checksums(self) -> dict[int, str]:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT item_id, checksum FROM {TABLE}")
            return dict(cursor.fetchall())

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE}")
