"""What a person typed, read leniently into a small query tree.

Supported: words (all must match), "quoted phrases", prefix*, -exclusion and OR between
two parts. Anything else — unbalanced quotes, FTS or SQL syntax, control characters,
emoji — is read as plain words or dropped; parsing never fails. Backends only ever see
folded, stemmed terms made of letters and digits, so nothing typed reaches their syntax.
"""

import re
from dataclasses import dataclass, field

from gcmhub.search.analysis import STEMMERS, analyse, fold, is_stopword, query_stems, words

MAX_QUERY_CHARS = 500
MAX_CLAUSES = 16
MIN_PREFIX = 2


@dataclass(frozen=True)
class Term:
    """A word: matches any of its stems (one per query language)."""

    stems: frozenset[str]


@dataclass(frozen=True)
class Prefix:
    prefix: str


@dataclass(frozen=True)
class Phrase:
    """Consecutive words, analysed in each language: matches if any language's form does."""

    variants: tuple[tuple[str, ...], ...]


Positive = Term | Prefix | Phrase


@dataclass
class Query:
    """Clauses that must all match (each an OR of alternatives), minus exclusions."""

    required: list[list[Positive]] = field(default_factory=list)
    excluded: list[Positive] = field(default_factory=list)
    text: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.required and not self.excluded

    def relaxed(self) -> "Query":
        """The same words, any of which may match (exclusions still apply)."""
        parts = [part for clause in self.required for part in clause]
        return Query(required=[parts] if parts else [], excluded=self.excluded, text=self.text)

    def highlight_words(self) -> set[str]:
        """Stems and prefixes to mark in snippets."""
        marks: set[str] = set()
        for part in [p for clause in self.required for p in clause]:
            if isinstance(part, Term):
                marks |= part.stems
            elif isinstance(part, Prefix):
                marks.add(part.prefix + "*")
            else:
                marks |= {stem for variant in part.variants for stem in variant}
        return marks


_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')


def _positive(raw: str, *, quoted: bool) -> Positive | None:
    if quoted:
        variants = {tuple(analyse(raw, language)) for language in STEMMERS}
        variants = {v for v in variants if v}
        if not variants:
            return None
        if all(len(v) == 1 for v in variants):
            return Term(frozenset(v[0] for v in variants))
        return Phrase(tuple(sorted(variants)))
    folded = words(raw)
    if not folded:
        return None
    if len(folded) > 1:  # "AB-629", "l'enfant": one typed token, several words
        return _positive(" ".join(folded), quoted=True)
    word = folded[0]
    if raw.endswith("*") and len(word) >= MIN_PREFIX:
        return Prefix(word)
    if is_stopword(word):
        return None
    return Term(query_stems(word))


def parse(text: str) -> Query:
    text = (text or "").replace("\x00", " ")[:MAX_QUERY_CHARS]
    if text.count('"') % 2:
        text = text.replace('"', " ")
    query = Query(text=text.strip())
    pending_or = False
    for match in _TOKEN.finditer(text):
        negated, phrase, bare = match.groups()
        if bare == "OR":
            pending_or = bool(query.required)
            continue
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            negated, bare = "-", bare[1:]
        part = _positive(phrase if phrase is not None else bare, quoted=phrase is not None)
        if part is None:
            continue
        if negated:
            query.excluded.append(part)
        elif pending_or:
            query.required[-1].append(part)
        else:
            query.required.append([part])
        pending_or = False
        if len(query.required) + len(query.excluded) >= MAX_CLAUSES:
            break
    return query


def spelling_words(text: str) -> list[str]:
    """The plain words of a query, for spelling suggestions."""
    return [w for w in words(text) if not is_stopword(w) and len(fold(w)) > 2]
