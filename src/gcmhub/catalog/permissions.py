"""Who may write the language versions of an item. Curators may. The catalogue knows
nothing of submissions, so the review workflow grants the submitter of a published
practice `TRANSLATE_ITEM` on it through an authentication backend
(`review/backends.py`); asking `user.has_perm` keeps this app below `review` (ADR 0020)."""

from gcmhub.accounts.roles import is_curator

TRANSLATE_ITEM = "catalog.translate_item"


def can_translate_item(user, item) -> bool:
    return is_curator(user) or bool(
        getattr(user, "is_authenticated", False) and user.has_perm(TRANSLATE_ITEM, item)
    )


def can_review_translation(user) -> bool:
    """Curators review translations; anyone else's text waits for them."""
    return is_curator(user)


def can_write_source_text(user) -> bool:
    """The source language holds the reviewed original: submitters change it through an
    update of their practice, curators may correct it here."""
    return is_curator(user)
