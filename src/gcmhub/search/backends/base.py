from dataclasses import dataclass
from typing import Protocol

import numpy as np

from gcmhub.search.query import Positive

Scored = tuple[np.ndarray, np.ndarray]  # (item ids, scores), higher scores better


@dataclass(frozen=True)
class IndexDocument:
    """An item as the index holds it: every language version, each analysed in its own
    language, joined per field. One row per item keeps matching proportional to items."""

    item_id: int
    title: str
    summary: str
    body: str
    checksum: str


class SearchBackend(Protocol):
    def create_schema(self) -> None: ...

    def replace(self, item_id: int, document: IndexDocument | None) -> None:
        """Make the item's entry `document` (None: the item leaves the index)."""

    def insert_many(self, documents: list[IndexDocument]) -> None:
        """Add documents for items not in the index (a rebuild after `clear`)."""

    def match_ids(self, clauses: list[list[Positive]], *, title_only: bool = False) -> np.ndarray:
        """Ids of the items matching every clause (each an OR of parts), unranked: the
        cheap part of matching, enough for counts and facets."""

    def rank(self, clauses: list[list[Positive]], item_ids: np.ndarray | None) -> Scored:
        """Relevance of the given matching items (None: of every match) as (item ids,
        scores), higher better: title weighs more than summary, summary more than body.
        Ranking costs per item, so callers rank only the items they may show."""

    def matching_any(self, parts: list[Positive]) -> set[int]:
        """Items matching at least one part (for exclusions)."""

    def checksums(self) -> dict[int, str]:
        """Every indexed item with the checksum of what was indexed."""

    def clear(self) -> None: ...


class IndexTable:
    """What both adapters share: an item's entry is replaced by delete then insert."""

    def delete(self, item_id: int) -> None:
        raise NotImplementedError

    def insert_many(self, documents: list[IndexDocument]) -> None:
        raise NotImplementedError

    def replace(self, item_id: int, document: IndexDocument | None) -> None:
        self.delete(item_id)
        if document is not None:
            self.insert_many([document])


def rows_to_arrays(rows: list[tuple]) -> tuple[np.ndarray, np.ndarray]:
    """(item id, score) rows from a cursor as two arrays, converted in one C call."""
    if not rows:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float64)
    table = np.array(rows, dtype=np.float64)  # ids stay exact below 2**53
    return table[:, 0].astype(np.int64), table[:, 1]
