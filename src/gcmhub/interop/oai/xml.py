"""XML helpers shared by the envelope and the metadata formats (lxml)."""

import re
from datetime import UTC, datetime

from lxml import etree

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# Characters XML 1.0 cannot carry at all (C0 controls but tab, CR, LF; surrogates; FFFE/FFFF).
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value) -> str:
    """Any value as text XML can carry: characters XML forbids are dropped."""
    return _NOT_XML.sub("", str(value))


def is_xml_safe(value: str) -> bool:
    return not _NOT_XML.search(value)


def sub(parent, tag: str, text=None, **attributes) -> etree._Element:
    """A child element; attributes whose value is None are left out."""
    element = etree.SubElement(parent, tag)
    for name, value in attributes.items():
        if value is not None:
            element.set(name, xml_text(value))
    if text is not None:
        element.text = xml_text(text)
    return element


def datestamp(moment: datetime) -> str:
    """A datestamp at the repository's granularity: seconds, in UTC, with Z."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
