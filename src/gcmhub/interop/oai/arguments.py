"""Reading an OAI-PMH request: which verb, which arguments, each checked (spec §3.1, §4).

Anything wrong raises `OaiError` with the protocol's error code; nothing here touches
the database. Checked values are the only ones a response ever echoes back.
"""

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from gcmhub.interop.oai.xml import is_xml_safe


class OaiError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


# verb → (required, optional, exclusive)
VERBS: dict[str, tuple[frozenset, frozenset, str | None]] = {
    "Identify": (frozenset(), frozenset(), None),
    "ListMetadataFormats": (frozenset(), frozenset({"identifier"}), None),
    "ListSets": (frozenset(), frozenset(), "resumptionToken"),
    "GetRecord": (frozenset({"identifier", "metadataPrefix"}), frozenset(), None),
    "ListIdentifiers": (
        frozenset({"metadataPrefix"}),
        frozenset({"from", "until", "set"}),
        "resumptionToken",
    ),
    "ListRecords": (
        frozenset({"metadataPrefix"}),
        frozenset({"from", "until", "set"}),
        "resumptionToken",
    ),
}

# The schema's own patterns (metadataPrefixType, setSpecType), ASCII only.
_PREFIX = re.compile(r"[A-Za-z0-9\-_.!~*'()]+")
_SET_SPEC = re.compile(r"[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SECOND = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
_TOKEN = re.compile(r"[A-Za-z0-9_\-]{1,2000}")
MAX_ARGUMENT_LENGTH = 1000


@dataclass(frozen=True)
class UtcBound:
    """A from/until value: what was sent, its granularity, and the instants it covers."""

    text: str
    granularity: str  # "day" | "second"
    start: datetime  # first instant covered
    end: datetime | None  # first instant no longer covered (None: end of time)


@dataclass
class OaiRequest:
    verb: str
    identifier: str | None = None
    metadata_prefix: str | None = None
    set_spec: str | None = None
    from_: UtcBound | None = None
    until: UtcBound | None = None
    resumption_token: str | None = None
    echo: dict[str, str] = field(default_factory=dict)  # checked arguments, as sent


def parse_utc(text: str) -> UtcBound:
    """`YYYY-MM-DD` or `YYYY-MM-DDThh:mm:ssZ`; both bounds are inclusive of what they name."""
    try:
        if _DAY.fullmatch(text):
            day = date.fromisoformat(text)
            start = datetime(day.year, day.month, day.day, tzinfo=UTC)
            step, granularity = timedelta(days=1), "day"
        elif _SECOND.fullmatch(text):
            start = datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
            step, granularity = timedelta(seconds=1), "second"
        else:
            raise ValueError(text)
    except ValueError:
        raise OaiError(
            "badArgument",
            f"{text!r} is not a date (YYYY-MM-DD) or a UTC time (YYYY-MM-DDThh:mm:ssZ).",
        ) from None
    try:
        end = start + step
    except OverflowError:
        end = None
    return UtcBound(text, granularity, start, end)


def parse_request(params) -> OaiRequest:
    """Read a QueryDict (GET query or POST form). Raises OaiError."""
    verbs = params.getlist("verb")
    if len(verbs) != 1 or verbs[0] not in VERBS:
        if not verbs:
            raise OaiError("badVerb", "The request has no verb.")
        if len(verbs) > 1:
            raise OaiError("badVerb", "The verb is repeated.")
        raise OaiError("badVerb", "Unknown verb. Verbs: " + ", ".join(VERBS) + ".")
    verb = verbs[0]
    required, optional, exclusive = VERBS[verb]
    allowed = required | optional | ({exclusive} if exclusive else set())
    names = [name for name in params if name != "verb"]
    for name in names:
        if name not in allowed:
            shown = name if is_xml_safe(name) and len(name) <= 60 else "(unreadable)"
            raise OaiError("badArgument", f"{verb} takes no argument {shown!r}.")
        if len(params.getlist(name)) > 1:
            raise OaiError("badArgument", f"The argument {name!r} is repeated.")
    values = {name: params.get(name) for name in names}
    if exclusive and exclusive in values:
        if len(values) > 1:
            raise OaiError("badArgument", f"{exclusive} is exclusive: send it alone with the verb.")
        token = values[exclusive]
        request = OaiRequest(verb=verb, resumption_token=token)
        request.echo = {"verb": verb}
        if _TOKEN.fullmatch(token):
            request.echo["resumptionToken"] = token
        return request
    missing = sorted(required - values.keys())
    if missing:
        raise OaiError("badArgument", f"{verb} needs {', '.join(missing)}.")
    for name, value in values.items():
        if len(value) > MAX_ARGUMENT_LENGTH:
            raise OaiError("badArgument", f"The argument {name!r} is too long.")
    return _checked(verb, values)


def _checked(verb: str, values: dict[str, str]) -> OaiRequest:
    request = OaiRequest(verb=verb)
    if "metadataPrefix" in values:
        if not _PREFIX.fullmatch(values["metadataPrefix"]):
            raise OaiError("badArgument", "metadataPrefix has characters no prefix has.")
        request.metadata_prefix = values["metadataPrefix"]
    if "set" in values:
        if not _SET_SPEC.fullmatch(values["set"]):
            raise OaiError("badArgument", "set is not a set spec (e.g. objective:10).")
        request.set_spec = values["set"]
    if "identifier" in values:
        identifier = values["identifier"]
        if not identifier or not is_xml_safe(identifier) or re.search(r"\s", identifier):
            raise OaiError("badArgument", "identifier is empty or has spaces or controls.")
        request.identifier = identifier
    if "from" in values:
        request.from_ = parse_utc(values["from"])
    if "until" in values:
        request.until = parse_utc(values["until"])
    if request.from_ and request.until:
        if request.from_.granularity != request.until.granularity:
            raise OaiError("badArgument", "from and until must have the same granularity.")
        if request.from_.start > request.until.start:
            raise OaiError("badArgument", "from comes after until.")
    request.echo = {"verb": verb, **values}
    return request
