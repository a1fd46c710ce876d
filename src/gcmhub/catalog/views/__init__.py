from gcmhub.catalog.views.browse import (
    country_detail,
    country_index,
    objective_detail,
    objective_index,
    principle_detail,
    principle_index,
    region_detail,
    region_index,
)
from gcmhub.catalog.views.items import item_detail, item_index
from gcmhub.catalog.views.search import search
from gcmhub.catalog.views.translations import item_translations

__all__ = [
    "country_detail",
    "country_index",
    "item_detail",
    "item_index",
    "item_translations",
    "objective_detail",
    "objective_index",
    "principle_detail",
    "principle_index",
    "region_detail",
    "region_index",
    "search",
]
