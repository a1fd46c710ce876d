"""Pages of the review workflow. Each view reads through selectors, writes through one
action, and turns the action's refusals into messages beside what the person typed."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gcmhub.accounts.roles import is_curator
from gcmhub.calls.models import Call
from gcmhub.catalog.models import Practice, Scope
from gcmhub.core.ratelimits import limit_posts
from gcmhub.experts.selectors import roster_reviewers
from gcmhub.review import actions, permissions, selectors
from gcmhub.review.content import PRACTICE_TEXT_FIELDS
from gcmhub.review.forms import (
    AssignForm,
    ConflictForm,
    DecisionForm,
    MessageForm,
    PracticeForm,
    ReviewForm,
    WithdrawForm,
)
from gcmhub.review.models import (
    Assignment,
    AssignmentState,
    ConflictStatus,
    SubmissionState,
)


def _submission_or_404(reference):
    submission = selectors.submission_for_reference(reference=reference)
    if submission is None:
        raise Http404
    return submission


def _messages_of(error: ValidationError) -> list[str]:
    return [str(m) for m in error.messages]


@login_required
def dashboard(request):
    return render(request, "review/dashboard.html", selectors.dashboard(user=request.user))


@login_required
@limit_posts("submission")
def submission_new(request):
    """A new practice (?call=<slug> to answer a call), or an update of a published one
    (?practice=<slug>). Nothing is stored until the person saves."""
    call = practice = None
    if request.GET.get("call"):
        call = Call.objects.filter(slug=request.GET["call"], is_published=True).first()
        if call is None:
            raise Http404
    if request.GET.get("practice"):
        practice = get_object_or_404(Practice.objects.public(), slug=request.GET["practice"])
    initial = _practice_initial(practice) if practice else {}
    form = PracticeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            submission = actions.submission_create(
                actor=request.user,
                content=form.content(),
                criteria=form.criteria(),
                call=call,
                practice=practice,
            )
        except PermissionDenied:
            raise
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if "submit" in request.POST:
                return _submit(request, submission, form)
            messages.success(request, _("Draft saved. You can come back to it at any time."))
            return redirect("review:edit", reference=submission.uuid)
    return render(
        request,
        "review/submission_form.html",
        {"form": form, "call": call, "practice": practice, "submission": None},
    )


def _practice_initial(practice: Practice) -> dict:
    """The published practice as the form's starting point for an update."""
    translation = practice.get_translation(practice.source_language)
    objectives = practice.objective_links.values_list("objective__number", "is_primary")
    return {
        "title": translation.title,
        "summary": translation.summary,
        "body": translation.body,
        "source_language": practice.source_language,
        "practice_type": practice.practice_type,
        "scope": Scope(practice.scope).slug,
        "regions": [r.slug for r in practice.regions.all()],
        "countries": [c.iso3 for c in practice.countries.all()],
        "period_start": practice.period_start,
        "period_end": practice.period_end,
        "ongoing": practice.ongoing,
        "objectives_primary": [str(n) for n, primary in objectives if primary],
        "objectives_secondary": [str(n) for n, primary in objectives if not primary],
        "principles": [p.slug for p in practice.principles.all()],
        "sdg_targets": [t.code for t in practice.sdg_targets.all()],
        **{name: getattr(practice, name) for name in PRACTICE_TEXT_FIELDS},
    }


def _submit(request, submission, form):
    """Submit, or show why not beside the fields, keeping everything typed."""
    try:
        actions.submission_submit(actor=request.user, submission=submission)
    except actions.Problems as problems:
        form.add_problems(problems.by_field)
        messages.warning(
            request, _("Your draft is saved, but it cannot be submitted yet: see below.")
        )
    except ValidationError as error:
        form.add_error(None, error)
        messages.warning(request, _("Your draft is saved."))
    else:
        messages.success(request, _("Submitted. The curators have been told."))
        return redirect(submission.get_absolute_url())
    submission.refresh_from_db()
    return render(
        request,
        "review/submission_form.html",
        {
            "form": form,
            "call": submission.call,
            "practice": submission.practice,
            "submission": submission,
        },
    )


