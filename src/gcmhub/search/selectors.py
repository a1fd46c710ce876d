"""Reads of the search index: matching, exclusions, staleness and spelling."""

import difflib
from dataclasses import dataclass

import numpy as np
from django.db.models.functions import Length

from gcmhub.search.analysis import fold
from gcmhub.search.backends import backend
from gcmhub.search.models import IndexedWord, IndexState
from gcmhub.search.query import Query, spelling_words


def search_generation() -> int:
    state = IndexState.objects.filter(pk=1).values_list("generation", flat=True).first()
    return state or 0


@dataclass(frozen=True)
class TextMatch:
    """Items a query's text matches, unranked; `everything` when it has no positive
    terms (only exclusions, or nothing at all)."""

    ids: np.ndarray
    excluded: set[int]
    everything: bool


def search_match(*, query: Query) -> TextMatch:
    engine = backend()
    ids = engine.match_ids(query.required) if query.required else np.empty(0, dtype=np.int64)
    excluded = engine.matching_any(query.excluded)
    return TextMatch(ids=ids, excluded=excluded, everything=not query.required)


def search_title_matches(*, query: Query) -> np.ndarray:
    """Items whose title alone matches the query."""
    return backend().match_ids(query.required, title_only=True)


def search_rank(*, query: Query, item_ids: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """Relevance scores (ids, scores) of these matching items, or of every match (None)."""
    if not query.required or (item_ids is not None and not len(item_ids)):
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float64)
    return backend().rank(query.required, item_ids)


def search_checksums() -> dict[int, str]:
    return backend().checksums()


def search_spelling_candidates(*, text: str, limit: int = 3) -> dict[str, list[str]]:
    """For each query word unknown to the index, close words that are in it."""
    suggestions: dict[str, list[str]] = {}
    for word in spelling_words(text):
        folded = fold(word)
        if IndexedWord.objects.filter(word=folded).exists():
            continue
        candidates = (
            IndexedWord.objects.annotate(length=Length("word"))
            .filter(word__startswith=folded[0], length__range=(len(folded) - 2, len(folded) + 2))
            .order_by("-items")
            .values_list("word", flat=True)[:5000]
        )
        close = difflib.get_close_matches(folded, list(candidates), n=limit, cutoff=0.75)
        if close:
            suggestions[word] = close
    return suggestions
