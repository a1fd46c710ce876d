"""Every form of the Hub, filled with hostile input (script tags, attribute breakers,
javascript: addresses, SQL, NUL bytes, very long and right-to-left-override text, CSV
formulas): no answer is a server error, and no page — the form shown again, or the page
it leads to showing what was saved — turns the input into markup.

The fields come from the forms each page shows, so a field added to a form is covered
without editing this file; a test below checks that every form class of the Hub is
reached by one of these pages."""

from functools import cached_property

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from lxml import html

from gcmhub.review import actions
from gcmhub.review.models import ConflictStatus, DecisionOutcome
from tests.review.conftest import CONTENT, CRITERIA_ANSWERS, review, to_review
from tests.security.battery import (
    MARKUP_PAYLOADS,
    PAYLOADS,
    assert_inert,
    filled,
    hub_form_classes,
    sendings,
)

pytestmark = pytest.mark.usefixtures("demo", "no_rate_limits")

CALL = "call-for-practices-trafficking-2024"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


class Hub:
    """Work at every step of the Hub, each piece made only when a page needs it."""

    def __init__(self, make_user, submitter, curator, roster):
        self.make_user, self.submitter, self.curator, self.roster = (
            make_user,
            submitter,
            curator,
            roster,
        )
        self.visitor = Client()

    def _submission(self):
        return actions.submission_create(
            actor=self.submitter, content=CONTENT, criteria=CRITERIA_ANSWERS
        )

    @cached_property
    def person(self) -> Client:
        return signed_in(self.submitter)

    @cached_property
    def staff(self) -> Client:
        return signed_in(self.curator)

    @cached_property
    def draft(self):
        return self._submission()

    @cached_property
    def screening(self):
        submission = self._submission()
        actions.submission_submit(actor=self.submitter, submission=submission)
        actions.screening_start(actor=self.curator, submission=submission)
        return submission

    @cached_property
    def reviewed(self):
        """Two of three reviews in; the third reviewer has accepted and not reviewed."""
        submission = self._submission()
        assignments = to_review(submission, self.curator, self.roster).assignments
        for assignment in assignments.exclude(reviewer=self.roster["extc"]):
            review(assignment, "accept")
        waiting = assignments.get(reviewer=self.roster["extc"])
        actions.conflict_declare(
            actor=waiting.reviewer, assignment=waiting, status=ConflictStatus.NONE
        )
        actions.assignment_respond(actor=waiting.reviewer, assignment=waiting, accept=True)
        return submission

    @cached_property
    def invited(self):
        """An assignment whose reviewer has not declared conflicts yet."""
        submission = self._submission()
        to_review(submission, self.curator, self.roster)
        return submission.rounds.get().assignments.get(reviewer=self.roster["una"])

    @cached_property
    def revisions_requested(self):
        submission = self._submission()
        for assignment in to_review(submission, self.curator, self.roster).assignments.all():
            review(assignment, "accept")
        actions.decision_record(
            actor=self.curator,
            submission=submission,
            outcome=DecisionOutcome.REVISIONS,
            message="Please add figures.",
        )
        return submission

    def password_reset_link(self) -> str:
        person = self.make_user()
        uid = urlsafe_base64_encode(force_bytes(person.pk))
        return f"/en/account/password/reset/{uid}/{default_token_generator.make_token(person)}/"

    def profile_with_a_token(self) -> str:
        from gcmhub.accounts.actions import api_token_create

        api_token_create(actor=self.submitter, name="mine")
        return "/en/account/"

    def roster_application(self) -> str:
        """A pending application, made through the form."""
        from gcmhub.experts.models import ExpertProfile
        from tests.experts.conftest import form_data

        applicant = self.make_user()
        assert signed_in(applicant).post("/en/roster/apply/", form_data()).status_code == 302
        return f"/en/roster/applications/{ExpertProfile.objects.get(user=applicant).pk}/"


@pytest.fixture
def hub(make_user, submitter, curator, roster):
    return Hub(make_user, submitter, curator, roster)


# Each page that shows a form, and who sees it: (client, address) from the Hub.
FORM_PAGES = {
    "registration": lambda h: (h.visitor, "/en/account/register/"),
    "sign-in": lambda h: (h.visitor, "/en/account/login/"),
    "password reset": lambda h: (h.visitor, "/en/account/password/reset/"),
    "new password": lambda h: (h.visitor, h.password_reset_link()),
    "confirmation again": lambda h: (h.visitor, "/en/account/confirm/new/"),
    "search": lambda h: (h.visitor, "/en/search/?q=traite"),
    "list filters": lambda h: (h.visitor, "/en/practices/"),
    "profile and tokens": lambda h: (h.person, h.profile_with_a_token()),
    "password change": lambda h: (h.person, "/en/account/password/"),
    "roster application": lambda h: (h.person, "/en/roster/apply/"),
    "new submission": lambda h: (h.person, f"/en/submissions/new/?call={CALL}"),
    "draft": lambda h: (h.person, f"/en/submissions/{h.draft.uuid}/edit/"),
    "answer to reviewers": lambda h: (
        h.person,
        f"/en/submissions/{h.revisions_requested.uuid}/edit/",
    ),
    "withdrawal": lambda h: (h.person, f"/en/submissions/{h.draft.uuid}/withdraw/"),
    "new call": lambda h: (h.staff, "/en/calls/new/"),
    "call edit": lambda h: (h.staff, f"/en/calls/{CALL}/edit/"),
    "screening": lambda h: (h.staff, f"/en/submissions/{h.screening.uuid}/manage/"),
    "decision": lambda h: (h.staff, f"/en/submissions/{h.reviewed.uuid}/manage/"),
    "roster applications": lambda h: (h.staff, "/en/roster/applications/"),
    "roster decision": lambda h: (h.staff, h.roster_application()),
    "import": lambda h: (h.staff, "/en/data/import/"),
    "item translation": lambda h: (
        h.staff,
        "/en/practices/brazil-labour-inspection/translations/?language=ar",
    ),
    "conflict declaration": lambda h: (
        signed_in(h.invited.reviewer),
        f"/en/reviews/{h.invited.pk}/",
    ),
    "review": lambda h: (
        signed_in(h.roster["extc"]),
        f"/en/reviews/{h.reviewed.rounds.get().assignments.get(reviewer=h.roster['extc']).pk}/",
    ),
}


