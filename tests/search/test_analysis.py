"""One analyser for both backends: folding, stop words and Snowball stems per language."""

from hypothesis import given
from hypothesis import strategies as st

from gcmhub.search.analysis import analyse, fold, query_stems
from gcmhub.search.query import Phrase, Prefix, Term, parse


def test_folding_removes_case_accents_and_ligatures():
    assert fold("Éradiquer l’ŒUVRE à Türkiye") == "eradiquer l’oeuvre a turkiye"


def test_word_forms_meet_on_one_stem_in_each_language():
    assert analyse("victimes", "fr") == analyse("victime", "fr")
    assert analyse("enfants", "fr") == analyse("enfant", "fr")
    assert analyse("tratas", "es") == analyse("trata", "es")
    assert analyse("trafficking", "en") == analyse("trafficked", "en")
    assert analyse("фермах", "ru") == analyse("ферма", "ru") == ["ферм"]
    assert analyse("المزارع", "ar") == analyse("مزارع", "ar")


def test_chinese_runs_become_overlapping_pairs_of_characters():
    assert analyse("农场劳动", "zh-hans") == ["农场", "场劳", "劳动"]
    assert analyse("GCM移民，中", "zh-hans") == ["gcm", "移民", "中"]
    query = parse("农场劳动")
    assert isinstance(query.required[0][0], Phrase)


def test_stop_words_are_not_indexed():
    assert analyse("la traite des enfants", "fr") == ["trait", "enfant"]
    assert analyse("the smuggling of migrants", "en") == ["smuggl", "migrant"]
    assert analyse("инспекции на фермах", "ru") == ["инспекц", "ферм"]


def test_a_query_word_stands_for_its_stem_in_every_query_language():
    assert analyse("victimes", "fr")[0] in query_stems("victimes")
    assert analyse("víctimas", "es")[0] in query_stems("victimas")


def test_the_query_syntax_is_read_leniently():
    query = parse('"traite des personnes" traf* -europe enfant OR child')
    kinds = [type(clause[0]) for clause in query.required]
    assert kinds == [Phrase, Prefix, Term]
    assert len(query.required[2]) == 2  # enfant OR child
    assert len(query.excluded) == 1


def terms_of(query) -> list[str]:
    terms = []
    for part in [p for clause in query.required for p in clause] + query.excluded:
        if isinstance(part, Term):
            terms += part.stems
        elif isinstance(part, Prefix):
            terms.append(part.prefix)
        else:
            terms += [w for variant in part.variants for w in variant]
    return terms


def test_fts_and_sql_syntax_become_plain_words_or_nothing():
    for text in ["NEAR(", "^", ":", "*", "AND", "OR", '"', "' OR 1=1 --", "\x00", ")))"]:
        assert all(t.isalnum() for t in terms_of(parse(text))), text
    assert terms_of(parse("NEAR( ^ : * AND OR")) == ["near"]


@given(st.text(max_size=300))
def test_parsing_never_fails_and_only_yields_letters_and_digits(text):
    assert all(t.isalnum() for t in terms_of(parse(text)))
