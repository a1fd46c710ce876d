"""Search behaviour, the same on SQLite FTS5 and PostgreSQL (the suite runs on both)."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from gcmhub.catalog.actions import item_reindex
from gcmhub.catalog.models import Item, Practice, PracticeType, Scope, Status
from gcmhub.catalog.selectors import item_filters_parse, item_list, search_drift
from gcmhub.search.backends import backend
from gcmhub.taxonomy.selectors import taxonomy_index

pytestmark = pytest.mark.usefixtures("demo")


def practice(
    slug,
    *,
    title,
    summary="",
    body="",
    language="fr",
    status=Status.PUBLISHED,
    scope=Scope.NATIONAL,
    date=None,
) -> Practice:
    item = Practice(
        slug=slug,
        source_language=language,
        scope=scope,
        status=status,
        practice_type=PracticeType.PROGRAMME,
        date=date,
    )
    item.set_current_language(language)
    item.title, item.summary, item.body = title, summary, body
    item.save()
    item_reindex(item=item)
    return item


def found(text, **filters) -> list[str]:
    index = taxonomy_index()
    parsed = item_filters_parse({k: [v] for k, v in filters.items()}, index=index)
    results = item_list(filters=parsed, text=text, language="en", index=index, page_size=100)
    return [card.item.slug for card in results.cards]


def test_french_plural_finds_singular_and_back():
    practice("zz-victime", title="Accueil d'une victime isolée")
    assert "zz-victime" in found("victimes")
    practice("zz-enfants", title="Protection des enfants migrants")
    assert "zz-enfants" in found("enfant")


def test_spanish_word_forms_meet():
    practice("zz-tratas", title="Redes de tratas en la frontera", language="es")
    assert "zz-tratas" in found("trata")


def test_accents_and_case_do_not_matter():
    practice("zz-eradiquer", title="ÉRADIQUER le travail forcé")
    assert "zz-eradiquer" in found("eradiquer")
    assert "zz-eradiquer" in found("Éradiquer")


def test_a_quoted_phrase_needs_its_words_together():
    practice("zz-together", title="Lutte contre la traite des personnes vulnérables")
    practice("zz-apart", title="Traite: des personnes et des routes")
    results = found('"traite des personnes"')
    assert "zz-together" in results
    # "Traite: des personnes" analyses to the same consecutive stems, so it matches too;
    # what must not match is the words far apart:
    practice("zz-far", title="La traite touche des millions de personnes")
    assert "zz-far" not in found('"traite des personnes"')
    assert "zz-far" in found("traite personnes")


def test_prefix_exclusion_and_or():
    practice("zz-trafic", title="Trafic de migrants en mer", body="Europe")
    practice("zz-trafficking", title="Trafficking routes", body="Asia")
    assert {"zz-trafic", "zz-trafficking"} <= set(found("traf*"))
    assert "zz-trafic" not in found("traf* -europe")
    assert "zz-trafficking" in found("traf* -europe")
    practice("zz-mer", title="Sauvetage en mer")
    either = found("sauvetage OR trafficking")
    assert {"zz-mer", "zz-trafficking"} <= set(either)


def test_a_title_match_ranks_above_a_summary_match():
    practice(
        "zz-in-summary",
        title="Programme régional",
        summary="Un programme sur la xylophonie et la coopération.",
    )
    practice("zz-in-title", title="Xylophonie et coopération", summary="Un programme régional.")
    assert found("xylophonie")[:2] == ["zz-in-title", "zz-in-summary"]


def test_global_first_breaks_ties_in_relevance():
    practice("zz-local", title="Quokka", scope=Scope.LOCAL)
    practice("zz-global", title="Quokka", scope=Scope.GLOBAL)
    assert found("quokka") == ["zz-global", "zz-local"]


def test_unpublished_and_withdrawn_items_never_appear():
    draft = practice("zz-draft", title="Ornithorynque confidentiel", status=Status.DRAFT)
    assert found("ornithorynque") == []
    draft.status = Status.PUBLISHED
    draft.save()
    item_reindex(item=draft)
    assert found("ornithorynque") == ["zz-draft"]
    draft.status = Status.WITHDRAWN
    draft.save()
    item_reindex(item=draft)
    assert found("ornithorynque") == []
    assert found("", kind="practice").count("zz-draft") == 0


def test_the_index_changes_with_the_transaction_or_not_at_all():
    with pytest.raises(RuntimeError), transaction.atomic():
        practice("zz-rolled-back", title="Axolotl")
        assert found("axolotl") == ["zz-rolled-back"]
        raise RuntimeError("abandon the write")
    assert found("axolotl") == []
    assert not Item.objects.filter(slug="zz-rolled-back").exists()


def test_an_empty_query_lists_every_published_item_with_facets():
    index = taxonomy_index()
    results = item_list(
        filters=item_filters_parse({}, index=index), text="", language="en", index=index
    )
    assert results.total == Item.objects.public().count()
    kinds = next(f for f in results.facets if f.name == "kind")
    assert sum(v.count for v in kinds.values) == results.total


def test_drift_is_reported_and_a_rebuild_repairs_it(capsys):
    assert search_drift().clean
    item = Item.objects.get(slug="redtram")
    backend().replace(item.pk, None)  # the index loses an item behind the database's back
    drift = search_drift()
    assert drift.missing == {item.pk}
    with pytest.raises(CommandError):
        call_command("search_drift")
    call_command("search_rebuild")
    assert search_drift().clean
    assert "redtram" in found("REDTRAM")
    call_command("search_drift")
    assert "matches the database" in capsys.readouterr().out


def test_when_no_item_has_every_word_items_with_some_of_them_are_shown():
    practice("zz-capybara", title="Capybara et coopération")
    index = taxonomy_index()
    strict = item_list(
        filters=item_filters_parse({}, index=index), text="capybara", language="en", index=index
    )
    assert not strict.relaxed
    loose = item_list(
        filters=item_filters_parse({}, index=index),
        text="capybara zzzunknownword",
        language="en",
        index=index,
    )
    assert loose.relaxed
    assert [c.item.slug for c in loose.cards] == ["zz-capybara"]
    none = item_list(
        filters=item_filters_parse({}, index=index),
        text="zzzunknownword yyyunknown",
        language="en",
        index=index,
    )
    assert not none.relaxed and none.total == 0


def test_beyond_the_exact_ranking_limit_title_matches_come_first(monkeypatch):
    import gcmhub.catalog.selectors as selectors

    practice("zz-body-global", title="Rapport", body="Wombat wombat wombat.", scope=Scope.GLOBAL)
    practice("zz-title-local", title="Wombat", scope=Scope.LOCAL)
    practice("zz-title-national", title="Wombat et wombat", scope=Scope.NATIONAL)
    exact = found("wombat")
    monkeypatch.setattr(selectors, "RANK_EXACTLY_UP_TO", 2)
    tiered = found("wombat")
    assert sorted(tiered) == sorted(exact)
    assert set(tiered[:2]) == {"zz-title-local", "zz-title-national"}
    assert tiered[2] == "zz-body-global"
