"""The six verbs. Each takes a checked `OaiRequest` and the response's root element,
appends its answer, or raises `OaiError`."""

import re
from datetime import UTC, datetime

from django.conf import settings
from lxml import etree

from gcmhub.catalog.models import Item, Kind, Status
from gcmhub.interop.oai.arguments import OaiError, OaiRequest
from gcmhub.interop.oai.formats import DC_NS, FORMATS, OAI_DC_NS, OAI_DC_SCHEMA, Context
from gcmhub.interop.oai.selectors import (
    Window,
    oai_earliest_change,
    oai_item,
    oai_page,
    oai_queryset,
    oai_records,
    oai_set_specs,
    oai_sets,
)
from gcmhub.interop.oai.tokens import Position, token_decode, token_encode
from gcmhub.interop.oai.xml import OAI_NS, XML_LANG, XSI_NS, datestamp, sub

N = f"{{{OAI_NS}}}"  # the OAI-PMH namespace, as lxml spells a tag
_SLUG = re.compile(r"[-a-zA-Z0-9_]+")


def oai_identifier(item: Item) -> str:
    return f"oai:{settings.GCMHUB_OAI_NAMESPACE}:{item.kind}/{item.slug}"


def _item_of(identifier: str) -> Item:
    prefix = f"oai:{settings.GCMHUB_OAI_NAMESPACE}:"
    kind, _sep, slug = identifier.removeprefix(prefix).partition("/")
    item = None
    if identifier.startswith(prefix) and kind in Kind.values and _SLUG.fullmatch(slug):
        item = oai_item(kind=kind, slug=slug)
    if item is None:
        raise OaiError("idDoesNotExist", "No item of this repository has that identifier.")
    return item


def _format(prefix: str):
    if prefix not in FORMATS:
        raise OaiError(
            "cannotDisseminateFormat", f"Formats: {', '.join(FORMATS)} (see ListMetadataFormats)."
        )
    return FORMATS[prefix]


def identify(request: OaiRequest, root, context: Context, base_url: str) -> None:
    answer = sub(root, f"{N}Identify")
    sub(answer, f"{N}repositoryName", "GCM Hub")
    sub(answer, f"{N}baseURL", base_url)
    sub(answer, f"{N}protocolVersion", "2.0")
    sub(answer, f"{N}adminEmail", settings.GCMHUB_ADMIN_EMAIL)
    earliest = oai_earliest_change() or datetime(1970, 1, 1, tzinfo=UTC)
    sub(answer, f"{N}earliestDatestamp", datestamp(earliest))
    sub(answer, f"{N}deletedRecord", "persistent")
    sub(answer, f"{N}granularity", "YYYY-MM-DDThh:mm:ssZ")
    sub(answer, f"{N}compression", "gzip")


def list_metadata_formats(request: OaiRequest, root, context: Context, base_url: str) -> None:
    if request.identifier is not None:
        item = _item_of(request.identifier)
        if item.status != Status.PUBLISHED:
            raise OaiError(
                "noMetadataFormats", "This item was withdrawn: only its deleted header remains."
            )
    answer = sub(root, f"{N}ListMetadataFormats")
    for metadata_format in FORMATS.values():
        element = sub(answer, f"{N}metadataFormat")
        sub(element, f"{N}metadataPrefix", metadata_format.prefix)
        sub(element, f"{N}schema", metadata_format.schema(context))
        sub(element, f"{N}metadataNamespace", metadata_format.namespace)


def list_sets(request: OaiRequest, root, context: Context, base_url: str) -> None:
    if request.resumption_token is not None:
        raise OaiError("badResumptionToken", "ListSets is answered whole: it gives no tokens.")
    answer = sub(root, f"{N}ListSets")
    for oai_set in oai_sets():
        element = sub(answer, f"{N}set")
        sub(element, f"{N}setSpec", oai_set.spec)
        sub(element, f"{N}setName", oai_set.name)
        description = sub(element, f"{N}setDescription")
        dc = etree.SubElement(
            description, f"{{{OAI_DC_NS}}}dc", nsmap={"oai_dc": OAI_DC_NS, "dc": DC_NS}
        )
        dc.set(f"{{{XSI_NS}}}schemaLocation", f"{OAI_DC_NS} {OAI_DC_SCHEMA}")
        for code, name in oai_set.names.items():
            sub(dc, f"{{{DC_NS}}}title", name).set(XML_LANG, code)


