"""A record's values as CSV cells and back, as `schema.TYPES` describes.

`record_to_row` and `row_to_record` are inverse for every record the exporter writes, so
export → import → export gives the same file.
"""

from gcmhub.interop.schema import ESCAPE, FIELDS, FORMULA_STARTS, LIST_SEPARATOR, Field


def neutralise(cell: str) -> str:
    """A cell a spreadsheet will show as text, never run as a formula."""
    if cell and (cell.startswith(FORMULA_STARTS) or cell.startswith(ESCAPE)):
        return ESCAPE + cell
    return cell


def unneutralise(cell: str) -> str:
    """Undo `neutralise`: drop the one apostrophe it added."""
    if len(cell) > 1 and cell.startswith(ESCAPE) and cell[1:].startswith((*FORMULA_STARTS, ESCAPE)):
        return cell[1:]
    return cell


def join_values(values: list[str]) -> str:
    return LIST_SEPARATOR.join(
        v.replace("\\", "\\\\").replace(LIST_SEPARATOR, "\\" + LIST_SEPARATOR) for v in values
    )


def split_values(cell: str) -> list[str]:
    if cell == "":
        return []
    values, current, chars = [], [], iter(cell)
    for char in chars:
        if char == "\\":
            current.append(next(chars, "\\"))
        elif char == LIST_SEPARATOR:
            values.append("".join(current))
            current = []
        else:
            current.append(char)
    values.append("".join(current))
    return values


def _cell(field: Field, value) -> str:
    kind = field.type
    if value is None:
        return ""
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "codes":
        return join_values([str(v) for v in value])
    if kind == "organisations":
        return join_values([f"{o['role']}:{o['slug']}" for o in value])
    if kind == "links":
        return join_values([f"{link['url']} {link['label']}" for link in value])
    return str(value)


def record_to_row(record: dict) -> list[str]:
    """The CSV cells of one record, in `schema.CSV_COLUMNS` order, neutralised."""
    cells = []
    for field in FIELDS:
        value = record.get(field.name)
        if field.type == "translated":
            texts = value or {}
            cells += [
                neutralise(texts.get(column[len(field.name) + 1 :], ""))
                for column in field.columns()
            ]
        else:
            cells.append(neutralise(_cell(field, value)))
    return cells


def cell_value(field: Field, cell: str):
    """The JSON-shaped value of one (already unneutralised) CSV cell. Values that do not
    parse are passed on as text so validation names them in its message."""
    kind = field.type
    if kind in ("date", "datetime", "integer", "decimal", "boolean") and cell.strip() == "":
        return None
    if kind == "boolean":
        return {"true": True, "false": False}.get(cell.strip().lower(), cell)
    if kind == "integer":
        return int(cell) if cell.strip().isdecimal() else cell
    if kind == "codes":
        values = [v.strip() for v in split_values(cell)]
        if field.vocabulary == "objective":
            return [int(v) if v.isdecimal() else v for v in values]
        return values
    if kind == "organisations":
        entries = []
        for entry in split_values(cell):
            role, sep, slug = entry.strip().partition(":")
            entries.append({"role": role.strip(), "slug": slug.strip()} if sep else entry)
        return entries
    if kind == "links":
        entries = []
        for entry in split_values(cell):
            url, _sep, label = entry.strip().partition(" ")
            entries.append({"url": url, "label": label.strip()})
        return entries
    return cell
