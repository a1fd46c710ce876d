"""Rich text written by people on the Hub: a small subset of HTML, sanitised by nh3
(Ammonia) both when it is stored and when it is shown."""

import nh3
from django.template.defaultfilters import linebreaks_filter
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "a", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}


def rich_text_clean(text: str) -> str:
    """The text with every tag, attribute and URL scheme outside the subset removed."""
    if "<" not in text and ">" not in text:
        return text
    return nh3.clean(
        text,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener",
    )


def rich_text_html(text: str) -> SafeString:
    """HTML for a page: plain text becomes paragraphs, markup is sanitised again."""
    if not text:
        return mark_safe("")
    if "<" not in text:
        return linebreaks_filter(text, autoescape=True)
    return mark_safe(rich_text_clean(text))
