"""Curators create and edit calls through the form; every save is audited; bad input
shows a message next to its field and the form keeps what was typed; two curators
editing the same call never silently lose a change."""

import datetime

import pytest

from gcmhub.audit.models import AuditEntry, AuditEvent
from gcmhub.calls.models import Call
from tests.calls.conftest import SEEDED
from tests.pages import text

pytestmark = pytest.mark.usefixtures("demo")


@pytest.fixture
def curator_client(client, make_user):
    client.force_login(make_user("curator"))
    return client


def edit_data(call, call_post, **changes):
    """The edit form's data as the page would post it (with the texts of every existing
    translation), with `changes` typed over it."""
    translations = {
        f"tr-{code}-title": call.safe_translation_getter("title", language_code=code)
        for code in call.get_available_languages()
        if code != call.source_language
    }
    return call_post(
        **{
            "version": str(call.version),
            "source_language": call.source_language,
            **translations,
            **changes,
        }
    )


def test_a_curator_creates_a_call_with_a_deadline_in_its_time_zone(curator_client, call_post):
    response = curator_client.post("/en/calls/new/", call_post())
    call = Call.objects.get(slug="protecting-children-on-the-move")
    assert response.status_code == 302 and response["Location"] == call.get_absolute_url()
    assert call.deadline == datetime.datetime(2030, 6, 24, 21, 59, tzinfo=datetime.UTC)
    assert call.opens_at == datetime.datetime(2030, 5, 1, 7, 0, tzinfo=datetime.UTC)
    assert call.timezone == "Europe/Zurich" and call.is_published
    assert call.safe_translation_getter("criteria", language_code="en").startswith("Completed")
    assert call.contact_email == "hub@example.org"
    entry = AuditEntry.objects.get(event_type=AuditEvent.CALL_CREATED, object_id=str(call.pk))
    assert entry.actor is not None and entry.snapshot["timezone"] == "Europe/Zurich"
    page = text(curator_client.get(call.get_absolute_url()))
    assert "The call is saved." in page and "11:59 p.m. (Europe/Zurich, UTC+02:00)" in page


def test_a_second_call_with_the_same_title_gets_its_own_address(curator_client, call_post):
    curator_client.post("/en/calls/new/", call_post())
    curator_client.post("/en/calls/new/", call_post())
    assert Call.objects.filter(slug__startswith="protecting-children-on-the-move").count() == 2
    assert Call.objects.filter(slug="protecting-children-on-the-move-2").exists()


def test_a_title_without_latin_letters_still_gets_an_address(curator_client, call_post):
    curator_client.post("/en/calls/new/", call_post(source_language="zh-hans", title="保护儿童"))
    call = Call.objects.get(translations__title="保护儿童")
    assert call.slug == "call" and call.source_language == "zh-hans"


def test_a_curator_edits_a_call_and_the_edit_is_audited(curator_client, call_post):
    call = Call.objects.get(slug=SEEDED)
    page = curator_client.get(f"/en/calls/{SEEDED}/edit/").content.decode()
    assert 'value="2024-06-24T23:59"' in page  # the deadline as the Zurich clocks show it
    assert '<option value="Europe/Zurich" selected>' in page
    response = curator_client.post(
        f"/en/calls/{SEEDED}/edit/",
        edit_data(call, call_post, title="Appel modifié", timezone="Pacific/Auckland"),
    )
    assert response.status_code == 302
    call.refresh_from_db()
    assert call.safe_translation_getter("title", language_code="fr") == "Appel modifié"
    assert call.timezone == "Pacific/Auckland" and call.version == 2
    assert AuditEntry.objects.filter(
        event_type=AuditEvent.CALL_UPDATED, object_id=str(call.pk)
    ).exists()


def test_the_edit_page_adds_changes_and_removes_translations(curator_client, call_post):
    call = Call.objects.get(slug=SEEDED)
    assert call.get_available_languages().count() == 3  # fr, with en and es translations
    data = edit_data(
        call,
        call_post,
        source_language="fr",
        title="Appel",
        **{
            "tr-en-title": "Call, revised",
            "add-language": "ru",
            "add-title": "Призыв",
            "add-criteria": "Завершённые практики.",
        },
    )
    assert curator_client.post(f"/en/calls/{SEEDED}/edit/", data).status_code == 302
    call = Call.objects.get(slug=SEEDED)
    assert call.safe_translation_getter("title", language_code="en") == "Call, revised"
    assert call.safe_translation_getter("criteria", language_code="ru") == "Завершённые практики."
    page = curator_client.get(f"/en/calls/{SEEDED}/edit/").content.decode()
    assert 'name="tr-ru-title"' in page and 'lang="ru"' in page
    assert '<option value="ru"' not in page.split('name="add-language"')[1].split("</select>")[0]

    data = edit_data(
        call, call_post, title="Appel", **{"tr-es-remove": "on", "tr-en-title": "Call"}
    )
    assert curator_client.post(f"/en/calls/{SEEDED}/edit/", data).status_code == 302
    call = Call.objects.get(slug=SEEDED)
    assert not call.has_translation("es") and call.has_translation("ru")


