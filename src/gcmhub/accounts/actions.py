"""Writes to accounts: registration, confirmation, profiles, passwords and roles."""

import hashlib
import re
import secrets

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from gcmhub.accounts.models import ApiToken, Profile
from gcmhub.accounts.roles import ROLE_GROUPS, Role, is_administrator, is_curator
from gcmhub.accounts.tokens import confirmation_token_make
from gcmhub.audit.actions import audit_record
from gcmhub.audit.models import AuditEvent
from gcmhub.notifications.actions import notify

EMAIL_TAKEN = _("An account already uses this email address. Sign in, or reset your password.")
# A person asking again for a confirmation email gets at most one per this many seconds.
RESEND_INTERVAL = 300


def _username_for(email: str) -> str:
    """The username of an account registered with `email`: the address itself, or, when
    Django's username rules refuse it (an apostrophe, over 150 characters), a name derived
    from it. Either way one address gives one username, so the database's uniqueness of
    usernames also guards against two registrations of one address at the same moment."""
    if len(email) <= 150 and re.fullmatch(r"[\w.@+-]+", email):
        return email
    return "user-" + hashlib.sha256(email.encode()).hexdigest()[:24]


def path_of(name: str, **kwargs) -> str:
    """A page's path without its language prefix, as `notify` wants it."""
    with translation.override(settings.LANGUAGE_CODE):
        url = reverse(name, kwargs=kwargs)
    prefix = f"/{settings.LANGUAGE_CODE}/"
    return "/" + url.removeprefix(prefix) if url.startswith(prefix) else url


def _confirmation_send(*, user, key: str) -> None:
    notify(
        recipient=user,
        key=key,
        template="account_confirm",
        context={
            "display_name": user.profile.display_name,
            "days": settings.GCMHUB_CONFIRMATION_DAYS,
        },
        path=path_of("accounts:confirm", token=confirmation_token_make(user)),
    )


@transaction.atomic
def user_register(
    *, email: str, password: str, display_name: str, organisation: str = "", language: str
):
    """Create an inactive account and its profile, and email the confirmation link.
    The account can sign in once the address is confirmed (`user_confirm`)."""
    email = get_user_model().objects.normalize_email(email.strip()).lower()
    users = get_user_model().objects
    if users.filter(email__iexact=email).exists() or users.filter(username__iexact=email).exists():
        raise ValidationError({"email": EMAIL_TAKEN})
    user = get_user_model()(username=_username_for(email), email=email, is_active=False)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as error:
        raise ValidationError({"email": EMAIL_TAKEN}) from error
    profile = Profile(
        user=user,
        display_name=display_name.strip(),
        organisation=organisation.strip(),
        language=language,
    )
    profile.full_clean()
    profile.save()
    audit_record(
        actor=None,
        event_type=AuditEvent.USER_REGISTERED,
        obj=user,
        snapshot={"email": email, "display_name": profile.display_name, "language": language},
    )
    _confirmation_send(user=user, key=f"accounts.confirm.{user.pk}")
    return user


@transaction.atomic
def confirmation_resend(*, email: str) -> bool:
    """Send a fresh confirmation link if `email` belongs to an account still waiting for
    confirmation (at most one per RESEND_INTERVAL). The caller says the same thing to the
    visitor either way, so the answer reveals no address."""
    user = (
        get_user_model()
        .objects.filter(email__iexact=email.strip(), is_active=False)
        .select_related("profile")
        .filter(profile__confirmed_at=None)
        .exclude(profile=None)
        .first()
    )
    if user is None:
        return False
    window = int(timezone.now().timestamp()) // RESEND_INTERVAL
    _confirmation_send(user=user, key=f"accounts.confirm.{user.pk}.{window}")
    return True


@transaction.atomic
def user_confirm(*, user) -> None:
    """The person followed the link in the confirmation email: the address is theirs and
    the account becomes active. An account confirmed before (even one deactivated since
    by an administrator) is left as it is."""
    profile = Profile.objects.select_for_update().get(user=user)
    if profile.confirmed_at is not None:
        return
    profile.confirmed_at = timezone.now()
    profile.full_clean()
    profile.save(update_fields=["confirmed_at"])
    user.is_active = True
    user.save(update_fields=["is_active"])
    audit_record(
        actor=user, event_type=AuditEvent.USER_CONFIRMED, obj=user, snapshot={"email": user.email}
    )


