"""PostgreSQL full-text adapter. Documents hold analysed terms (see `analysis`), stored
as a weighted tsvector (title A, summary B, body C) under a GIN index, with the title
alone in a second indexed vector (a weight-restricted query would recheck every row);
the `simple` configuration keeps terms as they are, so both backends match the same."""

import numpy as np
from django.db import connection

from gcmhub.search.backends.base import IndexDocument, IndexTable, Scored, rows_to_arrays
from gcmhub.search.query import Phrase, Positive, Prefix, Term

TABLE = "search_document"
RANK_WEIGHTS = "{0.1, 0.1, 0.4, 1.0}"  # D, C (body), B (summary), A (title)


def _part(part: Positive) -> str:
    if isinstance(part, Term):
        return "(" + " | ".join(sorted(part.stems)) + ")"
    if isinstance(part, Prefix):
        return f"{part.prefix}:*"
    assert isinstance(part, Phrase)
    return "(" + " | ".join("(" + " <-> ".join(v) + ")" for v in part.variants) + ")"


def _expression(clauses: list[list[Positive]]) -> str:
    return " & ".join("(" + " | ".join(_part(p) for p in clause) + ")" for clause in clauses)


class PostgresBackend(IndexTable):
    def create_schema(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE TABLE IF NOT EXISTS {TABLE} ("
                "item_id bigint PRIMARY KEY, checksum varchar(64) NOT NULL, "
                "vector tsvector NOT NULL, title_vector tsvector NOT NULL)"
            )
            for column in ("vector", "title_vector"):
                cursor.execute(
                    f"CREATE INDEX IF NOT EXISTS {TABLE}_{column} ON {TABLE} USING gin ({column})"
                )

    def delete(self, item_id: int) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE item_id = %s", [item_id])

    def insert_many(self, documents: list[IndexDocument]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {TABLE} (item_id, checksum, vector, title_vector) VALUES "
                "(%s, %s, setweight(to_tsvector('simple', %s), 'A') || "
                "setweight(to_tsvector('simple', %s), 'B') || "
                "setweight(to_tsvector('simple', %s), 'C'), to_tsvector('simple', %s))",
                [(d.item_id, d.checksum, d.title, d.summary, d.body, d.title) for d in documents],
            )

    def match_ids(self, clauses: list[list[Positive]], *, title_only: bool = False) -> np.ndarray:
        column = "title_vector" if title_only else "vector"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT item_id FROM {TABLE} WHERE {column} @@ to_tsquery('simple', %s)",
                [_expression(clauses)],
            )
            return np.fromiter((r for (r,) in cursor.fetchall()), dtype=np.int64)

    def rank(self, clauses: list[list[Positive]], item_ids: np.ndarray | None) -> Scored:
        sql = (
            f"SELECT item_id, ts_rank(%s::float4[], vector, q) FROM {TABLE}, "
            "to_tsquery('simple', %s) AS q WHERE vector @@ q"
        )
        params = [RANK_WEIGHTS, _expression(clauses)]
        if item_ids is not None:
            # A semi-join on the unnested list: "= ANY(array)" is checked element by
            # element for every row the text index returns.
            sql += " AND item_id IN (SELECT unnest(%s::bigint[]))"
            params.append(item_ids.tolist())
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
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
