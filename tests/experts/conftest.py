import pytest

import gcmhub.notifications.actions as notification_actions
from gcmhub.experts.actions import expert_profile_apply
from gcmhub.taxonomy.models import Objective, Region


@pytest.fixture
def speaks(monkeypatch):
    """speaks(user, "fr"): notifications to this person are written in French. The
    accounts profile (built in parallel) will hold the language; until then the lookup
    `notify` makes is replaced for the people named here only."""
    chosen: dict[int, str] = {}
    original = notification_actions.recipient_language

    def language_of(user):
        return chosen.get(user.pk) or original(user)

    monkeypatch.setattr(notification_actions, "recipient_language", language_of)

    def set_language(user, language: str):
        chosen[user.pk] = language
        return user

    return set_language


def form_data(**overrides) -> dict:
    """What a person types into the application form (POST data)."""
    data = {
        "objectives": ["10", "7"],
        "themes": ["human-rights"],
        "other_themes": "Labour inspection",
        "languages": ["fr", "en"],
        "other_languages": "Portuguese",
        "regions": ["americas"],
        "years_of_experience": "12",
        "organisation": "Observatorio de Migraciones",
        "is_un": "no",
        "publications": "Labour migration in the Andes (2021)",
        "motivation": "I have inspected workplaces for ten years.",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def apply_as(db):
    """apply_as(user, objectives=[10], is_un=False, languages=["en"], regions=["americas"])
    → the user's profile, applied through the action (as the form would)."""

    def apply(
        user,
        *,
        objectives=(10,),
        is_un=False,
        languages=("en",),
        regions=(),
        years=10,
        organisation="Somewhere",
    ):
        return expert_profile_apply(
            actor=user,
            objectives=list(Objective.objects.filter(number__in=objectives)),
            themes=[],
            other_themes="",
            languages=list(languages),
            other_languages="",
            regions=list(Region.objects.filter(slug__in=regions)),
            years_of_experience=years,
            organisation=organisation,
            is_un=is_un,
            publications="",
            motivation="Because.",
        )

    return apply
