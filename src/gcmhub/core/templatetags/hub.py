"""Template helpers shared by every page: query-string links and language switching."""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.formats import date_format

from gcmhub.core.languages import LANGUAGE_AUTONYMS
from gcmhub.core.rich_text import rich_text_html

register = template.Library()


def _pairs(query, *, drop_param=None, drop_value=None, drop_page=True):
    for key in query:
        if drop_page and key == "page":
            continue
        for value in query.getlist(key):
            if key == drop_param and (drop_value is None or value == drop_value):
                continue
            yield key, value


@register.simple_tag(takes_context=True)
def toggle_filter(context, param, value):
    """The current query with `param=value` added, or removed if already there."""
    query = context["request"].GET
    value = str(value)
    if value in query.getlist(param):
        pairs = list(_pairs(query, drop_param=param, drop_value=value))
    else:
        pairs = [*_pairs(query), (param, value)]
    return "?" + urlencode(pairs)


@register.simple_tag(takes_context=True)
def without_filter(context, param, value=None):
    return "?" + urlencode(list(_pairs(context["request"].GET, drop_param=param, drop_value=value)))


@register.simple_tag(takes_context=True)
def with_page(context, number):
    return "?" + urlencode([*_pairs(context["request"].GET), ("page", str(number))])


@register.simple_tag(takes_context=True)
def with_sort(context, sort):
    pairs = [(k, v) for k, v in _pairs(context["request"].GET) if k != "sort"]
    return "?" + urlencode([*pairs, ("sort", sort)])


@register.simple_tag(takes_context=True)
def spelled_query(context, text):
    """The current query string with the words replaced by a suggested spelling."""
    pairs = [(k, v) for k, v in _pairs(context["request"].GET) if k != "q"]
    return urlencode([("q", text), *pairs])


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per interface language to this same page, query string kept."""
    request = context["request"]
    query = request.META.get("QUERY_STRING", "")
    links = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(request.path, code)
        links.append(
            {
                "code": code,
                "name": LANGUAGE_AUTONYMS.get(code, code),
                "url": f"{url}?{query}" if query else url,
                "current": code == request.LANGUAGE_CODE,
            }
        )
    return links


@register.filter
def precise_date(value, precision="day"):
    """A date shown only as far as it is known: "2019", "September 2018" or a full date."""
    if not value:
        return ""
    formats = {"year": "Y", "month": "YEAR_MONTH_FORMAT"}
    return date_format(value, formats.get(precision, "DATE_FORMAT"))


@register.filter
def autonym(code):
    return LANGUAGE_AUTONYMS.get(code, code)


@register.filter
def rich_text(value):
    """Show rich text: paragraphs for plain text, sanitised HTML for markup."""
    return rich_text_html(value or "")


@register.simple_tag
def field_widget(field):
    """A form field's control tied to its help text and errors, so screen readers read
    them with it (`aria-describedby`) and know when it is wrong (`aria-invalid`)."""
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}-help")
    if field.errors:
        described.append(f"{field.auto_id}-errors")
    attrs = {"aria-describedby": " ".join(described)} if described else {}
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)
