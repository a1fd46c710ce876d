"""Imports of resources and practices from CSV or JSON in the export's own schema.

Three steps: `import_parse` reads the bytes (size, encoding, format, columns) into raw
rows; `catalog_import` checks every row against the schema and the taxonomy, then
writes the good ones through `catalog.actions.catalog_load` (validation with
`full_clean`, audit entries, search index, all in one transaction). Every problem is
reported with its row and field; unless `partial`, one bad row means nothing is written.

The external id is the slug: importing a row whose slug exists updates that item, so
importing the same file twice changes nothing the second time.
"""

import csv
import io
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import PurePath

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from gcmhub.accounts.roles import is_curator
from gcmhub.audit.actions import audit_record
from gcmhub.audit.models import AuditEvent
from gcmhub.catalog.actions import catalog_load
from gcmhub.catalog.models import (
    Item,
    Kind,
    Organisation,
    OrganisationRole,
    PracticeType,
    Scope,
    Status,
)
from gcmhub.interop.csvcells import cell_value, unneutralise
from gcmhub.interop.exports import records
from gcmhub.interop.schema import (
    COLUMN_FIELDS,
    FIELDS,
    FIELDS_BY_NAME,
    FORMULA_STARTS,
    LANGUAGES,
    MAX_IMPORT_BYTES,
    REQUIRED,
    Field,
    fields_for,
)
from gcmhub.taxonomy.models import SDGTarget
from gcmhub.taxonomy.selectors import TaxonomyIndex, taxonomy_index

