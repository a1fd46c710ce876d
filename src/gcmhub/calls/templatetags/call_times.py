"""How a call's times read: in the call's own time zone, named, with its UTC offset, and
how long is left before the deadline."""

import zoneinfo

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gcmhub.calls.models import CallState

register = template.Library()


def _offset(moment) -> str:
    raw = moment.strftime("%z")  # "+0200"
    if raw in ("+0000", ""):
        return "UTC"
    return f"UTC{raw[:3]}:{raw[3:]}"


@register.simple_tag
def call_time(moment, zone_name: str, with_time: bool = True):
    """<time> for an instant, as the clocks of `zone_name` show it, naming the zone."""
    if moment is None:
        return ""
    local = moment.astimezone(zoneinfo.ZoneInfo(zone_name))
    # date_format, unlike the |date filter, keeps the zone we converted to.
    shown = date_format(local, "DATETIME_FORMAT" if with_time else "DATE_FORMAT")
    return format_html(
        '<time datetime="{}">{} ({}, {})</time>',
        local.isoformat(timespec="minutes"),
        shown,
        zone_name,
        _offset(local),
    )


@register.simple_tag
def call_countdown(call, now=None) -> str:
    """ "Closes in 3 days", "Closes in less than a day", "Closed on 24 June 2024"…"""
    now = now or timezone.now()
    state = call.state(now)
    if state == CallState.UPCOMING:
        days = (call.opens_at - now).days
        if days < 1:
            return _("Opens in less than a day")
        return ngettext("Opens in %(count)s day", "Opens in %(count)s days", days) % {"count": days}
    if state == CallState.OPEN:
        days = (call.deadline - now).days
        if days < 1:
            return _("Closes in less than a day")
        return ngettext("Closes in %(count)s day", "Closes in %(count)s days", days) % {
            "count": days
        }
    return _("Closed on %(date)s") % {"date": date_format(call.local_deadline, "DATE_FORMAT")}
