"""Writes to the search index. Callers run them inside their own transaction, so the
index changes with the data or not at all."""

import secrets
from collections import Counter
from collections.abc import Iterable
from itertools import islice

from django.db import transaction

from gcmhub.search.analysis import analyse, words
from gcmhub.search.backends import IndexDocument, backend
from gcmhub.search.documents import IndexText, checksum
from gcmhub.search.models import IndexedWord, IndexState

MAX_WORD_LENGTH = 64
BATCH = 1000


def _document(item_id: int, texts: list[IndexText]) -> IndexDocument | None:
    """Each language version analysed in its own language; none: nothing to index."""
    if not texts:
        return None

    def field(name: str) -> str:
        return " ".join(" ".join(analyse(getattr(t, name), t.language)) for t in texts)

    return IndexDocument(
        item_id=item_id,
        title=field("title"),
        summary=field("summary"),
        body=field("body"),
        checksum=checksum(texts),
    )


def _surface_words(texts: Iterable[IndexText]) -> set[str]:
    return {
        w
        for t in texts
        for w in words(f"{t.title} {t.summary}")
        if 2 < len(w) <= MAX_WORD_LENGTH and not w.isdigit()
    }


def _bump_generation() -> None:
    # A random value, not a counter: after a rollback a counter would reach the same
    # number again with different data behind it, and a process would keep stale facets.
    IndexState.objects.update_or_create(pk=1, defaults={"generation": secrets.randbits(62)})


@transaction.atomic
def search_index_replace(*, item_id: int, texts: list[IndexText]) -> None:
    """Index exactly these language versions of an item; none removes it from the index."""
    backend().replace(item_id, _document(item_id, texts))
    new_words = _surface_words(texts)
    if new_words:
        # Add-only between rebuilds: a word that no longer occurs is harmless, because a
        # suggestion is offered only after it is checked to find something.
        IndexedWord.objects.bulk_create(
            [IndexedWord(word=w, items=1) for w in new_words], ignore_conflicts=True
        )
    _bump_generation()


@transaction.atomic
def search_index_rebuild(*, items: Iterable[tuple[int, list[IndexText]]]) -> int:
    """Empty the index and fill it from `items`; returns the number of items indexed."""
    engine = backend()
    engine.clear()
    IndexedWord.objects.all().delete()
    frequencies: Counter[str] = Counter()
    count = 0
    items = iter(items)
    while batch := list(islice(items, BATCH)):
        documents = [d for item_id, texts in batch if (d := _document(item_id, texts))]
        engine.insert_many(documents)
        for _item_id, texts in batch:
            frequencies.update(_surface_words(texts))
        count += len(documents)
    IndexedWord.objects.bulk_create(
        [IndexedWord(word=w, items=n) for w, n in frequencies.items()], batch_size=5000
    )
    _bump_generation()
    return count
