"""Roster pages: a public page about the roster, the application form for signed-in
people, and the curators' pages (applications, decisions, coverage)."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from gcmhub.accounts.roles import is_curator
from gcmhub.core.pagecache import cached_for_visitors
from gcmhub.experts.actions import (
    expert_profile_apply,
    expert_profile_approve,
    expert_profile_decline,
    expert_profile_withdraw,
)
from gcmhub.experts.forms import (
    ApplicationFilterForm,
    ApplicationForm,
    DecisionForm,
    application_initial,
)
from gcmhub.experts.models import ROUND_NEEDS_EXTERNAL, ROUND_NEEDS_UN, RosterStatus
from gcmhub.experts.selectors import (
    expert_profile_get,
    expert_profile_of,
    roster_applications,
    roster_coverage,
    roster_status_counts,
)


def curator_required(view):
    """Anonymous people are sent to sign in; signed-in people who are not curators get 403."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_curator(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@cached_for_visitors
def roster_about(request):
    return render(
        request,
        "experts/about.html",
        {"needs_un": ROUND_NEEDS_UN, "needs_external": ROUND_NEEDS_EXTERNAL},
    )


@login_required
@require_http_methods(["GET", "POST"])
def roster_apply(request):
    profile = expert_profile_of(request.user)
    approved = profile is not None and profile.status == RosterStatus.APPROVED
    is_new = profile is None or profile.status in (RosterStatus.DECLINED, RosterStatus.WITHDRAWN)
    if request.method == "POST":
        form = ApplicationForm(
            request.POST, initial=application_initial(profile), un_locked=approved
        )
        if form.is_valid():
            try:
                expert_profile_apply(actor=request.user, **form.action_fields())
            except ValidationError as error:
                _add_errors(form, error)
            else:
                if is_new:
                    messages.success(
                        request,
                        _(
                            "Thank you: your application has been sent to the curators. "
                            "You will receive an email when they have decided."
                        ),
                    )
                else:
                    messages.success(request, _("Your changes have been saved."))
                return redirect("experts:apply")
    else:
        form = ApplicationForm(initial=application_initial(profile), un_locked=approved)
    return render(
        request,
        "experts/apply.html",
        {"form": form, "profile": profile, "approved": approved},
        status=400 if form.is_bound else 200,
    )


@login_required
@require_POST
def roster_withdraw(request):
    profile = expert_profile_of(request.user)
    was_approved = profile is not None and profile.status == RosterStatus.APPROVED
    try:
        expert_profile_withdraw(actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("You have left the roster.")
            if was_approved
            else _("Your application has been withdrawn."),
        )
    return redirect("experts:apply")


@curator_required
def application_list(request):
    data = request.GET.copy()
    if "status" not in data:
        data["status"] = RosterStatus.APPLIED
    form = ApplicationFilterForm(data)
    filters = form.filters()
    profiles = roster_applications(**filters)
    page = Paginator(profiles, 50).get_page(request.GET.get("page"))
    counts = roster_status_counts()
    query = data.copy()
    query.pop("page", None)
    return render(
        request,
        "experts/application_list.html",
        {
            "form": form,
            "page": page,
            "statuses": [(value, label, counts[value]) for value, label in RosterStatus.choices],
            "status": filters["status"],
            "query": query.urlencode(),
        },
    )


@curator_required
@require_http_methods(["GET", "POST"])
def application_detail(request, pk):
    profile = expert_profile_get(pk=pk)
    if profile is None:
        raise Http404(_("No application has this number."))
    own = profile.user_id == request.user.pk
    if own and request.method == "POST":
        raise PermissionDenied
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        action = (
            expert_profile_approve
            if form.cleaned_data["decision"] == "approve"
            else expert_profile_decline
        )
        try:
            action(actor=request.user, profile=profile, note=form.cleaned_data["note"])
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _("Decision recorded; the applicant has been told by email."),
            )
            return redirect("experts:application", pk=profile.pk)
    return render(
        request,
        "experts/application_detail.html",
        {"profile": profile, "form": form, "own": own, "statuses": RosterStatus},
        status=400 if form.is_bound else 200,
    )


def gap_text(row) -> str:
    if row.needs_un and row.needs_external:
        return ngettext(
            "Gap: needs %(un)s more UN reviewer and %(count)s more from outside the UN",
            "Gap: needs %(un)s more UN reviewer and %(count)s more from outside the UN",
            row.needs_external,
        ) % {"un": row.needs_un, "count": row.needs_external}
    if row.needs_un:
        return ngettext(
            "Gap: needs %(count)s more UN reviewer",
            "Gap: needs %(count)s more UN reviewers",
            row.needs_un,
        ) % {"count": row.needs_un}
    if row.needs_external:
        return ngettext(
            "Gap: needs %(count)s more reviewer from outside the UN",
            "Gap: needs %(count)s more reviewers from outside the UN",
            row.needs_external,
        ) % {"count": row.needs_external}
    return _("Covered")


@curator_required
def coverage(request):
    data = roster_coverage()
    tables = [
        ("objectives", _("Objectives"), _("Objective"), data.objectives),
        ("languages", _("Languages"), _("Language"), data.languages),
        ("regions", _("Regions"), _("Region"), data.regions),
    ]
    return render(
        request,
        "experts/coverage.html",
        {
            "coverage": data,
            "tables": [
                (key, title, column, [(row, gap_text(row)) for row in rows])
                for key, title, column, rows in tables
            ],
            "needs_un": ROUND_NEEDS_UN,
            "needs_external": ROUND_NEEDS_EXTERNAL,
        },
    )
