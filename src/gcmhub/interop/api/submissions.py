"""Submitting practices from other systems, with a personal API token (made on the
account page, sent as `Authorization: Bearer <token>`). Every rule of the review
workflow applies: the same actions run as for the web form."""

import uuid

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import Router, Schema, Status
from ninja.security import HttpBearer
from pydantic import BaseModel, ConfigDict

from gcmhub.accounts.actions import api_token_authenticate
from gcmhub.calls.models import Call
from gcmhub.catalog.models import Practice
from gcmhub.interop.api.base import ApiError
from gcmhub.review import actions
from gcmhub.review.selectors import SUBMITTER_TASKS, submission_for_reference, submissions_of


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        return api_token_authenticate(key=token)


router = Router(tags=["submissions"], auth=TokenAuth())


class StrictIn(BaseModel):
    """Input is taken only in its documented shape (ninja's `Schema` would read any
    object's attributes); an unknown field is an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid", strict=True)


class PracticeContent(StrictIn):
    """The fields of the submission form; any may be left out of a draft."""

    title: str = ""
    summary: str = ""
    body: str = ""
    source_language: str = ""
    practice_type: str = ""
    scope: str = ""
    countries: list[str] = []
    regions: list[str] = []
    period_start: str = ""
    period_end: str = ""
    ongoing: bool = False
    objectives_primary: list[str] = []
    objectives_secondary: list[str] = []
    principles: list[str] = []
    sdg_targets: list[str] = []
    implementer: str = ""
    partners: str = ""
    beneficiaries: str = ""
    benefit_and_impact: str = ""
    lessons_learned: str = ""
    innovation: str = ""
    replicability: str = ""
    sustainability: str = ""
    links: str = ""
    focal_point_name: str = ""
    focal_point_email: str = ""


class CriterionIn(StrictIn):
    confirmed: bool = False
    explanation: str = ""


class CriteriaIn(StrictIn):
    """The Hub's criteria (see the submission form), each confirmed and explained."""

    objectives: CriterionIn = CriterionIn()
    principles: CriterionIn = CriterionIn()
    timeframe: CriterionIn = CriterionIn()
    completion: CriterionIn = CriterionIn()
    innovation: CriterionIn = CriterionIn()


class SubmissionIn(StrictIn):
    content: PracticeContent
    criteria: CriteriaIn = CriteriaIn()
    call: str | None = None
    practice: str | None = None


class SubmissionUpdateIn(StrictIn):
    content: PracticeContent
    criteria: CriteriaIn = CriteriaIn()
    lock_version: int
    response_to_reviewers: str | None = None


class SubmissionOut(Schema):
    reference: str
    state: str
    state_label: str
    asked: str
    lock_version: int
    call: str | None
    practice_url: str | None
    content: PracticeContent
    criteria: CriteriaIn


def _out(request: HttpRequest, submission) -> dict:
    practice = submission.practice
    return {
        "reference": str(submission.uuid),
        "state": submission.state,
        "state_label": str(submission.get_state_display()),
        "asked": str(SUBMITTER_TASKS.get(submission.state, "")),
        "lock_version": submission.lock_version,
        "call": submission.call.slug if submission.call else None,
        "practice_url": request.build_absolute_uri(practice.get_absolute_url())
        if practice is not None and practice.status == "published"
        else None,
        "content": submission.content,
        "criteria": submission.criteria,
    }


def _mine(request, reference: str):
    submission = submission_for_reference(reference=_uuid(reference))
    if submission is None or submission.submitter_id != request.auth.pk:
        raise ApiError(404, "not_found", _("You have no submission with this reference."))
    return submission


def _uuid(reference: str):
    try:
        return uuid.UUID(reference)
    except ValueError:
        return None


def _refused(error: ValidationError) -> ApiError:
    """A step the workflow refuses now (state, deadline, someone else's save): 409."""
    return ApiError(409, "conflict", " ".join(str(m) for m in error.messages))


@router.get("/submissions", response=list[SubmissionOut], summary="My submissions")
def submission_list(request):
    return [_out(request, s) for s in submissions_of(user=request.auth)]


@router.post("/submissions", response={201: SubmissionOut}, summary="Start a draft")
def submission_create(request, payload: SubmissionIn):
    call = practice = None
    if payload.call:
        call = Call.objects.filter(slug=payload.call, is_published=True).first()
        if call is None:
            raise ApiError(404, "not_found", _("No published call has this slug."))
    if payload.practice:
        practice = Practice.objects.public().filter(slug=payload.practice).first()
        if practice is None:
            raise ApiError(404, "not_found", _("No published practice has this slug."))
    try:
        submission = actions.submission_create(
            actor=request.auth,
            content=payload.content.model_dump(),
            criteria=payload.criteria.model_dump(),
            call=call,
            practice=practice,
        )
    except ValidationError as error:
        raise _refused(error) from error
    return Status(201, _out(request, submission))


@router.get("/submissions/{reference}", response=SubmissionOut, summary="One of my submissions")
def submission_detail(request, reference: str):
    return _out(request, _mine(request, reference))


@router.put("/submissions/{reference}", response=SubmissionOut, summary="Save a draft")
def submission_update(request, reference: str, payload: SubmissionUpdateIn):
    """Refused with 409 when the submission was saved since `lock_version` was read,
    or when it is not editable in its state."""
    submission = _mine(request, reference)
    try:
        submission = actions.submission_save(
            actor=request.auth,
            submission=submission,
            content=payload.content.model_dump(),
            criteria=payload.criteria.model_dump(),
            lock_version=payload.lock_version,
            response_to_reviewers=payload.response_to_reviewers,
        )
    except ValidationError as error:
        raise _refused(error) from error
    return _out(request, submission)


@router.post("/submissions/{reference}/submit", response=SubmissionOut, summary="Submit for review")
def submission_submit(request, reference: str):
    """422 lists, field by field, what is missing; 409 when the call has closed (the
    draft is kept) or the state does not allow submitting."""
    submission = _mine(request, reference)
    try:
        submission = actions.submission_submit(actor=request.auth, submission=submission)
    except actions.Problems as problems:
        raise ApiError(
            422,
            "incomplete",
            _("The submission is not complete."),
            [
                {"location": "body", "field": field, "message": message}
                for field, messages in problems.by_field.items()
                for message in messages
            ],
        ) from None
    except ValidationError as error:
        raise _refused(error) from error
    return _out(request, submission)
