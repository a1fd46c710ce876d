"""Snippets of a text around the words a query matched, with those words marked."""

import re
from functools import lru_cache

from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from gcmhub.search.analysis import fold, stem
from gcmhub.search.query import Query

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
WORDS_AROUND = 30
WORDS_BEFORE = 5


@lru_cache(maxsize=50_000)
def _fold_and_stem(word: str, language: str) -> tuple[str, str]:
    folded = fold(word)
    return folded, stem(folded, language)


def highlight(text: str, language: str, query: Query) -> SafeString:
    """About 30 words of `text` starting a little before its first match, matched words
    wrapped in <mark>; "" when nothing in the text matches (a match in the title only)."""
    marks = query.highlight_words()
    stems = {m for m in marks if not m.endswith("*")}
    prefixes = tuple(m[:-1] for m in marks if m.endswith("*"))
    tokens = list(_WORD.finditer(text))

    def matches(word: str) -> bool:
        folded, stemmed = _fold_and_stem(word, language)
        return stemmed in stems or folded in stems or folded.startswith(prefixes or ("\0",))

    # Only the window that starts a little before the first match is examined further.
    first_hit = next((i for i, token in enumerate(tokens) if matches(token.group())), None)
    if first_hit is None:
        return mark_safe("")
    first = max(first_hit - WORDS_BEFORE, 0)
    last = min(first + WORDS_AROUND, len(tokens)) - 1
    start, end = tokens[first].start(), tokens[last].end()
    pieces, cursor = [], start
    for token in tokens[first_hit : last + 1]:
        if matches(token.group()):
            pieces.append(conditional_escape(text[cursor : token.start()]))
            pieces.append(f"<mark>{conditional_escape(token.group())}</mark>")
            cursor = token.end()
    pieces.append(conditional_escape(text[cursor:end]))
    prefix = "… " if first else ""
    suffix = " …" if last < len(tokens) - 1 else ""
    return mark_safe(prefix + "".join(pieces).replace("\n", " ") + suffix)
