"""Curators and a practice's submitter add translations of an item's title and summary;
each says whether a person or a machine made it and whether a curator reviewed it."""

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils.translation import gettext, override
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gcmhub.audit.models import AuditEntry
from gcmhub.catalog.actions import item_translation_review, item_translation_save
from gcmhub.catalog.models import Practice
from gcmhub.review import actions as workflow
from gcmhub.review.models import Submission, SubmissionState
from tests.html_check import html_errors
from tests.pages import LANGUAGES, links, text
from tests.review.conftest import (
    CONTENT,
    CRITERIA_ANSWERS,
    accept_and_publish,
    make_roster,
    review,
    to_review,
)

pytestmark = pytest.mark.usefixtures("demo")

SLUG = "brazil-labour-inspection"  # written in French, translated into English and Spanish
DETAIL = "/{}/practices/brazil-labour-inspection/"
PAGE = DETAIL + "translations/"
NOTICE = "Machine translation, not yet reviewed"


@pytest.fixture
def practice():
    return Practice.objects.get(slug=SLUG)


@pytest.fixture
def people(make_user, practice):
    """Everyone of the permission matrix. Sofia's submission is the published one that
    made the practice; Otto published another practice and only drafts an update of this
    one."""
    people = {
        "submitter": make_user("contributor", username="sofia", first_name="Sofia"),
        "contributor": make_user("contributor", username="cleo"),
        "other submitter": make_user("contributor", username="otto"),
        "reviewer": make_user("reviewer", username="rita"),
        "curator": make_user("curator", username="carla"),
    }
    published = SubmissionState.PUBLISHED
    Submission.objects.create(submitter=people["submitter"], practice=practice, state=published)
    Submission.objects.create(
        submitter=people["other submitter"],
        practice=Practice.objects.get(slug="redtram"),
        state=published,
    )
    Submission.objects.create(
        submitter=people["other submitter"], practice=practice, state=SubmissionState.DRAFT
    )
    return people


def signed_in(client, person):
    if person is not None:
        client.force_login(person)
    return client


def post(client, language="ru", title="Трудовые инспекции", summary="", origin="machine"):
    return client.post(
        PAGE.format("en"),
        {"language": language, "title": title, "summary": summary, "origin": origin},
    )


# ————— Who may —————


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        (None, False),
        ("contributor", False),
        ("other submitter", False),
        ("reviewer", False),
        ("submitter", True),
        ("curator", True),
    ],
)
def test_only_curators_and_the_practices_submitter_may_translate(
    client, people, practice, who, allowed
):
    client = signed_in(client, people.get(who))
    page = client.get(PAGE.format("en"))
    response = post(client, title="Проверка")
    detail = client.get(DETAIL.format("en"))
    if who is None:
        assert page.status_code == 302 and "/account/login/" in page["Location"]
        assert response.status_code == 302 and "/account/login/" in response["Location"]
    else:
        assert page.status_code == (200 if allowed else 403)
        assert response.status_code == (302 if allowed else 403)
    assert practice.translations.filter(language_code="ru").exists() == allowed
    translate_links = [href for href, _ in links(detail) if href.endswith("/translations/")]
    assert translate_links == ([PAGE.format("en")] if allowed else [])


def test_a_practices_submitter_translates_that_practice_only(client, people, practice):
    """Otto's draft update names this practice, yet gives no right to it; his published
    practice does."""
    otto = signed_in(client, people["other submitter"])
    assert practice.submissions.filter(submitter=people["other submitter"]).exists()
    assert otto.get(PAGE.format("en")).status_code == 403
    assert otto.get("/en/practices/redtram/translations/").status_code == 200


def test_publishing_a_practice_lets_its_submitter_translate_it(client, make_user):
    """Through the real workflow rather than a made-up submission row."""
    submitter = make_user("contributor", username="ines")
    curator = make_user("curator", username="cora")
    draft = workflow.submission_create(actor=submitter, content=CONTENT, criteria=CRITERIA_ANSWERS)
    round_one = to_review(draft, curator, make_roster(make_user))
    for assignment in round_one.assignments.all():
        review(assignment, "accept")
    practice = accept_and_publish(draft, curator)
    signed_in(client, submitter)
    detail = client.get(practice.get_absolute_url())
    translations_page = practice.get_absolute_url() + "translations/"
    assert translations_page in [href for href, _ in links(detail)]
    assert client.get(translations_page).status_code == 200


def test_a_withdrawn_item_has_no_translations_page(client, people, practice):
    practice.status = "withdrawn"
    practice.save()
    assert signed_in(client, people["curator"]).get(PAGE.format("en")).status_code == 404


def test_the_form_refuses_a_forged_request_without_its_csrf_token(people, practice):
    client = signed_in(Client(enforce_csrf_checks=True), people["submitter"])
    assert post(client).status_code == 403
    assert not practice.translations.filter(language_code="ru").exists()