def test_texts_in_another_language_need_that_language_and_a_title(curator_client, call_post):
    call = Call.objects.get(slug=SEEDED)
    data = edit_data(call, call_post, **{"tr-en-title": "Call", "add-criteria": "Sin título"})
    response = curator_client.post(f"/en/calls/{SEEDED}/edit/", data)
    assert response.status_code == 200
    assert response.context["add_form"].errors.keys() == {"language", "title"}
    assert "Sin título" in response.content.decode()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": ""}, "title", "This field is required."),
        ({"deadline": "2030-04-01T12:00"}, "deadline", "The deadline must come after the opening."),
        (
            {"timezone": "Mars/Olympus_Mons"},
            "timezone",
            "Mars/Olympus_Mons is not a known time zone.",
        ),
        ({"contact_url": "not a url at all"}, "contact_url", "Enter a valid URL."),
        ({"contact_email": "nobody"}, "contact_email", "Enter a valid email address."),
        ({"contact_url": "", "contact_email": ""}, "contact_url", "Give a contact web address"),
        ({"deadline": "24/06/2030"}, "deadline", "Enter a valid date/time."),
        ({"deadline": "9999-12-31T23:59"}, "deadline", "Give a year between 1990 and 2200."),
        ({"objectives": []}, "objectives", "Choose at least one GCM objective."),
        # Zurich's clocks jump from 02:00 to 03:00 on 31 March 2030.
        (
            {"deadline": "2030-03-31T02:30", "opens_at": ""},
            "deadline",
            "does not exist in Europe/Zurich",
        ),
    ],
)
def test_bad_input_is_explained_at_its_field_and_the_typed_values_stay(
    curator_client, call_post, changes, field, message
):
    before = Call.objects.count()
    response = curator_client.post("/en/calls/new/", call_post(theme="Typed theme", **changes))
    assert response.status_code == 200 and Call.objects.count() == before
    form = response.context["form"]
    assert any(message in error for error in form.errors[field])
    body = response.content.decode()
    # The message is tied to its field, and listed in the summary with a link to it.
    assert f'id="id_{field}_error"' in body
    assert (
        f'aria-describedby="id_{field}_error"' in body
        or f'aria-describedby="id_{field}_helptext id_{field}_error"' in body
    )
    assert f'href="#id_{field}' in body
    assert 'value="Typed theme"' in body
    assert "<title>Error:" in body


def test_the_same_errors_are_explained_on_the_edit_page(curator_client, call_post):
    call = Call.objects.get(slug=SEEDED)
    response = curator_client.post(
        f"/en/calls/{SEEDED}/edit/",
        edit_data(call, call_post, timezone="Nowhere/Else", title="Kept title"),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["timezone"] == ["Nowhere/Else is not a known time zone."]
    assert 'value="Kept title"' in response.content.decode()
    assert Call.objects.get(slug=SEEDED).version == call.version


def test_two_curators_editing_the_same_call_never_lose_a_change(client, make_user, call_post):
    """Alice and Bob open the edit page; Bob saves first; Alice's save is refused with a
    clear message, her typing is kept, Bob's values are shown, and a second save wins."""
    call = Call.objects.get(slug=SEEDED)
    alice, bob = make_user("curator"), make_user("curator")
    client.force_login(bob)
    bobs = edit_data(call, call_post, title="Bob's title")
    assert client.post(f"/en/calls/{SEEDED}/edit/", bobs).status_code == 302

    client.force_login(alice)
    alices = edit_data(call, call_post, title="Alice's title")
    response = client.post(f"/en/calls/{SEEDED}/edit/", alices)
    assert response.status_code == 409
    assert (
        Call.objects.get(slug=SEEDED).safe_translation_getter("title", language_code="fr")
        == "Bob's title"
    )
    page = text(response)
    assert "Someone else saved this call while you were editing it" in page
    assert "Bob's title" in page  # what Bob saved, in the differences table
    body = response.content.decode()
    assert 'value="Alice&#x27;s title"' in body  # what Alice typed is still in the form
    assert f'name="version" value="{call.version + 1}"' in body

    # Having seen Bob's change, Alice saves again on purpose: now hers wins.
    again = dict(alices, version=str(call.version + 1))
    assert client.post(f"/en/calls/{SEEDED}/edit/", again).status_code == 302
    call = Call.objects.get(slug=SEEDED)
    assert call.safe_translation_getter("title", language_code="fr") == "Alice's title"
    assert (
        AuditEntry.objects.filter(
            event_type=AuditEvent.CALL_UPDATED, object_id=str(call.pk)
        ).count()
        == 2
    )


def test_a_call_whose_practices_are_published_stays_published(curator_client, call_post):
    from gcmhub.catalog.models import Practice

    call = Call.objects.get(slug=SEEDED)
    practice = Practice.objects.public().first()
    practice.call = call
    practice.save()
    data = edit_data(call, call_post, is_published=None)
    response = curator_client.post(f"/en/calls/{SEEDED}/edit/", data)
    assert response.status_code == 200
    assert "it stays public" in response.context["form"].errors["is_published"][0]
    assert Call.objects.get(slug=SEEDED).is_published
