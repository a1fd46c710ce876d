"""The coverage page counts approved UN and non-UN reviewers per objective, language and
region and names each gap in words; the review workflow gets reviewers best match first."""

import pytest

from gcmhub.experts.actions import expert_profile_approve, expert_profile_decline
from gcmhub.experts.selectors import reviewer_is_internal, roster_coverage, roster_reviewers
from tests.pages import text

pytestmark = pytest.mark.usefixtures("demo")


@pytest.fixture
def roster(make_user, apply_as):
    """Objective 10: one UN and two external reviewers (covered). Objective 7: two
    external (needs a UN reviewer). Objective 1: one UN (needs two external), plus a
    pending external application and a declined one, neither counted as approved."""
    curator = make_user("curator")
    people = {}

    def approved(name, **kwargs):
        user = make_user(username=name)
        people[name] = user
        expert_profile_approve(actor=curator, profile=apply_as(user, **kwargs))

    approved("un-a", objectives=(10, 1), is_un=True, languages=("fr", "en"), regions=("africa",))
    approved("ext-b", objectives=(10, 7), languages=("en",), regions=("africa",), years=20)
    approved("ext-c", objectives=(10, 7), languages=("en", "es"), regions=("africa", "europe"))
    apply_as(make_user(username="pending-d"), objectives=(1,), languages=("fr",))
    declined = apply_as(make_user(username="declined-e"), objectives=(1,), is_un=True)
    expert_profile_decline(actor=curator, profile=declined, note="No.")
    return people


def row(rows, key):
    return next(r for r in rows if r.key == key)


def test_coverage_counts_only_approved_reviewers_and_finds_the_gaps(roster):
    coverage = roster_coverage()
    assert coverage.approved == 3 and coverage.pending == 1
    assert len(coverage.objectives) == 23
    ten, seven, one, two = (row(coverage.objectives, k) for k in ("10", "7", "1", "2"))
    assert (ten.un, ten.external, ten.is_gap) == (1, 2, False)
    assert (seven.un, seven.external, seven.needs_un, seven.needs_external) == (0, 2, 1, 0)
    assert (one.un, one.external, one.pending, one.needs_external) == (1, 0, 1, 2)
    assert (two.un, two.external, two.needs_un, two.needs_external) == (0, 0, 1, 2)
    english, french, arabic = (row(coverage.languages, k) for k in ("en", "fr", "ar"))
    assert (english.un, english.external, english.is_gap) == (1, 2, False)
    assert (french.un, french.external, french.pending) == (1, 0, 1)
    assert (arabic.total, arabic.is_gap) == (0, True)
    assert len(coverage.languages) == 6
    africa, europe = row(coverage.regions, "africa"), row(coverage.regions, "europe")
    assert (africa.un, africa.external, africa.is_gap) == (1, 2, False)
    assert (europe.un, europe.external) == (0, 1)
    # 22 objectives, 5 languages and 4 regions cannot staff a round alone
    assert coverage.gaps == 22 + 5 + 4


def test_the_coverage_page_names_each_gap_in_words(client, make_user, roster):
    client.force_login(make_user("curator"))
    response = client.get("/en/roster/coverage/")
    page = response.content.decode()

    def line(key):
        start = page.index(f'id="cov-{key}"')
        return text_of(page[start : page.index("</tr>", start)])

    assert line("objectives-10").endswith("1 2 0 Covered")
    assert line("objectives-7").endswith("0 2 0 Gap: needs 1 more UN reviewer")
    assert line("objectives-1").endswith("1 0 1 Gap: needs 2 more reviewers from outside the UN")
    assert line("objectives-2").endswith(
        "0 0 0 Gap: needs 1 more UN reviewer and 2 more from outside the UN"
    )
    assert line("regions-europe").endswith(
        "0 1 0 Gap: needs 1 more UN reviewer and 1 more from outside the UN"
    )
    assert "3 approved reviewers. 1 application awaits a decision. 31 gaps." in text(response)
    # The names of reviewers are not on this page: it shows figures only
    assert "ext-b" not in page and "pending-d" not in page


def text_of(html_fragment):
    import re

    return " ".join(re.sub(r"<[^>]+>", " ", html_fragment).split())


def test_reviewers_come_best_match_first_with_their_un_flag(roster):
    reviewers = roster_reviewers(objective_numbers=[10, 7])
    names = [p.user.username for p in reviewers]
    # ext-b and ext-c match both; ext-b has more years; un-a matches one
    assert names == ["ext-b", "ext-c", "un-a"]
    assert [p.objectives_matched for p in reviewers] == [2, 2, 1]
    assert [p.is_un for p in reviewers] == [False, False, True]
    assert all(p.status == "approved" for p in reviewers)


def test_reviewers_can_be_limited_to_a_language(roster):
    assert [p.user.username for p in roster_reviewers(language="es")] == ["ext-c"]
    assert [p.user.username for p in roster_reviewers(objective_numbers=[1], language="fr")] == [
        "un-a"
    ]
    assert roster_reviewers(language="ar") == []


def test_reviewers_without_objectives_are_all_approved_ones(roster):
    assert {p.user.username for p in roster_reviewers()} == {"un-a", "ext-b", "ext-c"}


def test_only_an_approved_un_reviewer_is_internal(roster, make_user, apply_as):
    assert reviewer_is_internal(roster["un-a"])
    assert not reviewer_is_internal(roster["ext-b"])
    pending_un = make_user()
    apply_as(pending_un, is_un=True)
    assert not reviewer_is_internal(pending_un)
    from django.contrib.auth.models import AnonymousUser

    assert not reviewer_is_internal(AnonymousUser())


def test_the_applications_list_filters_by_status_objective_language_and_un(
    client, make_user, roster
):
    client.force_login(make_user("curator"))

    def listed(**query):
        response = client.get("/en/roster/applications/", query)
        assert response.status_code == 200
        return sorted(p.user.username for p in response.context["page"].object_list)

    assert listed() == ["pending-d"]
    assert listed(status="approved") == ["ext-b", "ext-c", "un-a"]
    assert listed(status="approved", objective="7") == ["ext-b", "ext-c"]
    assert listed(status="approved", un="yes") == ["un-a"]
    assert listed(status="", language="fr") == ["pending-d", "un-a"]
    assert listed(status="approved", region="europe") == ["ext-c"]
    assert listed(status="", q="declined") == ["declined-e"]
    # Bad values are dropped, not an error
    assert listed(status="nonsense", objective="99", language="xx", un="maybe") == [
        "declined-e",
        "ext-b",
        "ext-c",
        "pending-d",
        "un-a",
    ]
