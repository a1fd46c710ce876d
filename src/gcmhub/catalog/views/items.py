from django.db import models
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from gcmhub.catalog.models import KIND_MODELS, KIND_PATHS, KIND_PLURALS, Item
from gcmhub.catalog.permissions import can_translate_item
from gcmhub.catalog.selectors import item_get
from gcmhub.catalog.views.listing import listing, listing_context
from gcmhub.catalog.views.structured_data import item_json_ld, json_ld_script
from gcmhub.core.languages import choose_translation
from gcmhub.core.pagecache import cached_for_visitors

KIND_BY_PATH = {path: kind for kind, path in KIND_PATHS.items()}


@cached_for_visitors
def item_index(request, path):
    kind = KIND_BY_PATH[path]
    results = listing(request, fixed={"kind": kind})
    return render(
        request,
        "catalog/item_list.html",
        {
            "kind": kind,
            "heading": KIND_PLURALS[kind],
            **listing_context(results),
        },
    )


@cached_for_visitors
def item_detail(request, path, slug):
    kind = KIND_BY_PATH[path]
    item = item_get(kind=kind, slug=slug)
    if item is None:
        raise Http404(_("No published item has this address."))
    shown = choose_translation(
        item, language=request.LANGUAGE_CODE, source_language=item.source_language
    )
    organisation_links = list(item.organisation_links.all())
    url = request.build_absolute_uri(item.get_absolute_url())
    return render(
        request,
        "catalog/item_detail.html",
        {
            "json_ld": json_ld_script(item_json_ld(item, shown, url, organisation_links)),
            "item": item,
            "kind_path": path,
            "shown": shown,
            "kind_fields": kind_fields(item),
            "translations": sorted(t.language_code for t in item.translations.all()),
            "can_translate": can_translate_item(request.user, item),
            "objective_links": list(item.objective_links.all()),
            "organisation_links": organisation_links,
        },
    )


def kind_fields(item: Item) -> list[tuple[str, object, models.Field]]:
    """Every public field the item's kind adds to the core, as (label, value, field).
    Free-text fields are written in the item's source language (the template marks them).

    Generic on purpose: a field added to a kind shows on its page without a template
    edit, and fields a kind declares private never do.
    """
    model = KIND_MODELS[item.kind]
    private = getattr(model, "PRIVATE_FIELDS", ())
    rows = []
    for field in model._meta.local_fields:
        if field.primary_key or field.name in private or isinstance(field, models.ForeignKey):
            continue
        value = getattr(item, field.name)
        if value in (None, "", []):
            continue
        if field.choices:
            value = getattr(item, f"get_{field.name}_display")()
        rows.append((field.verbose_name, value, field))
    return rows
