"""Which translation of a piece of content to show, and in which language.

Content is written in a source language and may carry translations. A page shows the
reader's language when a translation exists, else the source language, and says so.
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings

# Languages are named in their own tongue, as language switchers and facets show them.
LANGUAGE_AUTONYMS = {
    "fr": "Français",
    "en": "English",
    "es": "Español",
    "ar": "العربية",
    "zh-hans": "中文",
    "ru": "Русский",
}


@dataclass(frozen=True)
class Shown:
    """The translation chosen for display and the language it is written in."""

    translation: Any
    language: str


def language_codes() -> list[str]:
    """Languages the interface speaks (and URL prefixes exist for)."""
    return [code for code, _name in settings.LANGUAGES]


def content_language_codes() -> list[str]:
    """Languages content may be written or translated in."""
    return [code for code, _name in settings.CONTENT_LANGUAGES]


def choose_translation(obj, *, language: str, source_language: str | None = None) -> Shown | None:
    """Pick the translation of `obj` (a parler model) to show a reader of `language`.
    Reads `obj.translations.all()`, so a list that prefetches them pays no query per row."""
    return choose_from(obj.translations.all(), language=language, source_language=source_language)


def choose_from(translations, *, language: str, source_language: str | None = None) -> Shown | None:
    """Order: the reader's language, then the source language, then any content language."""
    by_language = {t.language_code: t for t in translations}
    for code in (language, source_language, *content_language_codes()):
        if code and code in by_language:
            return Shown(by_language[code], code)
    if by_language:
        code, translation = next(iter(by_language.items()))
        return Shown(translation, code)
    return None


def path_without_language(url_name: str, **kwargs) -> str:
    """A page's path without its language prefix, for links built later in the
    language of whoever receives them (emails)."""
    from django.urls import reverse
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        path = reverse(url_name, kwargs=kwargs)
    prefix = f"/{settings.LANGUAGE_CODE}/"
    return "/" + path.removeprefix(prefix) if path.startswith(prefix) else path