@login_required
@limit_posts("submission")
def submission_edit(request, reference):
    submission = _submission_or_404(reference)
    if not permissions.can_edit_submission(request.user, submission):
        if permissions.can_view_submission(request.user, submission):
            return redirect(submission.get_absolute_url())
        raise PermissionDenied
    answering = submission.state == SubmissionState.REVISIONS_REQUESTED
    if request.method == "POST":
        form = PracticeForm(request.POST, answering=answering)
        if form.is_valid():
            try:
                actions.submission_save(
                    actor=request.user,
                    submission=submission,
                    content=form.content(),
                    criteria=form.criteria(),
                    lock_version=form.cleaned_data.get("lock_version"),
                    response_to_reviewers=form.cleaned_data.get("response_to_reviewers")
                    if answering
                    else None,
                )
            except actions.EditConflict as error:
                form.add_error(None, error)
            else:
                if "submit" in request.POST:
                    return _submit(request, submission, form)
                messages.success(request, _("Draft saved."))
                return redirect("review:edit", reference=submission.uuid)
    else:
        initial = PracticeForm.initial_from(
            submission.content, submission.criteria, submission.lock_version
        )
        initial["response_to_reviewers"] = submission.response_to_reviewers
        form = PracticeForm(initial=initial, answering=answering)
    return render(
        request,
        "review/submission_form.html",
        {
            "form": form,
            "call": submission.call,
            "practice": submission.practice,
            "submission": submission,
            "shared_reviews": selectors.reviews_for_submitter(submission=submission),
            "attachments": submission.attachments.all(),
        },
    )


@login_required
def submission_detail(request, reference):
    submission = _submission_or_404(reference)
    if not permissions.can_view_submission(request.user, submission):
        raise PermissionDenied
    return render(
        request,
        "review/submission_detail.html",
        {
            "submission": submission,
            "task": selectors.SUBMITTER_TASKS.get(submission.state, ""),
            "transitions": submission.transitions.all(),
            "decisions": submission.decisions.all(),
            "shared_reviews": selectors.reviews_for_submitter(submission=submission),
            "attachments": submission.attachments.all(),
            "can_edit": permissions.can_edit_submission(request.user, submission),
            "can_withdraw": permissions.can_withdraw_submission(request.user, submission),
            "can_manage": permissions.can_manage_submission(request.user, submission),
        },
    )


@login_required
def submission_withdraw(request, reference):
    submission = _submission_or_404(reference)
    if not permissions.can_withdraw_submission(request.user, submission):
        raise PermissionDenied
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.submission_withdraw(
            actor=request.user, submission=submission, reason=form.cleaned_data["reason"]
        )
        messages.success(request, _("The submission is withdrawn."))
        return redirect(submission.get_absolute_url())
    return render(request, "review/withdraw.html", {"submission": submission, "form": form})


@login_required
@require_POST
def attachment_add(request, reference):
    submission = _submission_or_404(reference)
    if not permissions.can_edit_submission(request.user, submission):
        raise PermissionDenied
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a file to attach."))
    else:
        try:
            actions.attachment_add(actor=request.user, submission=submission, upload=upload)
        except ValidationError as error:
            for message in _messages_of(error):
                messages.error(request, message)
        else:
            messages.success(request, _("File attached."))
    return redirect("review:edit", reference=submission.uuid)


@login_required
def attachment_download(request, reference, pk):
    submission = _submission_or_404(reference)
    attachment = get_object_or_404(submission.attachments, pk=pk)
    allowed = permissions.can_view_submission(request.user, submission) or any(
        permissions.can_read_assigned_submission(request.user, a)
        for a in Assignment.objects.filter(round__submission=submission, reviewer=request.user)
    )
    if not allowed:
        raise PermissionDenied
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )


@login_required
@require_POST
def attachment_remove(request, reference, pk):
    submission = _submission_or_404(reference)
    attachment = get_object_or_404(submission.attachments, pk=pk)
    actions.attachment_remove(actor=request.user, attachment=attachment)
    messages.success(request, _("File removed."))
    return redirect("review:edit", reference=submission.uuid)


# ————— Curators —————

_MANAGE_STEPS = {"screen", "return", "reject", "assign", "cancel", "start", "decide", "publish"}


def _candidates(submission):
    objectives = submission.content.get("objectives_primary", [])
    taken = set(
        Assignment.objects.filter(
            round__submission=submission, round__state__in=["setup", "open"]
        ).values_list("reviewer_id", flat=True)
    )
    return [
        (
            str(profile.user_id),
            f"{profile.user.get_full_name() or profile.user.username} · "
            + (_("UN-internal") if profile.is_un else _("external")),
        )
        for profile in roster_reviewers(objective_numbers=[int(n) for n in objectives])
        if profile.user_id not in taken and profile.user_id != submission.submitter_id
    ]


@login_required
def submission_manage(request, reference):
    submission = _submission_or_404(reference)
    if not permissions.can_manage_submission(request.user, submission):
        raise PermissionDenied
    step = request.POST.get("step") if request.method == "POST" else None
    if request.method == "POST" and step not in _MANAGE_STEPS:
        return HttpResponseNotAllowed(["GET"])
    forms = {
        "message": MessageForm(request.POST if step in ("return", "reject") else None),
        "assign": AssignForm(
            request.POST if step == "assign" else None, candidates=_candidates(submission)
        ),
        "decision": DecisionForm(request.POST if step == "decide" else None),
    }
    error = ""
    if step:
        try:
            if _manage_step(request, submission, step, forms):
                return redirect("review:manage", reference=submission.uuid)
        except ValidationError as failure:
            error = " ".join(_messages_of(failure))
    submission.refresh_from_db()
    rounds = list(selectors.rounds_of(submission=submission))
    current = next((r for r in rounds if r.state != "closed"), None)
    return render(
        request,
        "review/manage.html",
        {
            "submission": submission,
            "forms": forms,
            "rounds": rounds,
            "current_round": current,
            "composition": actions.round_composition(current) if current else (0, 0),
            "disagree": selectors.recommendations_disagree(current) if current else False,
            "minimum": (actions.MIN_INTERNAL_REVIEWERS, actions.MIN_EXTERNAL_REVIEWERS),
            "transitions": submission.transitions.all(),
            "attachments": submission.attachments.all(),
            "error": error,
        },
        status=400 if step else 200,
    )


