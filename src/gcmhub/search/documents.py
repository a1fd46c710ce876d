"""What an item gives the index: its language versions as written, and their checksum."""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class IndexText:
    language: str
    title: str
    summary: str
    body: str


def checksum(texts: Iterable[IndexText]) -> str:
    """Identifies what was indexed, so drift between index and database can be found."""
    digest = hashlib.sha256()
    for text in sorted(texts, key=lambda t: t.language):
        for part in (text.language, text.title, text.summary, text.body):
            digest.update(part.encode())
            digest.update(b"\x1f")
    return digest.hexdigest()
