"""Writer for MediaWiki's export format 0.11, byte for byte as MediaWiki 1.39's XmlDumpWriter.

Element order, indentation, attribute order and escaping follow XmlDumpWriter and Xml::element
(htmlspecialchars without quotes for text, Sanitizer::encodeAttribute for attributes). Two
deliberate differences keep content lossless: a carriage return in text is written as `&#13;`
(MediaWiki writes it raw and every XML parser turns it into a newline), and characters XML
cannot hold are replaced by U+FFFD (as MediaWiki's UtfNormal::cleanUp does). Vellum does not
apply Unicode NFC normalization on output (MediaWiki does; wiki text is NFC already).
"""

from __future__ import annotations

import ipaddress
import re
from typing import BinaryIO

from .model import (
    MAIN_ROLE,
    Contributor,
    Page,
    Revision,
    SiteInfo,
    Slot,
    Upload,
    format_timestamp,
    parse_timestamp,
)
from .sha1 import base36_sha1

VERSION = "0.11"

# ContentHandler::getDefaultFormat() of MediaWiki's and Wikibase's content models.
DEFAULT_FORMATS = {
    "wikitext": "text/x-wiki",
    "javascript": "text/javascript",
    "css": "text/css",
    "json": "application/json",
    "text": "text/plain",
    "sanitized-css": "text/css",
    "Scribunto": "text/plain",
    "wikibase-item": "application/json",
    "wikibase-property": "application/json",
    "wikibase-lexeme": "application/json",
    "wikibase-mediainfo": "application/json",
    "flow-board": "application/json",
    "MassMessageListContent": "application/json",
}

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    if _INVALID_XML.search(text):
        return _INVALID_XML.sub("\ufffd", text)
    return text


def escape_text(text: str) -> str:
    """htmlspecialchars(ENT_NOQUOTES), plus \\r as &#13; so it survives a re-read."""
    text = _clean(text)
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


def escape_attr(value: str) -> str:
    """Sanitizer::encodeAttribute: htmlspecialchars(ENT_QUOTES) and escaped whitespace."""
    return (
        _clean(value)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#039;")
        .replace("\n", "&#10;")
        .replace("\r", "&#13;")
        .replace("\t", "&#9;")
    )


def element(name: str, contents: str | None = "", attrs: dict[str, str] | None = None) -> str:
    """Xml::element: `<name a="v">contents</name>`, `<name a="v" />` when contents is ''."""
    out = "<" + name
    if attrs:
        out += "".join(f' {k}="{escape_attr(v)}"' for k, v in attrs.items())
    if contents is None:
        return out + ">"
    if contents == "":
        return out + " />"
    return f"{out}>{escape_text(contents)}</{name}>"


def is_ip(name: str) -> bool:
    """IPUtils::isValid: a dotted-quad IPv4 or an IPv6 address (no ranges)."""
    if "/" in name:
        return False
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def default_format(model: str | None, given: str | None = None) -> str:
    if model in DEFAULT_FORMATS:
        return DEFAULT_FORMATS[model]
    return given or "text/x-wiki"