def _manage_step(request, submission, step, forms) -> bool:
    """Run one curator step; False when its form has errors to show."""
    actor = request.user
    if step == "screen":
        actions.screening_start(actor=actor, submission=submission)
    elif step in ("return", "reject"):
        form = forms["message"]
        if not form.is_valid():
            return False
        action = actions.submission_return if step == "return" else actions.submission_reject
        action(actor=actor, submission=submission, message=form.cleaned_data["message"])
    elif step == "assign":
        form = forms["assign"]
        if not form.is_valid():
            return False
        reviewer = get_user_model().objects.get(pk=form.cleaned_data["reviewer"])
        actions.reviewer_assign(
            actor=actor,
            submission=submission,
            reviewer=reviewer,
            due_on=form.cleaned_data["due_on"],
        )
    elif step == "cancel":
        assignment = get_object_or_404(
            Assignment, pk=request.POST.get("assignment") or 0, round__submission=submission
        )
        actions.assignment_cancel(actor=actor, assignment=assignment)
    elif step == "start":
        actions.round_start(actor=actor, submission=submission)
    elif step == "decide":
        form = forms["decision"]
        if not form.is_valid():
            return False
        actions.decision_record(
            actor=actor,
            submission=submission,
            outcome=form.cleaned_data["outcome"],
            message=form.cleaned_data["message"],
        )
    elif step == "publish":
        practice = actions.submission_publish(actor=actor, submission=submission)
        messages.success(request, _("Published."))
        messages.info(request, practice.get_absolute_url())
        return True
    messages.success(request, _("Done."))
    return True


# ————— Reviewers —————


@login_required
def assignment_detail(request, pk):
    assignment = get_object_or_404(
        Assignment.objects.select_related("round__submission", "conflict"), pk=pk
    )
    if assignment.state == AssignmentState.PENDING:
        raise Http404  # not invited yet: the round has not started
    if not permissions.is_assigned_reviewer(request.user, assignment):
        if is_curator(request.user):
            return redirect("review:manage", reference=assignment.round.submission.uuid)
        raise PermissionDenied
    step = request.POST.get("step") if request.method == "POST" else None
    conflict_form = ConflictForm(request.POST if step == "conflict" else None)
    review_form = ReviewForm(request.POST if step == "review" else None)
    error = ""
    if step:
        try:
            if step == "conflict" and conflict_form.is_valid():
                actions.conflict_declare(
                    actor=request.user,
                    assignment=assignment,
                    status=ConflictStatus(conflict_form.cleaned_data["status"]),
                    statement=conflict_form.cleaned_data["statement"],
                )
                return redirect("review:assignment", pk=pk)
            if step in ("accept", "decline"):
                actions.assignment_respond(
                    actor=request.user, assignment=assignment, accept=step == "accept"
                )
                if step == "accept":
                    return redirect("review:assignment", pk=pk)
                messages.success(request, _("You have declined. Thank you for telling us."))
                return redirect("review:dashboard")
            if step == "review" and review_form.is_valid():
                actions.review_submit(
                    actor=request.user,
                    assignment=assignment,
                    criteria=review_form.criteria(),
                    recommendation=review_form.cleaned_data["recommendation"],
                    comments_for_submitter=review_form.cleaned_data["comments_for_submitter"],
                    confidential_comments=review_form.cleaned_data["confidential_comments"],
                )
                messages.success(request, _("Thank you: your review is submitted."))
                return redirect("review:assignment", pk=pk)
        except ValidationError as failure:
            error = " ".join(_messages_of(failure))
        assignment.refresh_from_db()
    submission = assignment.round.submission
    readable = permissions.can_read_assigned_submission(request.user, assignment)
    return render(
        request,
        "review/assignment.html",
        {
            "assignment": assignment,
            "submission": submission if readable else None,
            "attachments": submission.attachments.all() if readable else [],
            "conflict_form": conflict_form,
            "review_form": review_form,
            "error": error,
            "can_review": readable and assignment.state == AssignmentState.ACCEPTED,
            "can_respond": readable and assignment.state == AssignmentState.REQUESTED,
        },
        status=400 if step else 200,
    )
