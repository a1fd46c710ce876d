"""The Hub's own words are translated one way in each catalogue (docs/glossary.md): every
message whose English uses a glossary term uses the chosen translation, and no message
uses a rejected variant. Forms are matched by stem, so plurals and cases still count."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.site.test_translation_catalogues import LOCALE

GLOSSARY_DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "glossary.md"


class Term:
    def __init__(self, english: str, chosen: dict[str, str], stems: dict[str, str], **rejected):
        self.english = english  # what the English source says (a regular expression)
        self.chosen = chosen  # language → the term as docs/glossary.md gives it
        self.stems = stems  # language → what every translation must contain (a regex)
        self.rejected = rejected  # language → variants no message may use (regexes)


GLOSSARY = {
    "curator": Term(
        r"\bcurator",
        {
            "fr": "responsable de contenu",
            "es": "curador",
            "ar": "قيّم على المحتوى",
            "zh_Hans": "内容管理员",
            "ru": "куратор",
        },
        {
            "fr": r"responsables? de contenu",
            "es": "curador",
            "ar": "قيّم",
            "zh_Hans": "内容管理员",
            "ru": "куратор",
        },
        fr=["curateur", "conservateur"],
        ar=["أمين المحتوى"],
        zh_Hans=["策展人"],
    ),
    "reviewer": Term(
        r"\breviewer",
        {
            "fr": "évaluateur",
            "es": "revisor",
            "ar": "مراجع",
            "zh_Hans": "评审员",
            "ru": "рецензент",
        },
        {"fr": "évaluat", "es": "revisor", "ar": "مراجع", "zh_Hans": "评审员", "ru": "рецензент"},
        fr=["relecteur", "examinateur"],
        es=["evaluador"],
        ar=["مستعرض", "مُستعرِض"],
        zh_Hans=["审稿人"],
    ),
    "peer review": Term(
        r"\bpeer[- ]review(?!s? roster)",
        {
            "fr": "évaluation par les pairs",
            "es": "revisión por pares",
            "ar": "مراجعة الأقران",
            "zh_Hans": "同行评审",
            "ru": "коллегиальное рецензирование",
        },
        {"fr": "pairs", "es": "pares", "ar": "الأقران", "zh_Hans": "同行评审", "ru": "рецензир"},
        ar=["استعراض"],
    ),
    "roster": Term(
        r"\broster\b",
        {
            "fr": "fichier d’experts",
            "es": "lista de expertos",
            "ar": "سجل الخبراء",
            "zh_Hans": "名册",
            "ru": "реестр",
        },
        {"fr": "fichier", "es": "lista", "ar": "سجل", "zh_Hans": "名册", "ru": "реестр"},
        fr=[r"\bregistre"],
    ),
    "call for practices": Term(
        r"\bcalls? for practices",
        {
            "fr": "appel à pratiques",
            "es": "convocatoria de prácticas",
            "ar": "دعوة لتقديم الممارسات",
            "zh_Hans": "征集做法",
            "ru": "призыв к представлению практик",
        },
        {
            "fr": "appels? à pratiques",
            "es": "convocatorias? de prácticas",
            "ar": "لتقديم الممارسات",
            "zh_Hans": "征集做法",
            "ru": r"призыв\w* к представлению практик",
        },
        zh_Hans=["实践征集"],
    ),
    "practice": Term(
        r"\bpractices?\b(?!,)",  # not in a list of kind codes
        {"fr": "pratique", "es": "práctica", "ar": "ممارسة", "zh_Hans": "做法", "ru": "практика"},
        {"fr": "pratique", "es": "práctica", "ar": "ممارس", "zh_Hans": "做法", "ru": "практик"},
        zh_Hans=["实践"],
    ),
    "submission": Term(
        r"\bsubmissions?\b",
        {"fr": "soumission", "es": "envío", "ar": "طلب", "zh_Hans": "提交", "ru": "заявка"},
        {"fr": "soumission", "es": "envío", "ar": "طلب", "zh_Hans": "提交", "ru": "заявк"},
        es=["propuesta"],
    ),
    "screening": Term(
        r"\bscreen(ing|ed)?\b",
        {
            "fr": "examen préliminaire",
            "es": "examen preliminar",
            "ar": "الفرز الأولي",
            "zh_Hans": "初审",
            "ru": "предварительная проверка",
        },
        {
            "fr": "examen préliminaire",
            "es": "examen preliminar",
            "ar": "فرز",
            "zh_Hans": "初审",
            "ru": r"предварительн\w+ проверк",
        },
    ),
    "the hub": Term(
        r"(?<!GCM )\bHub\b",  # "GCM Hub", the name, stays as it is
        {"fr": "le Hub", "es": "el Hub", "ar": "المنصة", "zh_Hans": "平台", "ru": "платформа"},
        {"fr": "Hub", "es": "Hub", "ar": "منص", "zh_Hans": "平台", "ru": "платформ"},
        ar=["المركز"],
        ru=["Хаб"],
    ),
}
LANGUAGES = ["fr", "es", "ar", "zh_Hans", "ru"]


def messages(language: str) -> list[tuple[str, list[str]]]:
    """(English, [translations]) for every message of a catalogue."""
    with (LOCALE / language / "LC_MESSAGES" / "django.po").open("rb") as f:
        catalogue = read_po(f)
    return [
        (
            " ".join(m.id) if isinstance(m.id, tuple) else m.id,
            list(m.string) if isinstance(m.string, tuple) else [m.string],
        )
        for m in catalogue
        if m.id
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_glossary_term_is_translated_the_chosen_way(language):
    problems = []
    for english, strings in messages(language):
        for name, term in GLOSSARY.items():
            stem = term.stems[language]
            if re.search(term.english, english, re.I) and not all(
                re.search(stem, s, re.I) for s in strings
            ):
                problems.append(f"{name} ≠ {term.chosen[language]}: {english[:70]!r}")
            problems += [
                f"{name}: rejected {variant!r} in {english[:70]!r}"
                for variant in term.rejected.get(language, [])
                for s in strings
                if re.search(variant, s, re.I)
            ]
    assert not problems, "\n".join(problems)


def test_the_check_catches_a_rejected_variant():
    term = GLOSSARY["reviewer"]
    assert any(re.search(variant, "ما الذي يفعله المُستعرِضون") for variant in term.rejected["ar"])
    assert not re.search(term.stems["fr"], "Relecteur", re.I)


def test_the_glossary_document_gives_every_chosen_term():
    document = GLOSSARY_DOCUMENT.read_text(encoding="utf-8")
    rows = {
        cells[0].lower(): cells[1:]
        for line in document.splitlines()
        if line.startswith("| ") and not line.startswith("| ---")
        for cells in [[cell.strip() for cell in line.strip("|").split("|")]]
    }
    for name, term in GLOSSARY.items():
        assert rows.get(name) == [term.chosen[code] for code in LANGUAGES], name
