"""Every interface string has a translation in each catalogue: none missing, none fuzzy,
and each keeps the placeholders of its source. "None missing" is checked against the code:
the strings Django's makemessages extracts (needs GNU gettext) must all be in each catalogue."""

import io
import os
import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.tools import require_tool

LOCALE = Path(__file__).resolve().parents[2] / "src" / "gcmhub" / "locale"
CATALOGUES = sorted(LOCALE.glob("*/LC_MESSAGES/django.po"))
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{\{\s*(\w+)\s*\}\}")


def placeholders(text: str) -> set[str]:
    return {a or b for a, b in PLACEHOLDER.findall(text)}


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_the_catalogue_is_complete_and_keeps_placeholders(path):
    with path.open("rb") as f:
        catalogue = read_po(f)
    problems = []
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            problems.append(f"untranslated or fuzzy: {ids[0]!r}")
        elif placeholders(ids[-1]) != set().union(*(placeholders(s) for s in strings)):
            problems.append(f"placeholders differ: {ids[0]!r}")
    assert not problems, "\n".join(problems)


def test_there_is_a_french_catalogue():
    assert LOCALE / "fr" / "LC_MESSAGES" / "django.po" in CATALOGUES


SOURCE = LOCALE.parent


@pytest.fixture(scope="module")
def extracted_messages(tmp_path_factory):
    """What `makemessages` finds in the code: the template it extracts, read from a copy
    of the package so the real catalogues are never touched."""
    require_tool(
        all(shutil.which(program) for program in ("xgettext", "msguniq", "msgmerge")),
        "GNU gettext (xgettext, msguniq, msgmerge; Debian package `gettext`)",
    )
    from django.conf import settings
    from django.core.management import call_command
    from django.test import override_settings

    copy = tmp_path_factory.mktemp("extraction") / "gcmhub"
    shutil.copytree(SOURCE, copy, ignore=shutil.ignore_patterns("*.mo", "__pycache__"))
    assert settings.LOCALE_PATHS  # the copy's locale directory takes their place
    cwd = os.getcwd()
    try:
        os.chdir(copy)
        with override_settings(LOCALE_PATHS=[copy / "locale"]):
            call_command(
                "makemessages",
                locale=["fr"],
                keep_pot=True,
                no_location=True,
                no_obsolete=True,
                verbosity=0,
            )
    finally:
        os.chdir(cwd)
    # xgettext leaves the plural header of a template unfilled, which Babel refuses.
    text = (copy / "locale" / "django.pot").read_text(encoding="utf-8")
    text = text.replace("nplurals=INTEGER; plural=EXPRESSION", "nplurals=2; plural=(n != 1)")
    template = read_po(io.StringIO(text))
    return {message.id: message for message in template if message.id}


def test_makemessages_finds_the_interface_strings(extracted_messages):
    # Given the code, when its strings are extracted, then they include strings of
    # Python code, of templates and plural forms (so the comparison below means something).
    ids = {m if isinstance(m, str) else m[0] for m in extracted_messages}
    assert len(ids) > 500
    assert {"Sign in", "Save draft", "Decision on your practice: %(title)s"} <= ids
    assert any(isinstance(m, tuple) for m in extracted_messages)


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_the_catalogue_has_every_string_of_the_code(path, extracted_messages):
    # Given the strings makemessages extracts from the code, then each catalogue has
    # every one of them, with the same plural msgid.
    with path.open("rb") as f:
        catalogue = read_po(f)
    missing = []
    for message_id, message in extracted_messages.items():
        entry = catalogue.get(message_id, context=message.context)
        if entry is None or entry.id != message.id:
            missing.append(repr(message_id))
    assert not missing, (
        f"{len(missing)} string(s) of the code are missing from {path.relative_to(SOURCE)}; "
        "extract them (`cd src/gcmhub && ../../.venv/bin/gcmhub makemessages -l fr -l es -l ar "
        "-l zh_Hans -l ru --no-obsolete --no-location`), then translate them:\n"
        + "\n".join(sorted(missing))
    )
