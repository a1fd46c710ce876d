"""Fixtures for the review workflow: a roster of reviewers, a complete practice, and a
submission brought to any step by the real actions."""

import pytest
from django.utils import timezone

from gcmhub.review import actions
from gcmhub.review.content import CRITERIA
from gcmhub.review.models import ConflictStatus, DecisionOutcome, Recommendation

CONTENT = {
    "title": "Mobile legal clinics for survivors of trafficking",
    "summary": "Lawyers travel to border towns to advise people who escaped trafficking.",
    "body": "Teams of two lawyers and an interpreter visit shelters every month.",
    "source_language": "en",
    "practice_type": "programme",
    "scope": "national",
    "countries": ["BRA"],
    "regions": [],
    "period_start": "2020-03-01",
    "period_end": "",
    "ongoing": True,
    "objectives_primary": ["10"],
    "objectives_secondary": ["7"],
    "principles": ["human-rights"],
    "sdg_targets": ["8.7"],
    "implementer": "Clínica Jurídica Móvel",
    "partners": "Rede de Abrigos\nDefensoria Pública",
    "beneficiaries": "Survivors of trafficking, mostly women.",
    "benefit_and_impact": "Over 400 people advised; 120 residence permits obtained.",
    "lessons_learned": "Interpreters matter as much as lawyers.",
    "innovation": "Advice brought to shelters rather than offices.",
    "replicability": "Needs only a car, two lawyers and an interpreter.",
    "sustainability": "Funded by the state bar since 2023.",
    "links": "https://example.org/clinics Programme page",
    "focal_point_name": "Helena Confidencial",
    "focal_point_email": "helena.private@example.org",
}
CRITERIA_ANSWERS = {
    code: {"confirmed": True, "explanation": "It does, as the description explains in detail."}
    for code in CRITERIA
}


ROSTER = [("una", True), ("unb", False), ("extc", False), ("extd", False), ("unai", True)]


def make_roster(make_user) -> dict:
    """Approved reviewers on the roster: "una" and "unai" in the UN system, the others
    outside it. Note that "unb" is external despite its name."""
    from gcmhub.experts.models import ExpertProfile, RosterStatus
    from gcmhub.taxonomy.models import Objective

    people = {}
    for name, is_un in ROSTER:
        user = make_user("reviewer", username=name, first_name=name.title())
        profile = ExpertProfile.objects.create(
            user=user,
            is_un=is_un,
            status=RosterStatus.APPROVED,
            years_of_experience=10,
            organisation="UNODC" if is_un else "Independent",
            motivation="I have reviewed practices on trafficking for years.",
            languages=["en", "fr"],
            applied_at=timezone.now(),
        )
        profile.objectives.set(Objective.objects.filter(number__in=[9, 10]))
        people[name] = user
    return people


@pytest.fixture
def roster(make_user):
    return make_roster(make_user)


@pytest.fixture
def submitter(make_user):
    return make_user("contributor", username="sofia", first_name="Sofia")


@pytest.fixture
def curator(make_user):
    return make_user("curator", username="carla", first_name="Carla")


@pytest.fixture
def draft(demo, submitter):
    return actions.submission_create(actor=submitter, content=CONTENT, criteria=CRITERIA_ANSWERS)


def due():
    return timezone.localdate() + timezone.timedelta(days=14)


def to_review(submission, curator, roster, names=("una", "unb", "extc")):
    """Submit, screen, assign three reviewers and open the round."""
    actions.submission_submit(actor=submission.submitter, submission=submission)
    actions.screening_start(actor=curator, submission=submission)
    for name in names:
        actions.reviewer_assign(
            actor=curator, submission=submission, reviewer=roster[name], due_on=due()
        )
    return actions.round_start(actor=curator, submission=submission)


def review(assignment, recommendation_code, comments="Clear and useful.", confidential=""):
    """The reviewer declares no conflict, accepts and reviews."""
    reviewer = assignment.reviewer
    actions.conflict_declare(actor=reviewer, assignment=assignment, status=ConflictStatus.NONE)
    actions.assignment_respond(actor=reviewer, assignment=assignment, accept=True)
    return actions.review_submit(
        actor=reviewer,
        assignment=assignment,
        criteria=dict.fromkeys(CRITERIA, "yes"),
        recommendation=Recommendation.objects.get(code=recommendation_code),
        comments_for_submitter=comments,
        confidential_comments=confidential,
    )


def accept_and_publish(submission, curator):
    actions.decision_record(
        actor=curator, submission=submission, outcome=DecisionOutcome.ACCEPT, message="Well done."
    )
    return actions.submission_publish(actor=curator, submission=submission)
