"""The XSS and injection battery's tools: hostile inputs, every form a page shows filled
with them (fields read from the page itself, so a new field is covered without editing
the battery), and the check that an answer shows them only as inert text."""

import importlib
import pkgutil
from dataclasses import dataclass
from urllib.parse import urljoin

from django import forms
from lxml import html

import gcmhub

PAYLOADS = {
    "script": "<script>alert(1)</script>",
    "attribute": '"><img src=x onerror=alert(1)>',
    "javascript_url": "javascript:alert(1)",
    "sql": "' OR 1=1 --",
    "null_byte": "a%00b\x00c",
    "long": "Ω" * 5_000,
    "right_to_left_override": "\u202egnp.exe\u202c",
    "csv_formula": "=cmd|'/c calc'!A0",
}
# What a stored or reflected payload would become in a page if it were not escaped.
MARKUP_PAYLOADS = {k: PAYLOADS[k] for k in ("script", "attribute", "javascript_url")}

TEXT_INPUT_TYPES = {
    "text", "email", "url", "search", "tel", "number", "date", "time", "datetime-local",
    "password", "month", "week",
}  # fmt: skip
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "poster")


def injected_markup(content: bytes) -> list[str]:
    """Elements or attributes in an HTML answer that a payload created: any inline event
    handler (the Hub has none), a script with a body other than JSON-LD data, the
    payload's <img src=x>, or a javascript: address."""
    if not content.strip():
        return []
    found = []
    for element in html.document_fromstring(content).iter():
        if not isinstance(element.tag, str):
            continue  # comments, processing instructions
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                found.append(f"<{element.tag} {name}={value!r}>")
            if name.lower() in URL_ATTRIBUTES and value.strip().lower().startswith("javascript:"):
                found.append(f"<{element.tag} {name}={value!r}>")
        body = (element.text or "").strip() if element.tag == "script" else ""
        if body and (element.get("type") != "application/ld+json" or "alert(1)" in body):
            found.append(f"<script>{body[:80]}</script>")
        if element.tag == "img" and element.get("src") == "x":
            found.append("<img src=x>")
    return found


def assert_inert(response, where: str) -> None:
    """No server error, and no markup made from the input in an HTML answer."""
    assert response.status_code < 500, where
    if "html" in response.get("Content-Type", ""):
        assert not injected_markup(response.content), (where, injected_markup(response.content))


@dataclass
class Sending:
    """One way to send a form: its method, address and fields (name, value) in order."""

    method: str
    action: str
    fields: list[tuple[str, str]]
    text_fields: list[str]
    choice_fields: list[str]
    names: list[str]  # every named control, chosen or not


def _buttons(form) -> list[tuple[str, str] | None]:
    named = [
        (b.get("name"), b.get("value", ""))
        for b in form.xpath(".//button[@name] | .//input[@type='submit'][@name]")
    ]
    return named or [None]


def sendings(page_url: str, content: bytes, *, skip_actions=("/logout/",)) -> list[Sending]:
    """Every form of a page, once per named submit button, as a browser would send it
    untouched: hidden fields, checked boxes, chosen options, the button pressed."""
    document = html.document_fromstring(content)
    result = []
    for form in document.forms:
        action = urljoin(page_url, form.get("action") or page_url)
        if any(skip in action for skip in skip_actions):
            continue
        text_fields, choice_fields = [], []
        for element in form.inputs:
            if not element.name:
                continue
            kind = element.tag if element.tag != "input" else element.get("type", "text").lower()
            if kind == "textarea" or kind in TEXT_INPUT_TYPES:
                text_fields.append(element.name)
            elif kind in ("select", "checkbox", "radio"):
                choice_fields.append(element.name)
        if not text_fields and not choice_fields:
            continue
        values = [(n, v if v is not None else "") for n, v in form.form_values()]
        present = {n for n, _ in values}
        # form_values() leaves out empty text inputs of no value only if unnamed; keep
        # every text field present so each one is filled.
        values += [(n, "") for n in text_fields if n not in present]
        for button in _buttons(form):
            fields = [*values, button] if button else list(values)
            result.append(
                Sending(
                    (form.get("method") or "get").lower(),
                    action,
                    fields,
                    list(dict.fromkeys(text_fields)),
                    list(dict.fromkeys(choice_fields)),
                    [e.name for e in form.inputs if e.name] + [b[0] for b in _buttons(form) if b],
                )
            )
    return result


def filled(sending: Sending, payload: str, *, names: set[str]) -> dict[str, list[str]]:
    """The sending's fields with `payload` in each field named in `names`."""
    data: dict[str, list[str]] = {}
    for name, value in sending.fields:
        data.setdefault(name, []).append(payload if name in names else value)
    for name in names - set(data):
        data[name] = [payload]
    return data


def hub_form_classes() -> list[type[forms.BaseForm]]:
    """Every form class defined in the Hub's `forms` modules (not the admin's)."""
    for module in pkgutil.walk_packages(gcmhub.__path__, "gcmhub."):
        if module.name.endswith(".forms"):
            importlib.import_module(module.name)
    found, pending = [], [forms.BaseForm]
    while pending:
        for subclass in pending.pop().__subclasses__():
            pending.append(subclass)
            if subclass.__module__.startswith("gcmhub.") and subclass.__module__.endswith(".forms"):
                found.append(subclass)
    return found