def profile_ensure(*, user) -> Profile:
    """The person's profile, made with defaults for accounts created outside registration
    (`createsuperuser`, the admin, tests). Creating it records no decision of anyone's, so
    it is not audited; every later change is (`profile_update`)."""
    try:
        return user.profile
    except Profile.DoesNotExist:
        pass
    with transaction.atomic():
        profile, _created = Profile.objects.get_or_create(
            user=user,
            defaults={
                "display_name": (user.get_full_name() or user.username)[:150],
                "language": settings.LANGUAGE_CODE,
                "confirmed_at": user.date_joined if user.is_active else None,
            },
        )
    user.profile = profile
    return profile


@transaction.atomic
def profile_update(*, actor, user, display_name: str, organisation: str, language: str) -> Profile:
    if actor is None or (actor.pk != user.pk and not is_administrator(actor)):
        raise PermissionDenied
    profile_ensure(user=user)
    profile = Profile.objects.select_for_update().get(user=user)
    before = {
        "display_name": profile.display_name,
        "organisation": profile.organisation,
        "language": profile.language,
    }
    profile.display_name = display_name.strip()
    profile.organisation = organisation.strip()
    profile.language = language
    profile.full_clean()
    after = {
        "display_name": profile.display_name,
        "organisation": profile.organisation,
        "language": profile.language,
    }
    if after == before:
        return profile
    profile.save(update_fields=list(after))
    user.profile = profile
    audit_record(
        actor=actor,
        event_type=AuditEvent.USER_PROFILE_UPDATED,
        obj=profile,
        snapshot={"before": before, "after": after},
    )
    return profile


@transaction.atomic
def user_password_set(*, actor, user, password: str, how: str) -> None:
    """Set a new password: `how` is "change" (signed in, old password given) or "reset"
    (through the emailed link; actor None). Failed sign-in attempts against the account
    are forgotten, so a person locked out can sign in with the new password at once."""
    if how not in ("change", "reset"):
        raise ValueError(how)
    if actor is not None and actor.pk != user.pk and not is_administrator(actor):
        raise PermissionDenied
    user.set_password(password)
    user.save(update_fields=["password"])
    audit_record(
        actor=actor,
        event_type=AuditEvent.USER_PASSWORD_CHANGED,
        obj=user,
        snapshot={"how": how},
    )
    names = {user.email.lower(), user.username.lower()} - {""}
    transaction.on_commit(lambda: [axes_reset(username=name) for name in names])


@transaction.atomic
def role_grant(*, actor, user, role: Role, granted: bool = True) -> None:
    """Give or take a role. Curators manage reviewers; only administrators make curators."""
    allowed = is_administrator(actor) if role == Role.CURATOR else is_curator(actor)
    if actor is not None and not allowed:
        raise PermissionDenied
    group, _created = Group.objects.get_or_create(name=ROLE_GROUPS[role])
    has_it = user.groups.filter(pk=group.pk).exists()
    if has_it == granted:
        return
    if granted:
        user.groups.add(group)
    else:
        user.groups.remove(group)
    user.__dict__.pop("_gcmhub_groups", None)
    audit_record(
        actor=actor,
        event_type=AuditEvent.ROLE_GRANTED if granted else AuditEvent.ROLE_REVOKED,
        obj=user,
        snapshot={"role": str(role)},
    )


def _token_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, actor, name: str) -> tuple[ApiToken, str]:
    """A new token for the actor; returns it and the secret, which is never stored."""
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied
    key = secrets.token_urlsafe(32)
    token = ApiToken(user=actor, name=name.strip(), prefix=key[:8], key_hash=_token_hash(key))
    token.full_clean()
    token.save()
    audit_record(
        actor=actor,
        event_type=AuditEvent.API_TOKEN_CREATED,
        obj=token,
        snapshot={"name": token.name, "prefix": token.prefix},
    )
    return token, key


@transaction.atomic
def api_token_revoke(*, actor, token: ApiToken) -> None:
    if token.user_id != getattr(actor, "pk", None):
        raise PermissionDenied
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(
            actor=actor,
            event_type=AuditEvent.API_TOKEN_REVOKED,
            obj=token,
            snapshot={"name": token.name, "prefix": token.prefix},
        )


def api_token_authenticate(*, key: str):
    """The active person a token acts for, or None; records when it was last used."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=_token_hash(key), revoked_at=None, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user
