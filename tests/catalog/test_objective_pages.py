"""What a newcomer sees on the objectives index and on Objectives 9 and 10."""

import pytest

from gcmhub.catalog.models import Item, Kind
from gcmhub.taxonomy.models import Objective, ObjectiveAction
from tests.pages import links, section, text

pytestmark = pytest.mark.usefixtures("demo")

OBJECTIVE_10_PRACTICES = {"california-ab-629", "project-protect", "brazil-labour-inspection"}


def practice_titles(language, slugs):
    return {
        Item.objects.get(slug=s).safe_translation_getter("title", language_code=language)
        for s in slugs
    }


def test_objectives_index_links_all_23_objectives(client):
    response = client.get("/en/objectives/")
    hrefs = {href for href, _ in links(response)}
    assert {f"/en/objectives/{n}/" for n in range(1, 24)} <= hrefs


def test_objective_10_in_french_shows_commitment_ten_actions_three_practices_and_sdgs(client):
    response = client.get("/fr/objectives/10/")
    assert response.status_code == 200
    page = text(response)
    objective = Objective.objects.get(number=10)
    assert objective.safe_translation_getter("commitment", language_code="fr") in page
    actions = section(response, "actions")
    for action in ObjectiveAction.objects.filter(objective=objective):
        assert f"GCM para. 26({action.letter})" in actions
        assert action.safe_translation_getter("summary", language_code="fr") in actions
    sdg = section(response, "sdg")
    assert "8.7" in sdg and "16.2" in sdg
    content = section(response, "content")
    assert "Pratiques (3)" in content
    for title in practice_titles("fr", OBJECTIVE_10_PRACTICES):
        assert title in content


def test_objective_9_in_english_shows_redtram_glo_act_and_sdg_16_4(client):
    response = client.get("/en/objectives/9/")
    content = section(response, "content")
    assert "REDTRAM" in content and "GLO.ACT" in content
    assert "16.4" in section(response, "sdg")


def test_objective_page_tabs_count_each_kind_and_show_the_chosen_one(client):
    objective = Objective.objects.get(number=10)
    expected = {
        kind: Item.objects.public().filter(kind=kind, objectives=objective).count()
        for kind in Kind.values
    }
    response = client.get("/en/objectives/10/?tab=document")
    tabs = {tab.value: tab.count for tab in response.context["tabs"]}
    assert tabs == {k: n for k, n in expected.items() if n}
    assert response.context["current_tab"] == "document"
    shown = {card.item.kind for card in response.context["results"].cards}
    assert shown == {"document"}


def test_unknown_objective_gives_a_404_page_in_the_readers_language(client):
    for path in ("/fr/objectives/24/", "/fr/objectives/0/", "/fr/objectives/abc/"):
        response = client.get(path)
        assert response.status_code == 404
        assert "Page introuvable" in text(response)
    response = client.get("/en/objectives/99/")
    assert response.status_code == 404
    assert "there is no objective 99" in text(response)