def _header(parent, item: Item, specs: list[str]) -> None:
    header = sub(parent, f"{N}header")
    if item.status != Status.PUBLISHED:
        header.set("status", "deleted")
    sub(header, f"{N}identifier", oai_identifier(item))
    sub(header, f"{N}datestamp", datestamp(item.updated_at))
    for spec in specs:
        sub(header, f"{N}setSpec", spec)


def _record(parent, item: Item, specs, record: Item | None, metadata_format, context) -> None:
    element = sub(parent, f"{N}record")
    _header(element, item, specs)
    if record is not None:
        metadata = sub(element, f"{N}metadata")
        metadata.append(metadata_format.write(record, context))


def get_record(request: OaiRequest, root, context: Context, base_url: str) -> None:
    metadata_format = _format(request.metadata_prefix)
    item = _item_of(request.identifier)
    specs = oai_set_specs([item.pk])[item.pk]
    record = oai_records([item]).get(item.pk)
    _record(sub(root, f"{N}GetRecord"), item, specs, record, metadata_format, context)


def _position(request: OaiRequest) -> Position:
    """Where a list starts: from the request's arguments, or from its resumption token."""
    if request.resumption_token is not None:
        return token_decode(request.resumption_token, verb=request.verb)
    return Position(
        verb=request.verb,
        metadata_prefix=request.metadata_prefix,
        set_spec=request.set_spec,
        from_=request.from_,
        until=request.until,
        after=None,
        cursor=0,
    )


def _list(request: OaiRequest, root, context: Context, *, with_metadata: bool) -> None:
    position = _position(request)
    metadata_format = _format(position.metadata_prefix)
    window = Window(
        set_spec=position.set_spec,
        start=position.from_.start if position.from_ else None,
        end=position.until.end if position.until else None,
    )
    items = oai_queryset(window)
    page_size = settings.GCMHUB_OAI_PAGE_SIZE
    page = [] if items is None else oai_page(items, after=position.after, limit=page_size + 1)
    if not page:
        # Also when what was left after a token has since gone back to draft.
        raise OaiError("noRecordsMatch", "No record matches these arguments.")
    more, page = len(page) > page_size, page[:page_size]
    specs = oai_set_specs([item.pk for item in page])
    answer = sub(root, f"{N}{request.verb}")
    if with_metadata:
        records = oai_records(page)
        for item in page:
            _record(answer, item, specs[item.pk], records.get(item.pk), metadata_format, context)
    else:
        for item in page:
            _header(answer, item, specs[item.pk])
    if more or position.after is not None:
        # The last page of a resumed list ends with an empty token (spec §3.5).
        seen = position.cursor + len(page)
        last = page[-1]
        text = None
        if more:
            text = token_encode(
                Position(
                    verb=position.verb,
                    metadata_prefix=position.metadata_prefix,
                    set_spec=position.set_spec,
                    from_=position.from_,
                    until=position.until,
                    after=(last.updated_at, last.pk),
                    cursor=seen,
                )
            )
        # Counted now: an estimate if items change during the harvest, as the spec allows.
        total = max(items.count(), seen)
        sub(answer, f"{N}resumptionToken", text, completeListSize=total, cursor=position.cursor)


def list_identifiers(request: OaiRequest, root, context: Context, base_url: str) -> None:
    _list(request, root, context, with_metadata=False)


def list_records(request: OaiRequest, root, context: Context, base_url: str) -> None:
    _list(request, root, context, with_metadata=True)


VERB_ANSWERS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "GetRecord": get_record,
    "ListIdentifiers": list_identifiers,
    "ListRecords": list_records,
}
