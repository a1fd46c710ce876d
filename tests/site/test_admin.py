"""Curators manage the taxonomy and the content in the admin, and every save is audited."""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model

from gcmhub.audit.models import AuditEntry, AuditEvent
from gcmhub.catalog.models import Practice
from gcmhub.taxonomy.models import Country

pytestmark = pytest.mark.usefixtures("demo")


@pytest.fixture
def curator_client(client):
    user = get_user_model().objects.create_superuser("curator", "curator@example.org", "x")
    client.force_login(user)
    return client


def registered_models():
    return [
        m
        for m in admin.site._registry
        if m._meta.app_label in {"taxonomy", "catalog", "calls", "audit"}
    ]


def test_every_registered_model_has_a_working_list_and_change_page(curator_client):
    models = registered_models()
    assert {m.__name__ for m in models} >= {
        "Objective",
        "Country",
        "Region",
        "GuidingPrinciple",
        "ResourceType",
        "SDGTarget",
        "Practice",
        "Document",
        "Event",
        "Project",
        "Training",
        "Video",
        "Organisation",
        "Call",
        "AuditEntry",
    }
    for model in models:
        base = f"/en/admin/{model._meta.app_label}/{model._meta.model_name}/"
        listing = curator_client.get(base)
        assert listing.status_code == 200, base
        first = model.objects.first()
        if first is not None:
            change = curator_client.get(f"{base}{first.pk}/change/")
            assert change.status_code == 200, base


def test_a_curator_edits_a_practice_title_in_french_and_the_change_is_audited(curator_client):
    practice = Practice.objects.get(slug="brazil-labour-inspection")
    url = f"/en/admin/catalog/practice/{practice.pk}/change/?language=fr"
    form = curator_client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        {
            "title": "Brésil : inspection du travail (titre revu)",
            "countries": [c.pk for c in practice.countries.all()],
            "regions": [],
            "principles": [p.pk for p in practice.principles.all()],
            "sdg_targets": [t.pk for t in practice.sdg_targets.all()],
            "resource_type": "",
            "call": "",
            "period_start": "",
            "period_end": "",
            "date": practice.date or "",
        }
    )
    for prefix, related in (
        ("objective_links", practice.objective_links.all()),
        ("organisation_links", practice.organisation_links.all()),
        ("links", practice.links.all()),
    ):
        rows = list(related)
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": len(rows),
                f"{prefix}-INITIAL_FORMS": len(rows),
                f"{prefix}-MIN_NUM_FORMS": 0,
                f"{prefix}-MAX_NUM_FORMS": 1000,
            }
        )
        for i, row in enumerate(rows):
            data[f"{prefix}-{i}-id"] = row.pk
            data[f"{prefix}-{i}-item"] = practice.pk
            for field in row._meta.concrete_fields:
                if field.name not in ("id", "item"):
                    data[f"{prefix}-{i}-{field.name}"] = field.value_from_object(row)
    data = {k: ("on" if v is True else v) for k, v in data.items() if v is not False}

    response = curator_client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    practice.refresh_from_db()
    assert practice.safe_translation_getter("title", language_code="fr").endswith("(titre revu)")
    entry = AuditEntry.objects.filter(object_id=str(practice.pk)).first()
    assert entry.event_type == AuditEvent.ADMIN_CHANGED
    assert entry.actor.username == "curator"
    assert entry.snapshot["translations"]["fr"]["title"].endswith("(titre revu)")


def test_deleting_in_the_admin_is_audited_with_what_was_deleted(curator_client):
    country = Country.objects.create(iso2="QZ", iso3="QZZ", region=Country.objects.first().region)
    response = curator_client.post(
        f"/en/admin/taxonomy/country/{country.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(event_type=AuditEvent.ADMIN_DELETED)
    assert entry.snapshot["iso3"] == "QZZ"


def test_the_audit_log_cannot_be_edited_in_the_admin(curator_client):
    entry = AuditEntry.objects.first()
    assert curator_client.get("/en/admin/audit/auditentry/add/").status_code == 403
    page = curator_client.get(f"/en/admin/audit/auditentry/{entry.pk}/change/")
    assert b'name="_save"' not in page.content


def test_the_admin_is_closed_to_anonymous_visitors(client):
    response = client.get("/en/admin/catalog/practice/")
    assert response.status_code == 302 and "/login/" in response["Location"]
