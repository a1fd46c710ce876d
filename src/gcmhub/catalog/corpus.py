"""A synthetic catalogue for benchmarks: realistic French, English and Spanish text
(word-pair chains trained on the Hub's own demo content and taxonomy), the real GCM
taxonomy, and a configurable number of items. Deterministic for a given seed.

Rows are written in bulk (core item, translations, tags), so items have no kind-specific
table rows: enough for lists and search, not for detail pages.
"""

import itertools
import json
import random
import re
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from django.db import transaction

from gcmhub.catalog.models import Item, ItemObjective, Kind, Scope, Status
from gcmhub.taxonomy.models import (
    Country,
    GuidingPrinciple,
    Objective,
    ObjectiveAction,
    Region,
    ResourceType,
    SDGTarget,
)

DEMO = Path(__file__).resolve().parent / "demo" / "content.json"
LANGUAGES = {"fr": 0.4, "en": 0.4, "es": 0.2}
KINDS = {
    Kind.DOCUMENT: 0.35,
    Kind.PRACTICE: 0.25,
    Kind.EVENT: 0.1,
    Kind.PROJECT: 0.15,
    Kind.TRAINING: 0.1,
    Kind.VIDEO: 0.05,
}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


class _Chain:
    """A word-pair Markov chain: each word followed by one seen after it in training."""

    def __init__(self, texts: list[str]):
        self.following: dict[str, list[str]] = defaultdict(list)
        self.starts: list[str] = []
        for text in texts:
            for sentence in _SENTENCE_END.split(text):
                words = sentence.split()
                if len(words) < 3:
                    continue
                self.starts.append(words[0])
                for a, b in itertools.pairwise(words):
                    self.following[a].append(b)

    def text(self, rng: random.Random, words: int) -> str:
        out: list[str] = []
        while len(out) < words:
            word = rng.choice(self.starts)
            out.append(word)
            while len(out) < words and self.following.get(word):
                word = rng.choice(self.following[word])
                out.append(word)
                if word.endswith("."):
                    break
        return " ".join(out).rstrip(",;:") + "."


def _training_texts() -> dict[str, list[str]]:
    texts: dict[str, list[str]] = defaultdict(list)
    data = json.loads(DEMO.read_text("utf-8"))
    for item in data["items"]:
        for language, fields in item["translations"].items():
            texts[language] += [fields.get("summary", ""), fields.get("body", "")]
        details = item.get("practice", {})
        texts[item["source_language"]] += [v for v in details.values() if isinstance(v, str)]
    for model, fields in (
        (Objective, ("title", "commitment", "introduction")),
        (ObjectiveAction, ("summary",)),
        (SDGTarget, ("label",)),
        (GuidingPrinciple, ("description",)),
    ):
        for obj in model.objects.prefetch_related("translations"):
            for t in obj.translations.all():
                texts[t.language_code] += [getattr(t, f) for f in fields]
    return {language: [t for t in texts[language] if t] for language in LANGUAGES}


def _weighted(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


@transaction.atomic
def corpus_generate(*, items: int, seed: int = 1, batch: int = 5000) -> int:
    """Add `items` synthetic items (about 95% published); returns the number added.
    The caller rebuilds the search index afterwards (`catalog_reindex_all`)."""
    rng = random.Random(seed)
    chains = {language: _Chain(texts) for language, texts in _training_texts().items()}
    objectives = list(Objective.objects.values_list("pk", flat=True))
    countries = list(Country.objects.values_list("pk", "region_id"))
    regions = list(Region.objects.values_list("pk", flat=True))
    principles = list(GuidingPrinciple.objects.values_list("pk", flat=True))
    targets = list(SDGTarget.objects.values_list("pk", flat=True))
    types = list(ResourceType.objects.values_list("pk", flat=True))
    translation_model = Item._parler_meta.root_model
    through = {
        name: getattr(Item, name).through
        for name in ("countries", "regions", "principles", "sdg_targets")
    }
    first = (Item.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    start_day = date(1995, 1, 1)

    for offset in range(0, items, batch):
        rows, translations, links = [], [], defaultdict(list)
        for n in range(offset, min(offset + batch, items)):
            pk = first + n
            kind = _weighted(rng, KINDS)
            language = _weighted(rng, LANGUAGES)
            tagged = rng.sample(countries, rng.choice((0, 0, 1, 1, 1, 2, 3)))
            scope = (
                Scope.GLOBAL
                if not tagged and rng.random() < 0.5
                else Scope.REGIONAL
                if not tagged
                else Scope.NATIONAL
                if len(tagged) == 1
                else Scope.MULTI_REGIONAL
            )
            rows.append(
                Item(
                    pk=pk,
                    kind=kind,
                    slug=f"synthetic-{pk}",
                    source_language=language,
                    date=start_day + timedelta(days=rng.randrange(11_300))
                    if rng.random() < 0.9
                    else None,
                    scope=scope,
                    resource_type_id=rng.choice(types) if kind == Kind.DOCUMENT else None,
                    status=Status.PUBLISHED if rng.random() < 0.95 else Status.DRAFT,
                    citation="Synthetic benchmark corpus",
                )
            )
            languages = [language] + (
                [rng.choice([lang for lang in LANGUAGES if lang != language])]
                if rng.random() < 0.3
                else []
            )
            for code in languages:
                chain = chains[code]
                translations.append(
                    translation_model(
                        master_id=pk,
                        language_code=code,
                        title=chain.text(rng, rng.randint(5, 12))[:300],
                        summary=chain.text(rng, rng.randint(20, 40)),
                        body=chain.text(rng, rng.randint(50, 110)),
                    )
                )
            for number, objective in enumerate(rng.sample(objectives, rng.choice((1, 1, 2, 3)))):
                links["objectives"].append(
                    ItemObjective(item_id=pk, objective_id=objective, is_primary=number == 0)
                )
            for country, _region in tagged:
                links["countries"].append(through["countries"](item_id=pk, country_id=country))
            if scope == Scope.REGIONAL:
                links["regions"].append(
                    through["regions"](item_id=pk, region_id=rng.choice(regions))
                )
            for principle in rng.sample(principles, rng.choice((0, 1, 2))):
                links["principles"].append(
                    through["principles"](item_id=pk, guidingprinciple_id=principle)
                )
            for target in rng.sample(targets, rng.choice((0, 1, 2))):
                links["sdg_targets"].append(through["sdg_targets"](item_id=pk, sdgtarget_id=target))
        Item.objects.bulk_create(rows)
        translation_model.objects.bulk_create(translations)
        ItemObjective.objects.bulk_create(links.pop("objectives"))
        for name, objects in links.items():
            through[name].objects.bulk_create(objects)
    return items
