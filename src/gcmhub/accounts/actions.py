"""Writes to accounts: registration, confirmation, profiles and roles."""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import transaction

from gcmhub.accounts.roles import ROLE_GROUPS, Role, is_administrator, is_curator
from gcmhub.audit.actions import audit_record
from gcmhub.audit.models import AuditEvent


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