FORMATS = ("csv", "json", "ndjson")
_SLUG = re.compile(r"^[-a-z0-9_]+$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DECIMAL = re.compile(r"^-?\d{1,12}(\.\d{1,2})?$")
_url = URLValidator()


@dataclass
class Problem:
    row: int | None  # None: the whole file
    field: str
    message: str


@dataclass
class RawRow:
    number: int  # CSV: the spreadsheet row (the header is row 1); JSON: position from 1
    values: dict  # field name → JSON-shaped value, only the fields the file gives
    problems: list[Problem] = field(default_factory=list)

    def problem(self, field_name: str, message: str) -> None:
        self.problems.append(Problem(self.number, field_name, message))


@dataclass
class ParsedFile:
    name: str
    format: str = ""
    rows: list[RawRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # about the whole file


@dataclass
class ImportReport:
    name: str
    format: str = ""
    rows: int = 0
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: int = 0
    organisations_created: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    written: bool = False
    dry_run: bool = False
    partial: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        counts = _("%(created)d created, %(updated)d updated, %(unchanged)d unchanged") % {
            "created": len(self.created),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
        }
        if self.rejected:
            counts += ", " + ngettext(
                "%(count)d row rejected", "%(count)d rows rejected", self.rejected
            ) % {"count": self.rejected}
        if self.dry_run:
            return _("Dry run, nothing written: %(counts)s.") % {"counts": counts}
        if not self.written and self.problems:
            return _("Nothing written: %(counts)s.") % {"counts": counts}
        if not self.written:
            return _("Nothing to change: %(counts)s.") % {"counts": counts}
        return _("Written: %(counts)s.") % {"counts": counts}


def _size_text(size: int) -> str:
    return f"{size / 2**20:.1f}"


def import_size_problem(size: int) -> str:
    """The message refusing a file of `size` bytes, or ""."""
    if size > MAX_IMPORT_BYTES:
        return _("The file is %(size)s MB; an import takes at most %(limit)s MB.") % {
            "size": _size_text(size),
            "limit": _size_text(MAX_IMPORT_BYTES),
        }
    return ""


def _format_of(name: str, text: str) -> str:
    suffix = PurePath(name).suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    if suffix == "jsonl":
        return "ndjson"
    start = text.lstrip()[:1]
    if start == "[":
        return "json"
    if start == "{":
        return "ndjson"
    return "csv"


def import_parse(*, name: str, data: bytes) -> ParsedFile:
    """Read an uploaded or given file into raw rows, or say why it cannot be read."""
    parsed = ParsedFile(name=name)

    def refuse(message: str) -> ParsedFile:
        parsed.problems.append(Problem(None, "", message))
        return parsed

    if message := import_size_problem(len(data)):
        return refuse(message)
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        return refuse(
            _(
                "This is a spreadsheet workbook, not a CSV or JSON file: save it as "
                "“CSV UTF-8” and import that."
            )
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a byte-order mark, as some spreadsheets write
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return refuse(
            _(
                "The file is not UTF-8 text (line %(line)d has a byte UTF-8 does not allow). "
                "Save it with the UTF-8 encoding and import it again."
            )
            % {"line": line}
        )
    if "\x00" in text:
        return refuse(_("The file contains NUL characters: it is not a text file."))
    if not text.strip():
        return refuse(_("The file is empty."))
    parsed.format = _format_of(name, text)
    if parsed.format == "csv":
        _parse_csv(text, parsed)
    else:
        _parse_json(text, parsed)
    return parsed


def _parse_csv(text: str, parsed: ParsedFile) -> None:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except csv.Error as error:
        parsed.problems.append(
            Problem(None, "", _("The CSV header cannot be read: %(error)s") % {"error": error})
        )
        return
    header = [column.strip() for column in header]
    unknown = [c for c in header if c not in COLUMN_FIELDS]
    if unknown:
        parsed.problems.append(
            Problem(None, "", _("Unknown columns: %(columns)s.") % {"columns": ", ".join(unknown)})
        )
    repeated = sorted({c for c in header if header.count(c) > 1})
    if repeated:
        parsed.problems.append(
            Problem(
                None, "", _("Columns given twice: %(columns)s.") % {"columns": ", ".join(repeated)}
            )
        )
    names = {COLUMN_FIELDS[c][0].name for c in header if c in COLUMN_FIELDS}
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        columns = [
            f"{name}_…" if FIELDS_BY_NAME[name].type == "translated" else name for name in missing
        ]
        parsed.problems.append(
            Problem(None, "", _("Missing columns: %(columns)s.") % {"columns": ", ".join(columns)})
        )
    if parsed.problems:
        return
    number = 1
    try:
        for cells in reader:
            number += 1
            if not any(cell.strip() for cell in cells):
                continue  # blank lines, as spreadsheets leave at the end
            row = RawRow(number, {})
            parsed.rows.append(row)
            if len(cells) != len(header):
                row.problem(
                    "",
                    _("This row has %(cells)d cells; the header has %(columns)d.")
                    % {"cells": len(cells), "columns": len(header)},
                )
                continue
            for column, cell in zip(header, cells, strict=True):
                field_, language = COLUMN_FIELDS[column]
                if cell.startswith(FORMULA_STARTS):
                    row.problem(
                        column,
                        _(
                            "The cell starts with “%(char)s”, which a spreadsheet would run as a "
                            "formula; put an apostrophe (') before it if it is meant as text."
                        )
                        % {"char": cell[0].replace("\t", "tab").replace("\r", "CR")},
                    )
                    continue
                cell = unneutralise(cell)
                if language:
                    if cell:
                        row.values.setdefault(field_.name, {})[language] = cell
                    else:
                        row.values.setdefault(field_.name, {})
                else:
                    row.values[field_.name] = cell_value(field_, cell)
    except csv.Error as error:
        parsed.problems.append(
            Problem(
                None,
                "",
                _("The CSV cannot be read after row %(row)d: %(error)s")
                % {"row": number, "error": error},
            )
        )


def _parse_json(text: str, parsed: ParsedFile) -> None:
    objects: list = []
    if parsed.format == "json":
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as error:
            parsed.problems.append(Problem(None, "", _json_error(error)))
            return
        if isinstance(data, dict) and isinstance(data.get("items"), list):
            data = data["items"]
        if not isinstance(data, list):
            parsed.problems.append(
                Problem(
                    None, "", _("The JSON file must hold an array of items, as the export writes.")
                )
            )
            return
        objects = data
    else:
        for line_number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                objects.append(json.loads(line))
            except (json.JSONDecodeError, RecursionError) as error:
                parsed.problems.append(Problem(line_number, "", _json_error(error)))
                return
    for number, obj in enumerate(objects, start=1):
        row = RawRow(number, {})
        parsed.rows.append(row)
        if not isinstance(obj, dict):
            row.problem("", _("Each item must be a JSON object."))
            continue
        for key, value in obj.items():
            if key in FIELDS_BY_NAME:
                row.values[key] = value
            else:
                row.problem(str(key)[:64], _("Unknown field."))
        for name in REQUIRED:
            if name not in obj:
                row.problem(name, _("This field is required."))


def _json_error(error) -> str:
    if isinstance(error, RecursionError):
        return _("The JSON is nested too deeply.")
    return _("The file is not valid JSON: %(error)s (line %(line)d, column %(column)d).") % {
        "error": error.msg,
        "line": error.lineno,
        "column": error.colno,
    }


# ---------------------------------------------------------------------------------------
# Checking values


class _Vocabularies:
    def __init__(self, index: TaxonomyIndex):
        self.index = index
        self.sdg_targets = set(SDGTarget.objects.values_list("code", flat=True))

    def check(self, vocabulary: str, value):
        """The value as stored in a record, or None when the vocabulary has no such value."""
        index = self.index
        if vocabulary == "objective":
            number = value if isinstance(value, int) and not isinstance(value, bool) else None
            return number if number in index.objectives else None
        if not isinstance(value, str):
            return None
        return {
            "kind": lambda v: v if v in Kind.values else None,
            "status": lambda v: v if v in Status.values else None,
            "language": lambda v: v if v in LANGUAGES else None,
            "date_precision": lambda v: v if v in ("day", "month", "year") else None,
            "scope": lambda v: v if Scope.from_slug(v) else None,
            "principle": lambda v: v if v in index.principles else None,
            "region": lambda v: v if v in index.regions else None,
            "country": lambda v: v.upper() if v.upper() in index.countries else None,
            "sdg_target": lambda v: v if v in self.sdg_targets else None,
            "resource_type": lambda v: v if v in index.resource_types else None,
            "practice_type": lambda v: v if v in PracticeType.values else None,
        }[vocabulary](value)


_UNKNOWN = {
    "kind": gettext_lazy(
        "“%(value)s” is not a kind (practice, document, event, project, training, video)."
    ),
    "objective": gettext_lazy("“%(value)s” is not a GCM objective number (1–23)."),
    "country": gettext_lazy("“%(value)s” is not a known ISO 3166-1 alpha-3 country code."),
    "region": gettext_lazy("“%(value)s” is not a known region."),
    "principle": gettext_lazy("“%(value)s” is not a known guiding principle."),
    "sdg_target": gettext_lazy("“%(value)s” is not a known SDG target."),
    "resource_type": gettext_lazy("“%(value)s” is not a known resource type."),
    "language": gettext_lazy("“%(value)s” is not a language code (fr, en, es, ar, zh-hans, ru)."),
}


def _unknown(vocabulary: str, value) -> str:
    template = _UNKNOWN.get(vocabulary) or _("“%(value)s” is not an accepted value.")
    return str(template) % {"value": str(value)[:64]}


def _text(value, field_: Field, row: RawRow):
    if value is None:
        return ""
    if not isinstance(value, str):
        row.problem(field_.name, _("Expected text."))
        return None
    if field_.max_length and len(value) > field_.max_length:
        row.problem(
            field_.name,
            _("At most %(limit)d characters (this has %(length)d).")
            % {"limit": field_.max_length, "length": len(value)},
        )
        return None
    return value


def _check_value(field_: Field, value, row: RawRow, vocab: _Vocabularies):
    """Check one value; return it as a record holds it (problems are added to `row`)."""
    name, kind = field_.name, field_.type
    if kind == "code":
        if value in (None, "") and not field_.required:
            return ""
        good = vocab.check(field_.vocabulary, value)
        if good is None:
            row.problem(
                name,
                _unknown(field_.vocabulary, value)
                if value not in (None, "")
                else _("This field is required."),
            )
        return good
    if kind == "slug":
        if not isinstance(value, str) or not value:
            row.problem(name, _("This field is required."))
            return None
        if not _SLUG.match(value) or len(value) > 120:
            row.problem(
                name,
                _("“%(value)s” is not a slug: lower-case letters, digits and hyphens, at most 120.")
                % {"value": str(value)[:64]},
            )
            return None
        return value
    if kind == "text":
        return _text(value, field_, row)
    if kind == "url":
        text = _text(value, field_, row)
        if text:
            try:
                _url(text)
            except ValidationError:
                row.problem(name, _("“%(value)s” is not a web address.") % {"value": text[:64]})
                return None
        return text
    if kind == "date":
        if value in (None, ""):
            return None
        try:
            if not isinstance(value, str) or not _DATE.match(value):
                raise ValueError
            return date.fromisoformat(value).isoformat()
        except ValueError:
            row.problem(
                name,
                _("“%(value)s” is not a date written YYYY-MM-DD.") % {"value": str(value)[:64]},
            )
            return None
    if kind == "datetime":
        if value in (None, ""):
            return None
        try:
            if not isinstance(value, str) or not _DATE.match(value[:10]):
                raise ValueError
            moment = datetime.fromisoformat(value)
        except ValueError:
            row.problem(
                name,
                _("“%(value)s” is not a date and time (ISO 8601, e.g. 2024-07-30T09:00:00+00:00).")
                % {"value": str(value)[:64]},
            )
            return None
        return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC).isoformat()
    if kind == "integer":
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 2**31:
            row.problem(name, _("“%(value)s” is not a whole number.") % {"value": str(value)[:64]})
            return None
        return value
    if kind == "decimal":
        if value in (None, ""):
            return None
        text = (
            str(value)
            if isinstance(value, int | float | str) and not isinstance(value, bool)
            else ""
        )
        try:
            if not _DECIMAL.match(text):
                raise InvalidOperation
            return str(Decimal(text).quantize(Decimal("0.01")))
        except InvalidOperation:
            row.problem(
                name,
                _("“%(value)s” is not an amount such as 1500.00.") % {"value": str(value)[:64]},
            )
            return None
    if kind == "boolean":
        if value is None:
            return None if field_.nullable else False
        if not isinstance(value, bool):
            row.problem(name, _("“%(value)s” is not true or false.") % {"value": str(value)[:64]})
            return None
        return value
    if kind == "translated":
        if not isinstance(value, dict):
            row.problem(name, _("Expected an object from language code to text."))
            return None
        texts = {}
        for language, text in value.items():
            if language not in LANGUAGES:
                row.problem(name, _unknown("language", language))
            elif (good := _text(text, field_, row)) is not None:
                texts[language] = good
        return texts
    if kind == "codes":
        if not isinstance(value, list):
            row.problem(name, _("Expected a list."))
            return None
        codes = []
        for code in value:
            good = vocab.check(field_.vocabulary, code)
            if good is None:
                row.problem(name, _unknown(field_.vocabulary, code))
            elif good not in codes:
                codes.append(good)
        return codes
    if kind == "organisations":
        return _check_organisations(value, row)
    if kind == "links":
        return _check_links(value, row)
    raise AssertionError(kind)


def _check_organisations(value, row: RawRow):
    if not isinstance(value, list):
        row.problem("organisations", _("Expected a list."))
        return None
    entries = []
    for entry in value:
        if not isinstance(entry, dict):
            row.problem(
                "organisations",
                _("“%(value)s” is not written role:slug.") % {"value": str(entry)[:64]},
            )
            continue
        role, slug = entry.get("role"), entry.get("slug")
        if role not in OrganisationRole.values:
            row.problem(
                "organisations",
                _("“%(value)s” is not an organisation role.") % {"value": str(role)[:64]},
            )
            continue
        if not isinstance(slug, str) or not _SLUG.match(slug) or len(slug) > 50:
            row.problem(
                "organisations",
                _("“%(value)s” is not an organisation slug.") % {"value": str(slug)[:64]},
            )
            continue
        clean = {"role": role, "slug": slug}
        for key, limit in (("name", 255), ("acronym", 40)):
            texts = entry.get(key) or {}
            if not isinstance(texts, dict) or not all(
                lang in LANGUAGES and isinstance(t, str) and len(t) <= limit
                for lang, t in texts.items()
            ):
                row.problem(
                    "organisations",
                    _("The %(key)s of “%(slug)s” is not valid.") % {"key": key, "slug": slug},
                )
                texts = {}
            clean[key] = texts
        url = entry.get("url") or ""
        try:
            if url:
                _url(url)
        except (ValidationError, TypeError):
            row.problem(
                "organisations", _("“%(value)s” is not a web address.") % {"value": str(url)[:64]}
            )
            url = ""
        clean["url"] = url
        if any((e["slug"], e["role"]) == (slug, role) for e in entries):
            row.problem(
                "organisations", _("“%(value)s” is given twice.") % {"value": f"{role}:{slug}"}
            )
            continue
        entries.append(clean)
    return entries


def _check_links(value, row: RawRow):
    if not isinstance(value, list):
        row.problem("links", _("Expected a list."))
        return None
    links = []
    for entry in value:
        url = entry.get("url") if isinstance(entry, dict) else None
        label = entry.get("label") if isinstance(entry, dict) else None
        ok = isinstance(url, str) and isinstance(label, str) and label and len(label) <= 200
        try:
            if ok and len(url) <= 500:
                _url(url)
            else:
                ok = False
        except ValidationError:
            ok = False
        if not ok:
            row.problem(
                "links",
                _("“%(value)s” is not a web address followed by a label.")
                % {"value": str(entry)[:64]},
            )
            continue
        links.append({"url": url, "label": label})
    return links


def _check_row(row: RawRow, vocab: _Vocabularies, existing: dict[str, dict], seen: dict[str, int]):
    """The full record this row asks for (the item's current record with the row's
    fields laid over it), or None. Problems are added to the row."""
    checked = {}
    for name, value in row.values.items():
        checked[name] = _check_value(FIELDS_BY_NAME[name], value, row, vocab)
    slug, kind = checked.get("slug"), checked.get("kind")
    if slug:
        if slug in seen:
            row.problem("slug", _("This slug is already in row %(row)d.") % {"row": seen[slug]})
        seen.setdefault(slug, row.number)
    if not slug or not kind or row.problems:
        return None
    current = existing.get(slug)
    if current is not None and current["kind"] != kind:
        row.problem(
            "kind",
            _("The item “%(slug)s” is a %(kind)s; an import cannot change an item's kind.")
            % {"slug": slug, "kind": current["kind"]},
        )
        return None
    for name, value in checked.items():
        field_ = FIELDS_BY_NAME[name]
        if not field_.applies_to(kind) and value not in (None, "", [], {}, False):
            row.problem(name, _("A %(kind)s has no such field; leave it empty.") % {"kind": kind})
    record = dict(current) if current else {f.name: _default(f) for f in fields_for(kind)}
    for name, value in checked.items():
        if not FIELDS_BY_NAME[name].applies_to(kind):
            continue
        if FIELDS_BY_NAME[name].type == "translated":
            record[name] = {**record.get(name, {}), **value}
        else:
            record[name] = value
    for name in ("title", "summary", "body"):
        record.setdefault(name, {})
    titled = {language for language, text in record["title"].items() if text}
    if record["source_language"] not in titled:
        row.problem("title", _("The title in the item's source language is required."))
    for name in ("summary", "body"):
        extra = sorted(lang for lang, text in record[name].items() if text and lang not in titled)
        if extra:
            row.problem(
                name,
                _("Text in %(languages)s has no title in that language.")
                % {"languages": ", ".join(extra)},
            )
    overlap = set(record.get("objectives", [])) & set(record.get("objectives_secondary", []))
    if overlap:
        row.problem(
            "objectives_secondary",
            _("Objective %(number)s cannot be both main and secondary.") % {"number": min(overlap)},
        )
    if kind == Kind.DOCUMENT and not record.get("resource_type"):
        row.problem("resource_type", _("A document needs a resource type."))
    return None if row.problems else record


def _default(field_: Field):
    """What a new item has in a field the file leaves out."""
    if field_.name == "status":
        return Status.DRAFT
    if field_.name == "date_precision":
        return "day"
    if field_.type in ("codes", "organisations", "links"):
        return []
    if field_.type == "translated":
        return {}
    if field_.type in ("text", "url", "code", "slug"):
        return ""
    if field_.type == "boolean" and not field_.nullable:
        return False
    return None


def _load_row(record: dict, titled_only: bool = True) -> dict:
    """The structure `catalog_load` reads (the demo content's) for one record."""
    kind = record["kind"]
    languages = [lang for lang, text in record["title"].items() if text]
    details = {}
    for field_ in FIELDS:
        if len(field_.kinds) < len(Kind.values) and field_.applies_to(kind):
            value = record.get(field_.name)
            if field_.type == "datetime" and value:
                value = datetime.fromisoformat(value)
            elif value is None and field_.type in ("text", "url"):
                value = ""
            details[field_.name] = value
    if kind != Kind.DOCUMENT:
        details.pop("resource_type", None)
    if kind == Kind.EVENT:
        details["interpretation_languages"] = details.get("interpretation_languages") or []
    return {
        "kind": kind,
        "slug": record["slug"],
        "status": record.get("status") or Status.DRAFT,
        "source_language": record["source_language"],
        "translations": {
            lang: {name: record[name].get(lang, "") for name in ("title", "summary", "body")}
            for lang in languages
        },
        "date": record.get("date"),
        "date_precision": record.get("date_precision") or "day",
        "scope": record["scope"],
        "citation": record.get("citation") or "",
        "countries": record.get("countries", []),
        "regions": record.get("regions", []),
        "principles": record.get("principles", []),
        "sdg_targets": record.get("sdg_targets", []),
        "objectives": {
            "primary": record.get("objectives", []),
            "secondary": record.get("objectives_secondary", []),
        },
        "organisations": [
            {"org": o["slug"], "role": o["role"]} for o in record.get("organisations", [])
        ],
        "links": record.get("links", []),
        kind: details,
    }


def _new_organisations(record: dict, known: set[str]) -> list[dict]:
    rows = []
    for entry in record.get("organisations", []):
        if entry["slug"] in known:
            continue
        known.add(entry["slug"])
        names, acronyms = entry.get("name") or {}, entry.get("acronym") or {}
        languages = [lang for lang in LANGUAGES if names.get(lang)] or ["en"]
        rows.append(
            {
                "slug": entry["slug"],
                "url": entry.get("url") or "",
                "translations": {
                    lang: {
                        "name": names.get(lang) or entry["slug"],
                        "acronym": acronyms.get(lang, ""),
                    }
                    for lang in languages
                },
            }
        )
    return rows


class _Rollback(Exception):
    pass


def _error_messages(error) -> dict[str, list[str]]:
    if isinstance(error, ValidationError):
        return error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
    return {"": [_("This row could not be written: %(error)s") % {"error": str(error)[:200]}]}


def _field_of(key: str) -> str:
    return key if key in FIELDS_BY_NAME else {"url": "links", "label": "links"}.get(key, "")


def catalog_import(
    *, actor, parsed: ParsedFile, partial: bool = False, dry_run: bool = False, via: str = "page"
) -> ImportReport:
    """Check and write the rows of `parsed`. Curators only (`actor=None` is the command
    line, run by the operator). Without `partial`, nothing is written if any row is
    bad; `dry_run` checks everything and writes nothing."""
    if actor is not None and not is_curator(actor):
        raise PermissionDenied
    report = ImportReport(
        name=parsed.name,
        format=parsed.format,
        rows=len(parsed.rows),
        dry_run=dry_run,
        partial=partial,
    )
    report.problems += parsed.problems
    if parsed.problems:
        return report
    vocab = _Vocabularies(taxonomy_index())
    slugs = [row.values.get("slug") for row in parsed.rows]
    slugs = [s for s in slugs if isinstance(s, str)]
    existing_ids = (
        dict(Item.objects.filter(slug__in=slugs).values_list("slug", "pk")) if slugs else {}
    )
    existing = {}
    ids = list(existing_ids.values())
    for start in range(0, len(ids), 500):
        for record in records([ids[start : start + 500]], include_unpublished=True):
            existing[record["slug"]] = record
    seen: dict[str, int] = {}
    known_orgs = set(Organisation.objects.values_list("slug", flat=True))
    statuses: dict[str, int] = {}
    try:
        with transaction.atomic():
            for row in parsed.rows:
                record = _check_row(row, vocab, existing, seen)
                if record is None:
                    report.rejected += 1
                    report.problems += row.problems
                    continue
                organisations = _new_organisations(record, known_orgs)
                try:
                    with transaction.atomic():
                        load = catalog_load(
                            data={"organisations": organisations, "items": [_load_row(record)]},
                            actor=actor,
                            status=record.get("status") or Status.DRAFT,
                            source="import",
                        )
                except (ValidationError, ValueError, IntegrityError) as error:
                    for org in organisations:
                        known_orgs.discard(org["slug"])
                    report.rejected += 1
                    messages = _error_messages(error)
                    for key, texts in messages.items():
                        for text in texts:
                            report.problems.append(Problem(row.number, _field_of(key), text))
                    continue
                report.organisations_created += [o["slug"] for o in organisations]
                slug = record["slug"]
                if load.created.get("items"):
                    report.created.append(slug)
                elif load.updated.get("items"):
                    report.updated.append(slug)
                else:
                    report.unchanged.append(slug)
                if load.changed:
                    key = f"{record['kind']}:{record.get('status') or Status.DRAFT}"
                    statuses[key] = statuses.get(key, 0) + 1
            if (report.problems and not partial) or dry_run:
                raise _Rollback
            if report.created or report.updated:
                audit_record(
                    actor=actor,
                    event_type=AuditEvent.IMPORT_RUN,
                    snapshot={
                        "file": parsed.name[:200],
                        "format": parsed.format,
                        "via": via,
                        "partial": partial,
                        "rows": report.rows,
                        "created": len(report.created),
                        "updated": len(report.updated),
                        "unchanged": len(report.unchanged),
                        "rejected": report.rejected,
                        "organisations_created": report.organisations_created,
                        # "practice:published": practices made public by this import
                        "written_by_kind_and_status": statuses,
                    },
                )
            report.written = bool(report.created or report.updated)
    except _Rollback:
        report.written = False
    return report