def page_forms(client, address, *, first=False):
    """The page's forms; none once a step taken by the battery closed the page."""
    response = client.get(address, follow=True)
    if first:
        assert response.status_code == 200, address
    if response.status_code != 200:
        return []
    return sendings(response.request["PATH_INFO"], response.content)


def send(client, sending, data):
    if sending.method == "post":
        return client.post(sending.action, data, follow=True)
    return client.get(sending.action, data, follow=True)


def refused_fields(response) -> set[str]:
    """Fields the answer marks as wrong (every form field template sets aria-invalid)."""
    if "html" not in response.get("Content-Type", ""):
        return set()
    document = html.document_fromstring(response.content)
    return {e.get("name") for e in document.xpath("//*[@aria-invalid='true'][@name]")}


# Pages that show what a form saved, beyond the page the form leads to.
SHOWN_ON = {
    "draft": lambda h: [f"/en/submissions/{h.draft.uuid}/", "/en/dashboard/"],
    "new submission": lambda h: ["/en/dashboard/"],
    "answer to reviewers": lambda h: [f"/en/submissions/{h.revisions_requested.uuid}/"],
    "new call": lambda h: ["/en/calls/", "/en/"],
    "call edit": lambda h: ["/en/calls/", f"/en/calls/{CALL}/", "/en/"],
    "roster application": lambda h: ["/en/roster/apply/"],
    "screening": lambda h: [f"/en/submissions/{h.screening.uuid}/manage/"],
    "decision": lambda h: [f"/en/submissions/{h.reviewed.uuid}/manage/"],
    "review": lambda h: [f"/en/submissions/{h.reviewed.uuid}/manage/"],
}


def _saved_draft_title(hub):
    hub.draft.refresh_from_db()
    return hub.draft.content["title"]


# Where a form's accepted text is stored: proof that the pages above show saved text.
SAVED = {"draft": _saved_draft_title}


@pytest.mark.parametrize("page", FORM_PAGES)
def test_hostile_text_in_every_field_at_once_is_shown_inert(hub, page):
    client, address = FORM_PAGES[page](hub)
    assert page_forms(client, address, first=True), f"no form on {address}"
    for name, payload in PAYLOADS.items():
        for sending in page_forms(client, address):
            data = filled(sending, payload, names=set(sending.text_fields))
            assert_inert(send(client, sending, data), f"{page} {sending.action} {name}")


@pytest.mark.parametrize("page", FORM_PAGES)
def test_hostile_text_that_a_form_accepts_is_stored_and_shown_inert(hub, page):
    """Markup in every text field the form accepts it in (a field it refuses, such as an
    email address, is given back its value and the form sent again), so that what is
    saved reaches the pages that show it."""
    client, address = FORM_PAGES[page](hub)
    staff, count = hub.staff, len(page_forms(client, address, first=True))
    for name, payload in MARKUP_PAYLOADS.items():
        for index in range(count):
            current = page_forms(client, address)
            if index >= len(current):
                break  # a step taken closed the form
            sending = current[index]
            # An edit form: replace what it holds (optional parts left empty stay so);
            # a new one: fill everything.
            names = {n for n, v in sending.fields if v.strip() and n in sending.text_fields}
            names = names or set(sending.text_fields)
            while names:
                response = send(client, sending, filled(sending, payload, names=names))
                assert_inert(response, f"{page} {sending.action} {sorted(names)} {name}")
                refused = refused_fields(response) & names
                if not refused:
                    break
                names -= refused
        if page in SAVED and name == "script":  # later rounds may find the step taken
            assert SAVED[page](hub) == payload, "the battery's text was not saved"
        for shown_on in SHOWN_ON.get(page, lambda h: [])(hub):
            for reader in (client, staff):
                assert_inert(reader.get(shown_on), f"{shown_on} after {page} {name}")


@pytest.mark.parametrize("page", FORM_PAGES)
def test_hostile_values_for_every_choice_are_refused_without_a_server_error(hub, page):
    client, address = FORM_PAGES[page](hub)
    for name in ("attribute", "sql", "null_byte", "long"):
        for sending in page_forms(client, address):
            if not sending.choice_fields:
                continue
            data = filled(sending, PAYLOADS[name], names=set(sending.choice_fields))
            assert_inert(send(client, sending, data), f"{page} {sending.action} {name}")


def shown(name: str, fields: set[str]) -> bool:
    """The field is on the page, bare or with a form prefix ("fr-title")."""
    return any(f == name or f.endswith(f"-{name}") for f in fields)


def test_the_battery_reaches_every_form_of_the_hub(hub):
    """Each form class of the Hub has all its fields on one of the battery's pages."""
    from django import forms

    seen: list[set[str]] = []
    for page in FORM_PAGES.values():
        seen += [set(s.names) for s in page_forms(*page(hub))]
    missing = []
    for form_class in hub_form_classes():
        names = {n for n, f in form_class.base_fields.items() if not isinstance(f, forms.FileField)}
        if names and not any(all(shown(n, fields) for n in names) for fields in seen):
            missing.append(f"{form_class.__module__}.{form_class.__name__}: {sorted(names)}")
    assert not missing, "\n".join(missing)
