"""Reads of the Peer Review Roster: applications for curators, coverage and gaps, and the
reviewers the review workflow may choose from. Nothing here feeds a public page."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, IntegerField, Q, QuerySet, Value

from gcmhub.experts.models import (
    ROUND_NEEDS_EXTERNAL,
    ROUND_NEEDS_UN,
    ExpertProfile,
    RosterStatus,
)
from gcmhub.taxonomy.models import Objective, Region


def expert_profile_of(user) -> ExpertProfile | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        ExpertProfile.objects.filter(user=user)
        .prefetch_related("objectives", "themes", "regions")
        .first()
    )


def expert_profile_get(*, pk: int) -> ExpertProfile | None:
    return (
        ExpertProfile.objects.filter(pk=pk)
        .select_related("user", "decided_by")
        .prefetch_related(
            "objectives__translations", "themes__translations", "regions__translations"
        )
        .first()
    )


def roster_applications(
    *,
    status: str = "",
    objective: int | None = None,
    region: str = "",
    language: str = "",
    is_un: bool | None = None,
    q: str = "",
) -> QuerySet[ExpertProfile]:
    """Applications for the curators' list, newest first, filtered by any of the above."""
    profiles = ExpertProfile.objects.select_related("user").prefetch_related(
        "objectives", "regions__translations"
    )
    if status:
        profiles = profiles.filter(status=status)
    if objective is not None:
        profiles = profiles.filter(objectives__number=objective)
    if region:
        profiles = profiles.filter(regions__slug=region)
    if is_un is not None:
        profiles = profiles.filter(is_un=is_un)
    for word in q.split()[:10]:
        profiles = profiles.filter(
            Q(user__username__icontains=word)
            | Q(user__first_name__icontains=word)
            | Q(user__last_name__icontains=word)
            | Q(user__email__icontains=word)
            | Q(organisation__icontains=word)
        )
    profiles = profiles.distinct().order_by("-applied_at", "-id")
    if language:
        # Languages are a short JSON list; filtering them in Python works on both databases.
        ids = [p.pk for p in profiles if language in p.languages]
        profiles = profiles.filter(pk__in=ids)
    return profiles


def roster_status_counts() -> dict[str, int]:
    counts = dict(ExpertProfile.objects.values_list("status").annotate(n=Count("id")).order_by())
    return {status: counts.get(status, 0) for status in RosterStatus.values}


@dataclass
class CoverageRow:
    """How many approved reviewers cover one objective, language or region."""

    key: str
    label: str
    un: int = 0
    external: int = 0
    pending: int = 0

    @property
    def total(self) -> int:
        return self.un + self.external

    @property
    def needs_un(self) -> int:
        return max(0, ROUND_NEEDS_UN - self.un)

    @property
    def needs_external(self) -> int:
        return max(0, ROUND_NEEDS_EXTERNAL - self.external)

    @property
    def is_gap(self) -> bool:
        return bool(self.needs_un or self.needs_external)


@dataclass
class Coverage:
    objectives: list[CoverageRow]
    languages: list[CoverageRow]
    regions: list[CoverageRow]
    approved: int
    pending: int

    @property
    def gaps(self) -> int:
        return sum(row.is_gap for row in self.objectives + self.languages + self.regions)


def roster_coverage() -> Coverage:
    """For each of the 23 objectives, the six languages and each region: approved UN and
    non-UN reviewers and pending applications. A row is a gap when it could not staff a
    review round alone (one UN reviewer and two from outside)."""
    objectives = {
        o.number: CoverageRow(key=str(o.number), label=str(o))
        for o in Objective.objects.prefetch_related("translations").order_by("number")
    }
    languages = {code: CoverageRow(key=code, label=str(name)) for code, name in settings.LANGUAGES}
    regions = {
        r.slug: CoverageRow(key=r.slug, label=str(r))
        for r in Region.objects.prefetch_related("translations").order_by("slug")
    }
    profiles = ExpertProfile.objects.filter(
        status__in=(RosterStatus.APPROVED, RosterStatus.APPLIED)
    ).prefetch_related("objectives", "regions")
    approved = pending = 0
    for profile in profiles:
        rows = (
            [objectives[o.number] for o in profile.objectives.all() if o.number in objectives]
            + [languages[code] for code in profile.languages if code in languages]
            + [regions[r.slug] for r in profile.regions.all() if r.slug in regions]
        )
        if profile.status == RosterStatus.APPLIED:
            pending += 1
            for row in rows:
                row.pending += 1
            continue
        approved += 1
        for row in rows:
            if profile.is_un:
                row.un += 1
            else:
                row.external += 1
    return Coverage(
        objectives=list(objectives.values()),
        languages=list(languages.values()),
        regions=sorted(regions.values(), key=lambda row: row.label),
        approved=approved,
        pending=pending,
    )


def roster_reviewers(*, objective_numbers=None, language: str | None = None) -> list[ExpertProfile]:
    """Approved reviewers (with their user), best matches first: most of the given
    objectives matched, then most years of experience. `language`, when given, keeps
    only reviewers who work in it. Each profile carries `objectives_matched`, and `is_un`
    says whether they count as internal (UN) or external in a review round."""
    numbers = sorted({int(n) for n in objective_numbers or ()})
    profiles = (
        ExpertProfile.objects.filter(status=RosterStatus.APPROVED, user__is_active=True)
        .select_related("user")
        .annotate(
            objectives_matched=Count(
                "objectives", filter=Q(objectives__number__in=numbers), distinct=True
            )
            if numbers
            else Value(0, output_field=IntegerField())
        )
        .order_by("-objectives_matched", "-years_of_experience", "user__username", "pk")
    )
    if language:
        return [p for p in profiles if language in p.languages]
    return list(profiles)


def reviewer_is_internal(user) -> bool:
    """True when the person is an approved reviewer working for the UN system."""
    if not getattr(user, "is_authenticated", False):
        return False
    return ExpertProfile.objects.filter(
        user=user, status=RosterStatus.APPROVED, is_un=True
    ).exists()
