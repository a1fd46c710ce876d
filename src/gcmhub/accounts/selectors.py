"""Reads of accounts: people by email address, profiles, confirmation links."""

from dataclasses import dataclass
from enum import Enum

from django.contrib.auth import get_user_model
from django.core import signing

from gcmhub.accounts.models import ApiToken, Profile
from gcmhub.accounts.roles import ROLE_GROUPS, Role, roles_of
from gcmhub.accounts.tokens import confirmation_token_load


def user_by_email(email: str):
    """The account registered with this address, whatever its case, or None."""
    email = (email or "").strip()
    if not email:
        return None
    matches = list(get_user_model().objects.filter(email__iexact=email).order_by("pk")[:2])
    exact = [u for u in matches if u.username.lower() == email.lower()]
    if exact:
        return exact[0]
    return matches[0] if matches else None


def email_is_taken(email: str) -> bool:
    users = get_user_model().objects
    email = (email or "").strip()
    return (
        users.filter(email__iexact=email).exists() or users.filter(username__iexact=email).exists()
    )


def profile_of(user) -> Profile | None:
    """The person's profile if they have one (accounts made outside registration get one
    the first time they open their account page)."""
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.profile
    except Profile.DoesNotExist:
        return None


def is_unconfirmed(user) -> bool:
    """Registered but has not yet followed the link in the confirmation email."""
    if user is None or user.is_active:
        return False
    profile = Profile.objects.filter(user=user).first()
    return profile is not None and profile.confirmed_at is None


def roles_shown(user) -> list[Role]:
    """The person's roles, in the order of the roster of roles."""
    held = roles_of(user)
    return [role for role in Role if role in held]


class LinkState(Enum):
    VALID = "valid"
    EXPIRED = "expired"
    INVALID = "invalid"
    CONFIRMED = "confirmed"


@dataclass(frozen=True)
class ConfirmationLink:
    state: LinkState
    user: object | None = None


def confirmation_link_check(token: str) -> ConfirmationLink:
    """What a confirmation link points to: a valid link of an unconfirmed account, an
    expired or tampered link, or an account that is already confirmed."""
    try:
        payload = confirmation_token_load(token)
    except signing.SignatureExpired:
        return ConfirmationLink(LinkState.EXPIRED)
    except signing.BadSignature:
        return ConfirmationLink(LinkState.INVALID)
    user = get_user_model().objects.filter(pk=payload["u"]).first()
    if user is None or user.email.lower() != str(payload.get("e", "")):
        return ConfirmationLink(LinkState.INVALID)
    profile = Profile.objects.filter(user=user).first()
    if profile is None or profile.confirmed_at is not None or user.is_active:
        return ConfirmationLink(LinkState.CONFIRMED, user)
    return ConfirmationLink(LinkState.VALID, user)


def api_tokens_of(*, user):
    return ApiToken.objects.filter(user=user, revoked_at=None)


def curators_to_tell(*, exclude=None) -> list:
    """Who is told when curators must act: every active curator but `exclude`; when the
    Hub has none yet, its administrators, so that nothing waits unseen."""
    users = get_user_model().objects.filter(is_active=True).order_by("pk")
    if exclude is not None:
        users = users.exclude(pk=exclude.pk)
    curators = list(users.filter(groups__name=ROLE_GROUPS[Role.CURATOR]).distinct())
    return curators or list(users.filter(is_superuser=True))