def test_only_curators_mark_a_translation_reviewed(client, people, practice):
    save(people["submitter"], practice)
    signed_in(client, people["submitter"])
    assert "Mark the" not in text(client.get(PAGE.format("en")))
    assert client.post(PAGE.format("en"), {"review": "ru"}).status_code == 403
    with pytest.raises(PermissionDenied):
        item_translation_review(actor=people["submitter"], item=practice, language="ru")
    assert practice.translations.get(language_code="ru").reviewed is False
    signed_in(client, people["curator"])
    assert "Mark the Русский version reviewed" in text(client.get(PAGE.format("en")))
    assert client.post(PAGE.format("en"), {"review": "ru"}).status_code == 302
    assert practice.translations.get(language_code="ru").reviewed is True


def test_only_curators_change_the_original_text(client, people, practice):
    """The source language holds the reviewed original: a submitter changes it through
    an update of the practice, not here."""
    original = practice.translations.get(language_code="fr").title
    signed_in(client, people["submitter"])
    response = post(client, language="fr", title="Autre titre", origin="human")
    assert response.status_code == 200
    assert "The original text changes through an update of the practice." in text(response)
    assert practice.translations.get(language_code="fr").title == original
    signed_in(client, people["curator"])
    refused = post(client, language="fr", title="Titre corrigé", origin="machine")
    assert "The original text is written by a person." in text(refused)
    assert post(client, language="fr", title="Titre corrigé", origin="human").status_code == 302
    corrected = practice.translations.get(language_code="fr")
    assert (corrected.title, corrected.origin, corrected.reviewed) == (
        "Titre corrigé",
        "human",
        True,
    )


# ————— What it records —————


def save(actor, practice, language="ru", title="Трудовые инспекции", summary="", origin="machine"):
    item_translation_save(
        actor=actor, item=practice, language=language, title=title, summary=summary, origin=origin
    )
    return practice.translations.get(language_code=language)


def test_a_submitters_translation_waits_for_review_and_a_curators_does_not(people, practice):
    by_submitter = save(people["submitter"], practice, origin="human")
    assert (by_submitter.origin, by_submitter.reviewed) == ("human", False)
    by_curator = save(people["curator"], practice, language="ar", title="تفتيش العمل")
    assert (by_curator.origin, by_curator.reviewed) == ("machine", True)
    # The submitter correcting a reviewed translation sends it back to review.
    corrected = save(people["submitter"], practice, language="ar", title="تفتيش العمل في البرازيل")
    assert (corrected.title, corrected.reviewed) == ("تفتيش العمل في البرازيل", False)


def test_every_change_is_audited(people, practice):
    save(people["submitter"], practice)
    item_translation_review(actor=people["curator"], item=practice, language="ru")
    entries = AuditEntry.objects.filter(object_id=str(practice.pk), snapshot__has_key="change")
    entries = entries.order_by("pk")
    assert [(e.actor, e.snapshot["change"], e.snapshot["reviewed"]) for e in entries] == [
        (people["submitter"], "translation", False),
        (people["curator"], "review", True),
    ]


def test_reviewing_a_language_the_item_lacks_is_refused(client, people):
    signed_in(client, people["curator"])
    for language in ("ru", "xx", "\x00"):
        response = client.post(PAGE.format("en"), {"review": language}, follow=True)
        assert "There is no translation in this language to review." in text(response)


# ————— What readers see —————


NOTICE_RE = re.compile(r'<p class="notice translation-notice"[^>]*>(.*?)</p>', re.S)


def notice(response) -> str:
    """The text of the page's machine/review notice, "" when it has none."""
    found = NOTICE_RE.search(response.content.decode())
    return found.group(1).strip() if found else ""


@pytest.mark.parametrize(
    ("language", "title", "query"),
    [
        # Each found by a form the text does not hold: another case, the article, a
        # word inside an unspaced sentence, the singular.
        ("ru", "Трудовые инспекции на фермах Бразилии", "ферма"),
        ("ar", "تفتيش العمل في مزارع البرازيل", "المزارع"),
        ("zh-hans", "巴西咖啡农场的劳动检查", "农场"),
        ("es", "Inspecciones laborales en granjas cafetaleras", "cafetalera"),
    ],
)
def test_a_machine_translation_is_found_by_search_and_marked_on_its_page(
    client, people, practice, language, title, query
):
    save(people["submitter"], practice, language=language, title=title)
    found = client.get(f"/{language}/search/", {"q": query})
    assert DETAIL.format(language) in [href for href, _ in links(found)]
    page = client.get(DETAIL.format(language))
    assert title in text(page)
    with override(language):
        assert notice(page) == gettext(NOTICE)
    item_translation_review(actor=people["curator"], item=practice, language=language)
    with override(language):
        assert notice(client.get(DETAIL.format(language))) == gettext(
            "Machine translation, reviewed"
        )


