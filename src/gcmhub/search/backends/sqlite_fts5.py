"""SQLite FTS5 adapter. Documents hold analysed terms (see `analysis`), so FTS5's own
tokenizer only splits on spaces; ranking is FTS5's BM25 with column weights."""

from collections import defaultdict

from django.db import connection

from gcmhub.search.backends.base import SLOTS_PER_ITEM, IndexDocument, row_id
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

    def match(self, clauses: list[list[Positive]]) -> dict[int, float]:
        scores: dict[int, float] = defaultdict(float)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, bm25({TABLE}, %s, %s, %s) FROM {TABLE} WHERE {TABLE} MATCH %s",
                [*WEIGHTS, _expression(clauses)],
            )
            for rowid, rank in cursor.fetchall():
                item_id = rowid // SLOTS_PER_ITEM
                scores[item_id] = max(scores[item_id], -rank)  # BM25 here: lower is better
        return scores

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
