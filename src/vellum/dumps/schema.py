"""Validating a dump against MediaWiki's export XSD without network access.

The XSDs import http://www.w3.org/2001/xml.xsd for xml:lang and xml:space; that import is
pointed at a minimal local copy of the two attribute declarations instead.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from lxml import etree

_XML_XSD = """<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           targetNamespace="http://www.w3.org/XML/1998/namespace" xml:lang="en">
  <xs:attribute name="lang" type="xs:language"/>
  <xs:attribute name="space">
    <xs:simpleType>
      <xs:restriction base="xs:NCName">
        <xs:enumeration value="default"/>
        <xs:enumeration value="preserve"/>
      </xs:restriction>
    </xs:simpleType>
  </xs:attribute>
</xs:schema>
"""


def load_schema(xsd: str | os.PathLike[str]) -> etree.XMLSchema:
    """The export schema at `xsd`, with the xml.xsd import resolved locally."""
    doc = etree.parse(str(xsd))
    with tempfile.TemporaryDirectory() as tmp:
        local = Path(tmp) / "xml.xsd"
        local.write_text(_XML_XSD)
        for imp in doc.getroot().iter("{http://www.w3.org/2001/XMLSchema}import"):
            if imp.get("namespace") == "http://www.w3.org/XML/1998/namespace":
                imp.set("schemaLocation", local.as_uri())
        return etree.XMLSchema(doc)
