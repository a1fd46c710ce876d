"""Signed, expiring links that confirm an email address.

A link carries the user's id and the address it was sent to, signed with the secret key
and a timestamp (Django's signing). Nothing is stored: the link is valid while its
signature holds and it is younger than GCMHUB_CONFIRMATION_DAYS.
"""

from django.conf import settings
from django.core import signing

SALT = "gcmhub.accounts.confirm-email"


def confirmation_max_age() -> int:
    return settings.GCMHUB_CONFIRMATION_DAYS * 24 * 60 * 60


def confirmation_token_make(user) -> str:
    return signing.dumps({"u": user.pk, "e": user.email.lower()}, salt=SALT, compress=True)


def confirmation_token_load(token: str) -> dict:
    """The signed payload; raises signing.SignatureExpired or signing.BadSignature."""
    payload = signing.loads(token, salt=SALT, max_age=confirmation_max_age())
    if not isinstance(payload, dict) or not isinstance(payload.get("u"), int):
        raise signing.BadSignature("unexpected payload")
    return payload
