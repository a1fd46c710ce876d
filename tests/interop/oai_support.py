"""Validating OAI-PMH answers offline against the committed schemas.

`tests/interop/schemas/` holds the OAI-PMH 2.0, oai_dc and simple Dublin Core schemas and
W3C's xml.xsd, each importing the others from this folder; the Hub's own format's schema
is the one it serves (`interop/static/oai/gcmhub-1.0.xsd`), its xml.xsd import pointed here.
No network is used: lxml's parser is told never to fetch.
"""

import tempfile
from functools import cache
from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).parent / "schemas"
GCMHUB_XSD = (
    Path(__file__).parents[2] / "src" / "gcmhub" / "interop" / "static" / "oai" / "gcmhub-1.0.xsd"
)
OAI = "{http://www.openarchives.org/OAI/2.0/}"
DC = "{http://purl.org/dc/elements/1.1/}"
G = "{https://w3id.org/gcmhub/oai/item/1.0}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PARSER = etree.XMLParser(no_network=True, resolve_entities=False)


@cache
def local_gcmhub_xsd() -> Path:
    """The served schema with its xml.xsd import pointed at the local copy (written once
    per test process, in its own temporary folder, so parallel workers never share it)."""
    text = GCMHUB_XSD.read_text().replace(
        'schemaLocation="http://www.w3.org/2001/xml.xsd"',
        f'schemaLocation="{(SCHEMAS / "xml.xsd").as_uri()}"',
    )
    assert "http://www.w3.org/2001/xml.xsd" not in text
    target = Path(tempfile.mkdtemp(prefix="gcmhub-oai-xsd-")) / "gcmhub-1.0.xsd"
    target.write_text(text)
    return target


def wrapper_xsd() -> str:
    """One schema importing OAI-PMH and both metadata formats, so `strict` metadata and
    set descriptions are validated too."""
    imports = {
        "http://www.openarchives.org/OAI/2.0/": SCHEMAS / "OAI-PMH.xsd",
        "http://www.openarchives.org/OAI/2.0/oai_dc/": SCHEMAS / "oai_dc.xsd",
        "https://w3id.org/gcmhub/oai/item/1.0": local_gcmhub_xsd(),
    }
    lines = "".join(
        f'<xs:import namespace="{ns}" schemaLocation="{path.as_uri()}"/>'
        for ns, path in imports.items()
    )
    return (
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        f'targetNamespace="urn:gcmhub:test:oai-wrapper">{lines}</xs:schema>'
    )


@cache
def oai_schema() -> etree.XMLSchema:
    document = etree.fromstring(
        wrapper_xsd().encode(), parser=PARSER, base_url=str(SCHEMAS / "wrapper.xsd")
    )
    return etree.XMLSchema(document)


def validate(body: bytes) -> etree._Element:
    """Parse an answer and validate it against the schemas; fails the test if invalid."""
    root = etree.fromstring(body, parser=PARSER)
    schema = oai_schema()
    if not schema.validate(root):
        raise AssertionError(f"invalid OAI-PMH answer: {schema.error_log}\n{body[:3000]!r}")
    return root


def error_codes(root) -> list[str]:
    return [error.get("code") for error in root.iter(f"{OAI}error")]
