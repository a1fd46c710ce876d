"""The taxonomy is data, loaded idempotently: a second load changes nothing."""

import re

import pytest

from gcmhub.audit.models import AuditEntry, AuditEvent
from gcmhub.taxonomy.actions import taxonomy_load
from gcmhub.taxonomy.models import (
    Country,
    GuidingPrinciple,
    Objective,
    ObjectiveAction,
    Region,
    ResourceType,
    SDGTarget,
)

pytestmark = pytest.mark.django_db


def names(obj, field="name"):
    return {lang: obj.safe_translation_getter(field, language_code=lang) for lang in ("fr", "en")}


def test_all_23_objectives_have_french_and_english_names_and_their_paragraph():
    objectives = list(Objective.objects.all())
    assert [o.number for o in objectives] == list(range(1, 24))
    for o in objectives:
        assert o.paragraph == 16 + o.number
        for field in ("short_name", "title"):
            fr, en = names(o, field).values()
            assert fr and en, (o.number, field)
    ten = Objective.objects.get(number=10)
    assert ten.safe_translation_getter("short_name", language_code="fr") == (
        "Éradiquer la traite de personnes"
    )


def test_objectives_9_and_10_carry_their_commitment_and_every_action_in_both_languages():
    for number, letters in ((9, "abcdef"), (10, "abcdefghij")):
        objective = Objective.objects.get(number=number)
        assert all(names(objective, "commitment").values())
        actions = ObjectiveAction.objects.filter(objective=objective)
        assert "".join(a.letter for a in actions) == letters
        for action in actions:
            assert all(names(action, "summary").values())
            assert action.citation == f"GCM para. {objective.paragraph}({action.letter})"


def test_guiding_principles_regions_types_and_sdg_targets_are_complete():
    assert GuidingPrinciple.objects.count() == 10
    assert names(GuidingPrinciple.objects.get(slug="child-sensitive"))["fr"] == (
        "Adaptation aux besoins de l’enfant"
    )
    assert {r.m49 for r in Region.objects.all()} == {"002", "019", "142", "150", "009"}
    assert ResourceType.objects.count() == 12
    assert list(SDGTarget.objects.values_list("code", flat=True)) == [
        "5.2",
        "8.7",
        "8.8",
        "10.7",
        "16.1",
        "16.2",
        "16.3",
        "16.4",
        "17.16",
        "17.18",
    ]
    assert set(Objective.objects.get(number=9).sdg_targets.values_list("code", flat=True)) >= {
        "16.4"
    }


def test_every_listed_country_has_iso_codes_a_region_and_both_names():
    countries = list(Country.objects.select_related("region"))
    assert len(countries) == 195
    assert len({c.iso2 for c in countries}) == len({c.iso3 for c in countries}) == 195
    for c in countries:
        assert re.fullmatch(r"[A-Z]{2}", c.iso2) and re.fullmatch(r"[A-Z]{3}", c.iso3)
        assert all(names(c).values()), c.iso3
    brazil = Country.objects.get(iso3="BRA")
    assert (brazil.iso2, brazil.region.slug, names(brazil)["fr"]) == ("BR", "americas", "Brésil")


def test_loading_twice_changes_nothing_and_logs_nothing_new():
    audit_before = AuditEntry.objects.count()
    report = taxonomy_load()
    assert not report.changed, report.as_dict()
    assert AuditEntry.objects.count() == audit_before


def test_loading_restores_an_edited_label_and_audits_the_change():
    brazil = Country.objects.get(iso3="BRA")
    brazil.set_current_language("en")
    brazil.name = "Brasil"
    brazil.save()

    report = taxonomy_load()

    assert report.updated == {"countries": 1}
    assert names(Country.objects.get(iso3="BRA"))["en"] == "Brazil"
    entry = AuditEntry.objects.first()
    assert entry.event_type == AuditEvent.TAXONOMY_LOADED
    assert entry.snapshot["updated"] == {"countries": 1}
