from dataclasses import dataclass
from typing import Protocol

import numpy as np

from gcmhub.search.query import Positive

# Each item has at most one document per language; its row id packs both, so an item's
# documents are found by a range of ids without a secondary index.
LANGUAGE_SLOTS = {"fr": 0, "en": 1, "es": 2, "ar": 3, "zh-hans": 4, "ru": 5}
SLOTS_PER_ITEM = 8


def row_id(item_id: int, language: str) -> int:
    return item_id * SLOTS_PER_ITEM + LANGUAGE_SLOTS.get(language, 7)


@dataclass(frozen=True)
class IndexDocument:
    """One language version of an item, already analysed into index terms."""

    item_id: int
    language: str
    title: str
    summary: str
    body: str
    checksum: str


class SearchBackend(Protocol):
    def create_schema(self) -> None: ...

    def replace(self, item_id: int, documents: list[IndexDocument]) -> None:
        """Make the item's documents exactly `documents` (none: the item leaves the index)."""

    def match(self, clauses: list[list[Positive]]) -> tuple[np.ndarray, np.ndarray]:
        """Items matching every clause (each an OR of parts) as (item ids, scores), one
        entry per item, higher scores better: title weighs more than summary, summary
        more than body."""

    def matching_any(self, parts: list[Positive]) -> set[int]:
        """Items matching at least one part (for exclusions)."""

    def checksums(self) -> dict[tuple[int, str], str]:
        """Every indexed (item, language) with the checksum of what was indexed."""

    def clear(self) -> None: ...


def best_per_item(row_ids: np.ndarray, scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Collapse per-language rows to items, keeping each item's best score."""
    if not len(row_ids):
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float64)
    item_ids = row_ids // SLOTS_PER_ITEM
    order = np.lexsort((-scores, item_ids))
    item_ids, scores = item_ids[order], scores[order]
    first = np.ones(len(item_ids), dtype=bool)
    first[1:] = item_ids[1:] != item_ids[:-1]
    return item_ids[first], scores[first]


def rows_to_arrays(rows: list[tuple]) -> tuple[np.ndarray, np.ndarray]:
    """(row id, score) pairs from a cursor as two arrays."""
    ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
    scores = np.fromiter((r[1] for r in rows), dtype=np.float64, count=len(rows))
    return ids, scores
