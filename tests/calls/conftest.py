import pytest

from gcmhub.calls.models import Call
from gcmhub.taxonomy.models import Objective

SEEDED = "call-for-practices-trafficking-2024"


@pytest.fixture
def call_post():
    """call_post(**changes) → the POST data of a complete, valid call form."""

    def make(**changes):
        data = {
            "source_language": "en",
            "title": "Protecting children on the move",
            "theme": "Leave no child behind",
            "context": "Children are trafficked across borders.",
            "who_may_submit": "Member States and stakeholders.",
            "criteria": "Completed or nearly completed practices.",
            "objectives": [str(Objective.objects.get(number=10).pk)],
            "timezone": "Europe/Zurich",
            "opens_at": "2030-05-01T09:00",
            "deadline": "2030-06-24T23:59",
            "contact_url": "https://example.org/contact",
            "contact_email": "hub@example.org",
            "is_published": "on",
        }
        data.update(changes)
        return {key: value for key, value in data.items() if value is not None}

    return make


@pytest.fixture
def unpublished_call(demo):
    """A call saved but not published: its title must never reach a public page."""
    call = Call.objects.get(slug=SEEDED)
    draft = Call(
        slug="secret-draft-call",
        source_language="en",
        deadline=call.deadline.replace(year=2031),
        timezone="Asia/Tokyo",
        is_published=False,
    )
    draft.set_current_language("en")
    draft.title = "Zanzibarquux unpublished call"
    draft.theme = "Zanzibarquux theme"
    draft.save()
    draft.objectives.set(call.objectives.all())
    return draft
