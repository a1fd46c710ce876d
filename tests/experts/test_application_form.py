"""Bad input in the application form: a clear message tied to the field, what was typed
kept, nothing saved; and no input at all can cause a server error."""

import re

import pytest
from django.core import mail
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gcmhub.experts.models import ExpertProfile
from tests.experts.conftest import form_data
from tests.pages import text

pytestmark = pytest.mark.usefixtures("demo")


def checked(page: str, name: str) -> list[str]:
    """The values of the ticked boxes or radio buttons named `name`."""
    return [
        re.search(r'value="([^"]*)"', tag).group(1)
        for tag in re.findall(rf'<input[^>]*name="{name}"[^>]*>', page)
        if re.search(r"\schecked[\s>]", tag)
    ]


@pytest.fixture
def applicant(client, make_user):
    user = make_user()
    client.force_login(user)
    return user


def test_missing_and_wrong_values_are_named_and_what_was_typed_is_kept(client, applicant):
    response = client.post(
        "/en/roster/apply/",
        form_data(
            objectives=None,
            languages=None,
            other_languages="",
            years_of_experience="many",
            motivation="I care about <b>migrants</b>",
        ),
    )
    assert response.status_code == 400
    page = response.content.decode()
    shown = text(response)
    assert "Choose at least one objective." in shown
    assert "Name at least one language you can review in." in shown
    assert "Enter a whole number of years, e.g. 8." in shown
    # Errors are tied to their fields, and the summary links to them
    assert 'id="id_years_of_experience_error"' in page
    assert 'aria-describedby="id_years_of_experience_error"' in page
    assert 'aria-invalid="true"' in page
    assert 'href="#id_objectives_0"' in page
    # What was typed stays, escaped
    assert 'value="many"' in page
    assert 'value="Observatorio de Migraciones"' in page
    assert "I care about &lt;b&gt;migrants&lt;/b&gt;</textarea>" in page
    assert checked(page, "regions") == ["americas"]
    assert checked(page, "is_un") == ["no"]
    assert checked(page, "themes") == ["human-rights"]
    assert not ExpertProfile.objects.exists()


def test_the_messages_are_in_the_users_language(client, applicant):
    response = client.post("/fr/roster/apply/", form_data(objectives=None))
    assert response.status_code == 400
    assert "Choisissez au moins un objectif." in text(response)


def test_unknown_choices_are_refused(client, applicant):
    response = client.post(
        "/en/roster/apply/",
        form_data(objectives=["99"], languages=["xx"], regions=["atlantis"], is_un="maybe"),
    )
    assert response.status_code == 400
    shown = text(response)
    assert "Choose objectives from the list." in shown
    assert "Choose languages from the list." in shown
    assert "Choose regions from the list." in shown
    assert "Answer yes or no." in shown
    assert not ExpertProfile.objects.exists()


def test_other_languages_alone_are_enough(client, applicant):
    response = client.post("/en/roster/apply/", form_data(languages=None, other_languages="Wolof"))
    assert response.status_code == 302
    profile = ExpertProfile.objects.get(user=applicant)
    assert profile.languages == [] and profile.other_languages == "Wolof"


def test_the_form_shows_an_existing_application(client, applicant):
    client.post("/en/roster/apply/", form_data())
    page = client.get("/en/roster/apply/").content.decode()
    assert 'value="Observatorio de Migraciones"' in page
    assert checked(page, "objectives") == ["7", "10"]
    assert "awaiting the curators" in page


FIELDS = [
    "objectives",
    "themes",
    "other_themes",
    "languages",
    "other_languages",
    "regions",
    "years_of_experience",
    "organisation",
    "is_un",
    "publications",
    "motivation",
]
VALUE = st.one_of(
    st.text(max_size=40),
    st.text(max_size=6000),
    st.sampled_from(["", "0", "-1", "71", "1e9", "10", "yes", "no", "fr", "americas", "\x00"]),
    st.lists(st.sampled_from(["1", "10", "99", "fr", "xx", "americas", "", "\x00a"]), max_size=5),
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    changes=st.dictionaries(st.sampled_from(FIELDS), st.none() | VALUE, max_size=len(FIELDS)),
    from_scratch=st.booleans(),
)
def test_no_input_causes_a_server_error_and_bad_input_saves_nothing(
    client, applicant, changes, from_scratch
):
    """A valid form with some fields changed, removed (None) or garbled; or only garble."""
    data = (
        {k: v for k, v in changes.items() if v is not None}
        if from_scratch
        else form_data(**changes)
    )
    before = ExpertProfile.objects.filter(user=applicant).count()
    response = client.post("/en/roster/apply/", data)
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert ExpertProfile.objects.filter(user=applicant).count() == before
        assert "Please correct the following:" in text(response)
    else:
        assert ExpertProfile.objects.filter(user=applicant).count() == 1
    ExpertProfile.objects.filter(user=applicant).delete()
    mail.outbox.clear()


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(note=st.text(max_size=4000), decision=st.text(max_size=10))
def test_no_decision_input_causes_a_server_error(client, make_user, apply_as, note, decision):
    from gcmhub.experts.models import RosterStatus

    profile = ExpertProfile.objects.filter(user__username="fuzz-applicant").first()
    if profile is None:
        profile = apply_as(make_user(username="fuzz-applicant"))
        client.force_login(make_user("curator"))
    ExpertProfile.objects.filter(pk=profile.pk).update(status=RosterStatus.APPLIED)
    response = client.post(
        f"/en/roster/applications/{profile.pk}/", {"note": note, "decision": decision}
    )
    assert response.status_code in (302, 400)
