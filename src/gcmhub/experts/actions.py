"""Writes to the Peer Review Roster: apply (or update), withdraw, approve, decline.

Approving grants the reviewer role; declining or withdrawing an approved expert takes it
back. Curators are told of each new application, applicants of each decision, each in
their own language, after the transaction commits."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gcmhub.accounts.actions import role_grant
from gcmhub.accounts.roles import Role, is_curator
from gcmhub.accounts.selectors import curators_to_tell
from gcmhub.audit.actions import audit_record, snapshot_of
from gcmhub.audit.models import AuditEvent
from gcmhub.experts.models import ExpertProfile, RosterStatus
from gcmhub.notifications.actions import notify

# The fields an applicant fills in, and those an approved reviewer may not change alone.
APPLICATION_FIELDS = (
    "other_themes",
    "languages",
    "other_languages",
    "years_of_experience",
    "organisation",
    "is_un",
    "publications",
    "motivation",
)
RELATION_FIELDS = ("objectives", "themes", "regions")
LOCKED_ONCE_APPROVED = ("is_un",)


def _stamp(moment) -> str:
    return str(int(moment.timestamp() * 1_000_000))


@transaction.atomic
def expert_profile_apply(*, actor, **fields) -> ExpertProfile:
    """Apply to the roster, or change one's application. A new application (first, or
    after a decline or a withdrawal) goes to the curators; editing a pending one or an
    approved reviewer's expertise does not ask them anything new. An approved reviewer's
    UN affiliation is kept: only a curator changes it."""
    if not getattr(actor, "is_authenticated", False) or not actor.is_active:
        raise PermissionDenied
    unknown = set(fields) - set(APPLICATION_FIELDS) - set(RELATION_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    objectives = list(fields.pop("objectives", []))
    if not objectives:
        raise ValidationError({"objectives": _("Choose at least one objective.")})

    profile = ExpertProfile.objects.select_for_update().filter(user=actor).first()
    now = timezone.now()
    is_new_application = profile is None or profile.status in (
        RosterStatus.DECLINED,
        RosterStatus.WITHDRAWN,
    )
    if profile is None:
        profile = ExpertProfile(user=actor, applied_at=now)
    locked = LOCKED_ONCE_APPROVED if profile.status == RosterStatus.APPROVED else ()
    for name in APPLICATION_FIELDS:
        if name in fields and name not in locked:
            setattr(profile, name, fields[name])
    if is_new_application:
        profile.status = RosterStatus.APPLIED
        profile.applied_at = now
        profile.curator_note = ""
        profile.decided_by = None
        profile.decided_at = None
    profile.full_clean()
    profile.save()
    profile.objectives.set(objectives)
    profile.themes.set(fields.get("themes", []))
    profile.regions.set(fields.get("regions", []))

    audit_record(
        actor=actor,
        event_type=AuditEvent.ROSTER_APPLIED if is_new_application else AuditEvent.ROSTER_UPDATED,
        obj=profile,
        snapshot=snapshot_of(profile),
    )
    if is_new_application:
        numbers = ", ".join(str(n) for n in sorted(o.number for o in profile.objectives.all()))
        for curator in curators_to_tell(exclude=actor):
            notify(
                recipient=curator,
                key=f"roster:{profile.pk}:applied:{_stamp(profile.applied_at)}:to:{curator.pk}",
                template="roster_applied",
                context={"profile": profile, "applicant": actor, "objectives": numbers},
                path=f"/roster/applications/{profile.pk}/",
            )
    return profile


def _decide(
    *, actor, profile: ExpertProfile, status: str, note: str, allowed_from
) -> ExpertProfile:
    if not is_curator(actor):
        raise PermissionDenied
    if profile.user_id == actor.pk:
        # Nobody decides on their own place on the roster.
        raise PermissionDenied
    profile = ExpertProfile.objects.select_for_update().select_related("user").get(pk=profile.pk)
    if profile.status not in allowed_from:
        raise ValidationError(
            _("This application is now “%(status)s”; reload the page to see why.")
            % {"status": profile.get_status_display()}
        )
    was_approved = profile.status == RosterStatus.APPROVED
    profile.status = status
    profile.curator_note = note.strip()
    profile.decided_by = actor
    profile.decided_at = timezone.now()
    profile.full_clean()
    profile.save()
    if status == RosterStatus.APPROVED:
        role_grant(actor=actor, user=profile.user, role=Role.REVIEWER)
    elif was_approved:
        role_grant(actor=actor, user=profile.user, role=Role.REVIEWER, granted=False)
    audit_record(
        actor=actor,
        event_type=AuditEvent.ROSTER_APPROVED
        if status == RosterStatus.APPROVED
        else AuditEvent.ROSTER_DECLINED,
        obj=profile,
        snapshot=snapshot_of(profile),
    )
    notify(
        recipient=profile.user,
        key=f"roster:{profile.pk}:{status}:{_stamp(profile.decided_at)}",
        template="roster_approved" if status == RosterStatus.APPROVED else "roster_declined",
        context={"profile": profile, "was_approved": was_approved},
        path="/roster/apply/",
    )
    return profile


@transaction.atomic
def expert_profile_approve(*, actor, profile: ExpertProfile, note: str = "") -> ExpertProfile:
    """Put an applicant on the roster (or one declined earlier, on second thoughts)."""
    return _decide(
        actor=actor,
        profile=profile,
        status=RosterStatus.APPROVED,
        note=note,
        allowed_from=(RosterStatus.APPLIED, RosterStatus.DECLINED),
    )


@transaction.atomic
def expert_profile_decline(*, actor, profile: ExpertProfile, note: str) -> ExpertProfile:
    """Decline an application, or take an approved reviewer off the roster. The note,
    sent to the person, is required: they should know why."""
    if not note.strip():
        raise ValidationError({"note": _("Say why, in a few words: the applicant reads it.")})
    return _decide(
        actor=actor,
        profile=profile,
        status=RosterStatus.DECLINED,
        note=note,
        allowed_from=(RosterStatus.APPLIED, RosterStatus.APPROVED),
    )


@transaction.atomic
def expert_profile_withdraw(*, actor) -> ExpertProfile:
    """The expert withdraws their application, or leaves the roster."""
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied
    profile = ExpertProfile.objects.select_for_update().filter(user=actor).first()
    if profile is None or profile.status not in (RosterStatus.APPLIED, RosterStatus.APPROVED):
        raise ValidationError(_("You have no application or place on the roster to withdraw."))
    was_approved = profile.status == RosterStatus.APPROVED
    profile.status = RosterStatus.WITHDRAWN
    profile.save()
    if was_approved:
        # The person's own choice: no curator is needed to take back the role.
        role_grant(actor=None, user=actor, role=Role.REVIEWER, granted=False)
    audit_record(
        actor=actor,
        event_type=AuditEvent.ROSTER_UPDATED,
        obj=profile,
        snapshot=snapshot_of(profile),
    )
    return profile