class DumpWriter:
    """Writes a 0.11 dump to a binary stream: header, pages with revisions, footer.

    w = DumpWriter(out, siteinfo)
    w.open_page(page); w.write_revision(rev); w.close_page()
    w.close()
    """

    def __init__(self, out: BinaryIO, siteinfo: SiteInfo, *, version: str = VERSION) -> None:
        self.out = out
        self.version = version
        self._write(self.open_stream(siteinfo))

    def _write(self, s: str) -> None:
        self.out.write(s.encode("utf-8"))

    def open_stream(self, si: SiteInfo) -> str:
        ver = self.version
        root = element(
            "mediawiki",
            None,
            {
                "xmlns": f"http://www.mediawiki.org/xml/export-{ver}/",
                "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
                "xsi:schemaLocation": f"http://www.mediawiki.org/xml/export-{ver}/ "
                f"http://www.mediawiki.org/xml/export-{ver}.xsd",
                "version": ver,
                "xml:lang": si.lang or "en",
            },
        )
        spaces = "<namespaces>\n"
        for ns in si.namespaces:
            attrs = {"key": str(ns.key), "case": ns.case or si.case or "first-letter"}
            spaces += "      " + element("namespace", ns.name, attrs) + "\n"
        spaces += "    </namespaces>"
        info = [
            element("sitename", si.sitename),
            element("dbname", si.dbname),
            element("base", si.base),
            element("generator", si.generator),
            element("case", si.case or "first-letter"),
            spaces,
        ]
        return root + "\n  <siteinfo>\n    " + "\n    ".join(info) + "\n  </siteinfo>\n"

    def open_page(self, page: Page) -> None:
        out = "  <page>\n"
        out += "    " + element("title", page.title) + "\n"
        out += "    " + element("ns", str(page.ns or 0)) + "\n"
        out += "    " + element("id", str(page.id)) + "\n"
        if page.redirect:
            out += "    " + element("redirect", "", {"title": page.redirect}) + "\n"
        if page.restrictions:
            out += "    " + element("restrictions", page.restrictions) + "\n"
        self._write(out)

    def close_page(self) -> None:
        self._write("  </page>\n")

    @staticmethod
    def contributor(c: Contributor, indent: str = "      ") -> str:
        if c.deleted:
            return indent + element("contributor", "", {"deleted": "deleted"}) + "\n"
        name = c.name or ""
        uid = c.id or 0
        out = indent + "<contributor>\n"
        if uid or not is_ip(name):
            out += indent + "  " + element("username", name) + "\n"
            out += indent + "  " + element("id", str(uid)) + "\n"
        else:
            out += indent + "  " + element("ip", name) + "\n"
        return out + indent + "</contributor>\n"

    def _slot(self, slot: Slot, rev: Revision) -> str:
        is_main = slot.role == MAIN_ROLE
        indent = "      "
        out = ""
        if not is_main:
            out += "      <content>\n"
            indent += "  "
            out += indent + element("role", slot.role) + "\n"
        out += indent + element("origin", str(slot.origin or rev.id)) + "\n"
        model = slot.model or "wikitext"
        out += indent + element("model", model) + "\n"
        out += indent + element("format", default_format(model, slot.format)) + "\n"
        sha1 = slot.sha1() or ""
        if slot.text_deleted or slot.text is None:
            attrs = {"bytes": str(slot.size() or 0), "sha1": sha1}
            if slot.text_deleted:
                attrs["deleted"] = "deleted"
            out += indent + element("text", "", attrs) + "\n"
        else:
            data = slot.text
            attrs = {
                "bytes": str(len(data.encode("utf-8"))),
                "sha1": sha1,
                "xml:space": "preserve",
            }
            out += indent + element("text", data, attrs) + "\n"
        if not is_main:
            out += "      </content>\n"
        return out

    def write_revision(self, rev: Revision) -> None:
        out = "    <revision>\n"
        out += "      " + element("id", str(rev.id)) + "\n"
        if rev.parentid:
            out += "      " + element("parentid", str(rev.parentid)) + "\n"
        ts = format_timestamp(parse_timestamp(rev.timestamp))
        out += "      " + element("timestamp", ts) + "\n"
        out += self.contributor(rev.contributor)
        if rev.minor:
            out += "      <minor/>\n"
        if rev.comment_deleted:
            out += "      " + element("comment", "", {"deleted": "deleted"}) + "\n"
        elif rev.comment:
            out += "      " + element("comment", rev.comment) + "\n"
        main = rev.main
        out += self._slot(main, rev)
        for slot in sorted(rev.slots, key=lambda s: s.role):
            if slot.role != MAIN_ROLE:
                out += self._slot(slot, rev)
        if rev.text_deleted:
            out += "      <sha1/>\n"
        else:
            sha1 = rev.sha1 or rev.computed_sha1()
            out += ("      " + element("sha1", sha1) + "\n") if sha1 else "      <sha1/>\n"
        out += "    </revision>\n"
        self._write(out)

    def write_upload(self, up: Upload) -> None:
        """XmlDumpWriter::writeUpload (MediaWiki writes these only with --uploads)."""
        if up.contributor.deleted or up.contributor.name is None:
            uploader = element("contributor", "", {"deleted": "deleted"}) + "\n"
        else:
            uploader = self.contributor(up.contributor)
        if up.comment:
            comment = element("comment", up.comment)
        else:
            comment = element("comment", "", {"deleted": "deleted"})
        out = "    <upload>\n"
        out += "      " + element("timestamp", format_timestamp(parse_timestamp(up.timestamp)))
        out += "\n" + uploader + "      " + comment + "\n"
        out += "      " + element("filename", up.filename) + "\n"
        if up.archivename:
            out += "      " + element("archivename", up.archivename) + "\n"
        out += "      " + element("src", up.src) + "\n"
        out += "      " + element("size", str(up.size)) + "\n"
        out += "      " + element("sha1base36", up.sha1base36 or "") + "\n"
        out += "      " + element("rel", up.rel or "") + "\n"
        if up.contents:
            b64 = "\n".join(up.contents[i : i + 76] for i in range(0, len(up.contents), 76))
            out += '      <contents encoding="base64">\n' + b64 + "\n      </contents>\n"
        out += "    </upload>\n"
        self._write(out)

    def close(self) -> None:
        self._write("</mediawiki>\n")


__all__ = ["DumpWriter", "base36_sha1", "element", "escape_attr", "escape_text", "is_ip"]