def test_reviewing_a_persons_translation_clears_the_notice(client, people, practice):
    save(people["submitter"], practice, origin="human")
    assert notice(client.get(DETAIL.format("ru"))) != ""
    item_translation_review(actor=people["curator"], item=practice, language="ru")
    assert notice(client.get(DETAIL.format("ru"))) == ""


def test_a_translation_by_a_curator_carries_no_review_notice(client, people, practice):
    save(people["curator"], practice, origin="human")
    page = client.get(DETAIL.format("ru"))
    assert "Трудовые инспекции" in text(page) and notice(page) == ""


def test_the_english_page_still_shows_the_reviewed_english_text(client, people, practice):
    save(people["submitter"], practice)
    page = client.get(DETAIL.format("en"))
    assert notice(page) == "" and "Трудовые" not in text(page)


def test_the_api_says_how_the_shown_text_was_made(client, people, practice):
    save(people["submitter"], practice)
    data = client.get(f"/api/v1/practices/{SLUG}", {"lang": "ru"}).json()
    assert data["translation"] == {"language": "ru", "origin": "machine", "reviewed": False}
    data = client.get(f"/api/v1/practices/{SLUG}", {"lang": "en"}).json()
    assert data["translation"] == {"language": "en", "origin": "human", "reviewed": True}


def test_the_translators_name_is_never_public(client, people, practice):
    """Sofia's name and address stay in the audit log: not on pages, the API, feeds or
    exports."""
    save(people["submitter"], practice)
    surfaces = [
        client.get(DETAIL.format("ru")),
        client.get(f"/api/v1/practices/{SLUG}", {"lang": "ru"}),
        client.get("/ru/search/", {"q": "инспекции"}),
        client.get("/ru/search/feed/", {"q": "инспекции"}),
        client.get("/ru/search/export.json", {"q": "инспекции"}),
        client.get("/ru/search/export.csv", {"q": "инспекции"}),
    ]
    for response in surfaces:
        assert response.status_code == 200
        body = b"".join(response.streaming_content) if response.streaming else response.content
        body = body.decode()
        assert "Трудовые" in body or "\\u0422" in body  # JSON may escape the Cyrillic
        for private in ("Sofia", "sofia@example.org", "sofia"):
            assert private not in body


# ————— The form —————


@pytest.mark.parametrize(
    ("typed", "field", "message"),
    [
        ({"title": ""}, "title", "This field is required."),
        ({"language": "xx"}, "language", "Select a valid choice."),
        ({"title": "Т" * 301}, "title", "Ensure this value has at most 300 characters"),
        ({"summary": "С" * 2001}, "summary", "Ensure this value has at most 2000 characters"),
        ({"origin": "robot"}, "origin", "Select a valid choice."),
    ],
)
def test_bad_input_is_shown_beside_its_field_and_kept(
    client, people, practice, typed, field, message
):
    signed_in(client, people["submitter"])
    data = {
        "language": "ru",
        "title": "Трудовые инспекции",
        "summary": "Мой набранный текст",
        "origin": "human",
        **typed,
    }
    response = client.post(PAGE.format("en"), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == [field]
    assert message in " ".join(form.errors[field])
    body = response.content.decode()
    assert f'id="id_{field}-errors"' in body
    assert "Мой набранный текст" in body or field == "summary"
    assert not practice.translations.filter(language_code="ru").exists()


def test_a_language_link_opens_its_version_in_the_form(client, people):
    signed_in(client, people["submitter"])
    form = client.get(PAGE.format("en"), {"language": "es"}).context["form"]
    assert form.initial["language"] == "es" and form.initial["title"]


words = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", "ru", "zh-hans", "fr", "xx", "machine", "human", "\x00", "<b>"]),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.dictionaries(
        st.sampled_from(["language", "title", "summary", "origin", "review"]), words
    )
)
def test_the_form_never_fails_whatever_is_posted(client, people, data):
    signed_in(client, people["submitter"])
    assert client.post(PAGE.format("en"), data).status_code in (200, 302, 403)


def test_the_translations_page_is_valid_html(client, people, tmp_path):
    save(people["submitter"], Practice.objects.get(slug=SLUG))
    signed_in(client, people["curator"])
    pages = []
    for language in LANGUAGES:
        responses = [
            client.get(PAGE.format(language)),
            client.post(PAGE.format(language), {"language": "xx", "title": "", "origin": ""}),
            client.get(DETAIL.format("ru")),
        ]
        assert [r.status_code for r in responses] == [200, 200, 200]
        pages += [(f"{language}-translations", r.content) for r in responses]
    errors = html_errors(pages, tmp_path)
    assert not errors, "\n".join(errors[:40])
