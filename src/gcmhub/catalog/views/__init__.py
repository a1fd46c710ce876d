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

__all__ = [
    "country_detail",
    "country_index",
    "item_detail",
    "item_index",
    "objective_detail",
    "objective_index",
    "principle_detail",
    "principle_index",
    "region_detail",
    "region_index",
    "search",
]
