from dataclasses import dataclass
from typing import Protocol

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

    def match(self, clauses: list[list[Positive]]) -> dict[int, float]:
        """Items matching every clause (each an OR of parts), with a relevance score
        (higher is better): title matches weigh more than summary, summary than body."""

    def matching_any(self, parts: list[Positive]) -> set[int]:
        """Items matching at least one part (for exclusions)."""

    def checksums(self) -> dict[tuple[int, str], str]:
        """Every indexed (item, language) with the checksum of what was indexed."""

    def clear(self) -> None: ...
