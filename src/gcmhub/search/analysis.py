"""Text analysis shared by both search backends: one analyser, so SQLite and PostgreSQL
index and query exactly the same terms.

A text is split into words, lower-cased, folded to plain letters (accents and
ligatures removed), stripped of its language's stop words and reduced to Snowball
stems. "Victimes", "victime" and "VICTIMES" all become "victim". Chinese, written
without spaces, is split into pairs of characters.
"""

import re
import unicodedata
from functools import cache
from pathlib import Path

import Stemmer

# Languages analysed with their own stemmer and stop words; any other language is
# folded but not stemmed. Queries are analysed in all of them, since a reader may
# search in one language for content written in another.
STEMMERS = {
    "fr": "french",
    "en": "english",
    "es": "spanish",
    "ru": "russian",
    "ar": "arabic",
}
QUERY_LANGUAGES = tuple(STEMMERS)

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Chinese is written without spaces between words: a run of Han characters is indexed
# and searched as its overlapping pairs (bigrams), which needs no dictionary (ADR 0020).
_HAN_OR_NOT = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)")
# Letters NFKD does not decompose.
_LIGATURES = str.maketrans(
    {"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "đ": "d", "ł": "l", "ı": "i", "þ": "th", "ð": "d"}
)
_STOPWORDS_DIR = Path(__file__).resolve().parent / "stopwords"


def fold(text: str) -> str:
    """Lower-case and remove accents: "Éradiquer" → "eradiquer"."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The folded words of a text, in order; runs of Han characters as bigrams."""
    return [piece for word in _WORD.findall(fold(text)) for piece in _han_bigrams(word)]


def _han_bigrams(word: str) -> list[str]:
    if len(word) < 2 or not _HAN_OR_NOT.search(word):
        return [word]
    pieces = []
    for n, run in enumerate(_HAN_OR_NOT.split(word)):
        if n % 2 == 0:  # split() puts the runs of Han characters at odd positions
            pieces += [run] if run else []
        else:
            pieces += [run[i : i + 2] for i in range(max(len(run) - 1, 1))]
    return pieces


@cache
def stopwords(language: str) -> frozenset[str]:
    path = _STOPWORDS_DIR / f"{language}.txt"
    if not path.exists():
        return frozenset()
    return frozenset(
        fold(line.strip()) for line in path.read_text("utf-8").splitlines() if line.strip()
    )


@cache
def _stemmer(language: str):
    return Stemmer.Stemmer(STEMMERS[language]) if language in STEMMERS else None


def stem(word: str, language: str) -> str:
    stemmer = _stemmer(language)
    return stemmer.stemWord(word) if stemmer else word


def analyse(text: str, language: str) -> list[str]:
    """The index terms of a text written in `language`."""
    stop = stopwords(language)
    return [stem(w, language) for w in words(text) if w not in stop]


def is_stopword(word: str) -> bool:
    """A word that some query language drops is dropped from queries altogether, so a
    French reader's "les" never demands a term French documents do not index."""
    return any(word in stopwords(language) for language in QUERY_LANGUAGES)


def query_stems(word: str) -> frozenset[str]:
    """Every stem a folded query word may stand for across the query languages."""
    return frozenset(stem(word, language) for language in QUERY_LANGUAGES)
