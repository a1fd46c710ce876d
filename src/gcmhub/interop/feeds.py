"""Atom feeds: the latest published items, or those of any search and filter combination
(the same query string as /search/), newest first."""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from gcmhub.catalog.selectors import ItemPage, item_filters_parse, item_list
from gcmhub.taxonomy.selectors import taxonomy_index

FEED_SIZE = 50


@dataclass(frozen=True)
class FeedQuery:
    results: ItemPage
    query_string: str

    def with_query(self, path: str) -> str:
        return f"{path}?{self.query_string}" if self.query_string else path


class SearchFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request) -> "FeedQuery":
        # One Feed instance serves every request: per-request state travels in the
        # object Django passes back to each method, never on `self`.
        index = taxonomy_index()
        filters = item_filters_parse(request.GET, index=index)
        filters.sort = "newest"
        results = item_list(
            filters=filters,
            text=request.GET.get("q", ""),
            language=request.LANGUAGE_CODE,
            index=index,
            page_size=FEED_SIZE,
            facet_names=[],
        )
        return FeedQuery(results, request.META.get("QUERY_STRING", ""))

    def title(self, feed):
        if feed.results.query.text:
            return _("GCM Hub: %(q)s") % {"q": feed.results.query.text}
        return _("GCM Hub: latest practices and resources")

    def subtitle(self, feed):
        return _("Published items of GCM Hub, newest first.")

    def link(self, feed):
        return feed.with_query(reverse("catalog:search"))

    def feed_url(self, feed):
        return feed.with_query(reverse("interop:search-feed"))

    def items(self, feed):
        return feed.results.cards

    def item_title(self, card):
        return card.title

    def item_description(self, card):
        return card.summary

    def item_link(self, card):
        return card.item.get_absolute_url()

    def item_guid(self, card):
        return f"gcmhub:item:{card.item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, card):
        return card.item.published_at

    def item_updateddate(self, card):
        return card.item.updated_at

    def item_categories(self, card):
        return [str(objective) for objective in card.objectives]

    def item_extra_kwargs(self, card):
        return {"language": card.shown.language}
