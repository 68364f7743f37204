"""Streaming reader for MediaWiki's XML export format, versions 0.3 to 0.11.

Memory stays flat whatever the dump size: lxml's pull parser is fed 1 MB at a time and every
revision, upload or log item is removed from the tree as soon as it has been read, so a page
with 15,000 revisions never sits in memory at once. Encodings: whatever libxml2 detects (a
UTF-16 byte-order mark or declaration included). Any syntax error, truncation or bad value
raises `DumpError` with the byte offset (in the uncompressed stream) and line.

    reader = open_dump("dump.xml.xz")
    for item in reader:                 # Page or LogItem, in dump order
        if isinstance(item, Page):
            for rev in item.items:       # Revision or Upload
                ...
    reader.siteinfo                     # SiteInfo, read before the first page
"""

from __future__ import annotations

import codecs
import os
from collections import deque
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

from lxml import etree

from .errors import DumpError
from .model import (
    Contributor,
    LogItem,
    NamespaceInfo,
    Page,
    Revision,
    SiteInfo,
    Slot,
    UnknownElement,
    Upload,
    parse_timestamp,
)
from .source import DumpSource

CHUNK = 1 << 20
_KEPT_CHUNKS = 24  # how far back (in MB) a line can be turned into a byte offset
SUPPORTED_VERSIONS = ("0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "0.10", "0.11")


_SLOT_FIELDS = frozenset(("origin", "model", "format", "text"))


class _LineIndex:
    """Maps a (line, column) of the parser back to a byte offset in the stream.

    Keeps the last few chunks fed to the parser with the line number each starts at. UTF-16
    streams are decoded for counting; everything else is counted in bytes.
    """

    def __init__(self) -> None:
        self.chunks: deque[tuple[int, int, bytes | str]] = deque(maxlen=_KEPT_CHUNKS)
        self.offset = 0
        self.line = 1
        self.utf16: str | None = None
        self._decoder: codecs.IncrementalDecoder | None = None

    def start(self, head: bytes) -> None:
        if head.startswith((b"\xff\xfe", b"<\x00")):
            self.utf16 = "utf-16-le"
        elif head.startswith((b"\xfe\xff", b"\x00<")):
            self.utf16 = "utf-16-be"
        if self.utf16:
            self._decoder = codecs.getincrementaldecoder(self.utf16)("replace")

    def add(self, data: bytes) -> None:
        if self._decoder is not None:
            text = self._decoder.decode(data)
            self.chunks.append((self.offset, self.line, text))
            self.line += text.count("\n")
        else:
            self.chunks.append((self.offset, self.line, data))
            self.line += data.count(b"\n")
        self.offset += len(data)

    def locate(self, line: int | None, column: int | None = None) -> int | None:
        """The byte offset of (line, column), or None if that line is too far back."""
        if line is None:
            return None
        for start, first_line, data in reversed(self.chunks):
            if first_line > line:
                continue
            pos = 0
            nl: Any = "\n" if isinstance(data, str) else b"\n"
            for _ in range(line - first_line):
                pos = data.find(nl, pos)
                if pos < 0:
                    break
                pos += 1
            if pos < 0:
                continue
            end = data.find(nl, pos)
            line_data = data[pos : end if end >= 0 else len(data)]
            if isinstance(data, str):
                prefix = data[:pos]
                col_text = line_data[: max((column or 1) - 1, 0)]
                return start + len((prefix + col_text).encode(self.utf16 or "utf-8"))
            col_text = line_data.decode("utf-8", "replace")[: max((column or 1) - 1, 0)]
            return start + pos + len(col_text.encode("utf-8", "replace"))
        return None


def _int(text: str | None, what: str) -> int:
    try:
        return int((text or "").strip())
    except ValueError:
        raise ValueError(f"{what} is not a number: {text!r}") from None


class DumpReader:
    """Reads one dump; iterate it for pages (and log items), see the module docstring."""

    def __init__(
        self,
        source: str | os.PathLike[str] | BinaryIO | DumpSource,
        *,
        name: str | None = None,
        on_unknown: Callable[[UnknownElement], None] | None = None,
    ) -> None:
        self.source = source if isinstance(source, DumpSource) else DumpSource(source, name)
        self.name = self.source.name
        self.on_unknown = on_unknown
        self.siteinfo = SiteInfo()
        self.version = ""
        self.unknown: list[UnknownElement] = []  # everything not understood, in order
        self.bytes_read = 0
        self._index = _LineIndex()
        self._parser = etree.XMLPullParser(
            events=("start", "end"),
            huge_tree=True,
            resolve_entities=False,
            load_dtd=False,
            no_network=True,
            remove_comments=True,
            remove_pis=True,
            collect_ids=False,
        )
        self._events = self._event_stream()
        self._pushback: list[tuple[str, Any]] = []
        self._depth = 0
        self._root: Any = None
        self._ns = ""
        self._local: dict[str, str] = {}
        self._siteinfo_done = False
        self._ns_names: dict[str, int] | None = None
        # The page being read (its title once <title> is read), None between pages.
        self.page_in_progress: Page | None = None

    # -- low level -------------------------------------------------------------------------

    def error(self, message: str, line: int | None = None, column: int | None = None) -> DumpError:
        offset = self._index.locate(line, column) if line else None
        return DumpError(message, offset=offset, line=line, column=column, source=self.name)

    def _syntax_error(self, e: etree.XMLSyntaxError, at_end: bool) -> DumpError:
        line, column = e.position if e.position else (e.lineno, None)
        msg = (e.msg or str(e)).strip()
        if at_end and ("Premature end" in msg or "EndTag" in msg or "not finished" in msg):
            msg = f"truncated dump (ended inside an element): {msg}"
        err = self.error(msg, line, column)
        if err.offset is None and at_end:
            err.offset = self._index.offset
            err.args = (str(err),)
        return err

    def _event_stream(self) -> Iterator[tuple[str, Any]]:
        parser = self._parser
        first = True
        while True:
            data = self.source.read(CHUNK)
            if first:
                if not data:
                    raise DumpError("empty dump", offset=0, line=1, source=self.name)
                self._index.start(data[:4])
                first = False
            if not data:
                break
            self._index.add(data)
            self.bytes_read += len(data)
            try:
                parser.feed(data)
            except etree.XMLSyntaxError as e:
                raise self._syntax_error(e, at_end=False) from None
            yield from parser.read_events()
        try:
            parser.close()
        except etree.XMLSyntaxError as e:
            raise self._syntax_error(e, at_end=True) from None
        yield from parser.read_events()

    def _next_event(self) -> tuple[str, Any] | None:
        if self._pushback:
            return self._pushback.pop()
        try:
            return next(self._events)
        except StopIteration:
            return None

    def local(self, tag: Any) -> str:
        if not isinstance(tag, str):
            return ""
        name = self._local.get(tag)
        if name is None:
            name = tag[tag.find("}") + 1 :] if tag.startswith("{") else tag
            self._local[tag] = name
        return name

    def _report(self, path: str, elem: Any) -> UnknownElement:
        xml = etree.tostring(elem, encoding="unicode", with_tail=False)
        if self._ns:
            xml = xml.replace(f' xmlns="{self._ns}"', "", 1)
        unknown = UnknownElement(path=path, xml=xml, line=elem.sourceline)
        self.unknown.append(unknown)
        if self.on_unknown:
            self.on_unknown(unknown)
        return unknown

    # -- the document ----------------------------------------------------------------------

    def _start_root(self, elem: Any) -> None:
        tag = elem.tag if isinstance(elem.tag, str) else ""
        if self.local(tag) != "mediawiki":
            raise self.error(
                f"not a MediaWiki dump: the root element is <{self.local(tag)}>, not <mediawiki>",
                elem.sourceline,
            )
        self._root = elem
        self._ns = tag[1 : tag.find("}")] if tag.startswith("{") else ""
        version = elem.get("version") or self._ns.rstrip("/").rpartition("export-")[2]
        if version not in SUPPORTED_VERSIONS:
            raise self.error(
                f"unsupported export version {version!r} (this reader knows 0.3 to 0.11)",
                elem.sourceline,
            )
        self.version = version
        self.siteinfo.version = version
        self.siteinfo.lang = elem.get("{http://www.w3.org/XML/1998/namespace}lang") or "en"

    def __iter__(self) -> Iterator[Page | LogItem]:
        while True:
            item = self._next_top()
            if item is None:
                return
            yield item
            if isinstance(item, Page):
                for _ in item.items:  # drain what the caller did not read
                    pass

    def read_siteinfo(self) -> SiteInfo:
        """Read up to the end of <siteinfo> (or the first page) and return the site info."""
        if not self._siteinfo_done:
            self._next_top(stop_after_siteinfo=True)
            self._siteinfo_done = True
        return self.siteinfo

    def _next_top(self, stop_after_siteinfo: bool = False) -> Page | LogItem | None:
        """Advance to the next page header or log item at the top level."""
        page: Page | None = None
        page_elem: Any = None
        while True:
            ev = self._next_event()
            if ev is None:
                if self._root is None:
                    raise DumpError("no <mediawiki> element", offset=0, line=1, source=self.name)
                if page is not None:
                    raise self.error("truncated dump: ended inside <page>", self._index.line)
                return None
            event, elem = ev
            if event == "start":
                self._depth += 1
                if self._depth == 1:
                    self._start_root(elem)
                elif (
                    stop_after_siteinfo and self._depth == 2 and self.local(elem.tag) != "siteinfo"
                ):
                    self._depth -= 1
                    self._pushback.append(ev)
                    return None
                elif self._depth == 2 and self.local(elem.tag) == "page":
                    self._siteinfo_done = True
                    page_elem = elem
                    page = Page(title="", line=elem.sourceline)
                    self.page_in_progress = page
                continue
            depth = self._depth
            self._depth -= 1
            tag = self.local(elem.tag)
            if depth == 1:
                continue  # </mediawiki>
            if depth == 2:
                if tag == "page":
                    assert page is not None
                    self._check_page(page, elem)
                    page.items = iter(())
                    self._root.remove(elem)
                    self.page_in_progress = None
                    return page
                if tag == "siteinfo":
                    self._siteinfo(elem)
                    self._siteinfo_done = True
                    self._root.remove(elem)
                    if stop_after_siteinfo:
                        return None
                    continue
                if tag == "logitem":
                    item = self._logitem(elem)
                    self._root.remove(elem)
                    return item
                self._report(tag, elem)
                self._root.remove(elem)
                continue
            if depth == 3 and page is not None and elem.getparent() is page_elem:
                if tag in ("revision", "upload"):
                    self._check_page(page, page_elem)
                    first = self._item(tag, elem)
                    page_elem.remove(elem)
                    page.items = self._page_items(page, page_elem, first)
                    return page
                self._page_field(page, tag, elem)
                page_elem.remove(elem)

    def _check_page(self, page: Page, elem: Any) -> None:
        if not page.title:
            raise self.error("<page> without a <title>", elem.sourceline)
        if page.ns is None:  # before 0.6: the namespace is the title's prefix
            page.ns = self._namespace_of(page.title)

    def _namespace_of(self, title: str) -> int:
        prefix, colon, _ = title.partition(":")
        if not colon:
            return 0
        if self._ns_names is None:
            self._ns_names = {
                ns.name.replace("_", " ").lower(): ns.key
                for ns in self.siteinfo.namespaces
                if ns.name and ns.key > 0
            }
        return self._ns_names.get(prefix.replace("_", " ").strip().lower(), 0)

    def _page_items(
        self, page: Page, page_elem: Any, first: Revision | Upload
    ) -> Iterator[Revision | Upload]:
        yield first
        while True:
            ev = self._next_event()
            if ev is None:
                raise self.error("truncated dump: ended inside <page>", self._index.line)
            event, elem = ev
            if event == "start":
                self._depth += 1
                continue
            depth = self._depth
            self._depth -= 1
            if depth == 2:  # </page>
                self._root.remove(elem)
                self.page_in_progress = None
                return
            if depth == 3:
                tag = self.local(elem.tag)
                if tag in ("revision", "upload"):
                    item = self._item(tag, elem)
                    page_elem.remove(elem)
                    yield item
                else:
                    self._page_field(page, tag, elem)
                    page_elem.remove(elem)

    def _page_field(self, page: Page, tag: str, elem: Any) -> None:
        try:
            if tag == "title":
                page.title = elem.text or ""
            elif tag == "ns":
                page.ns = _int(elem.text, "<ns>")
            elif tag == "id":
                page.id = _int(elem.text, "page <id>")
            elif tag == "redirect":
                page.redirect = elem.get("title", "")
            elif tag == "restrictions":
                page.restrictions = elem.text or ""
            else:
                page.unknown.append(self._report(f"page/{tag}", elem))
        except ValueError as e:
            raise self.error(str(e), elem.sourceline) from None

    # -- elements --------------------------------------------------------------------------

    def _siteinfo(self, elem: Any) -> None:
        si = self.siteinfo
        for child in elem:
            tag = self.local(child.tag)
            if tag in ("sitename", "dbname", "base", "generator", "case"):
                setattr(si, tag, child.text or "")
            elif tag == "namespaces":
                for ns in child:
                    if self.local(ns.tag) != "namespace":
                        si.unknown.append(self._report("siteinfo/namespaces/?", ns))
                        continue
                    try:
                        key = _int(ns.get("key"), "namespace key")
                    except ValueError as e:
                        raise self.error(str(e), ns.sourceline) from None
                    si.namespaces.append(NamespaceInfo(key, ns.text or "", ns.get("case")))
            elif tag:
                si.unknown.append(self._report(f"siteinfo/{tag}", child))

    def _item(self, tag: str, elem: Any) -> Revision | Upload:
        try:
            return self._revision(elem) if tag == "revision" else self._upload(elem)
        except ValueError as e:
            line = getattr(e, "line", None) or elem.sourceline
            raise self.error(f"bad <{tag}>: {e}", line) from None

    def _contributor(self, elem: Any) -> Contributor:
        c = Contributor(deleted=elem.get("deleted") == "deleted")
        for child in elem:
            tag = self.local(child.tag)
            if tag == "username":
                c.username = child.text or ""
            elif tag == "id":
                c.id = _int(child.text, "contributor <id>")
            elif tag == "ip":
                c.ip = child.text or ""
            elif tag:
                self._report("contributor/" + tag, child)
        if not c.deleted and c.username is None and c.ip is None:
            raise _at(ValueError("<contributor> has neither <username> nor <ip>"), elem)
        return c

    def _text(self, child: Any, slot: Slot) -> None:
        slot.text_deleted = child.get("deleted") == "deleted"
        if (b := child.get("bytes")) is not None:
            slot.text_bytes = _int(b, "text bytes")
        slot.text_sha1 = child.get("sha1")
        slot.text_id = child.get("id")
        slot.text_location = child.get("location")
        text = child.text
        if text is None:
            # Deleted, or a stub dump that does not include the text.
            missing = slot.text_deleted or slot.text_location or (slot.text_bytes or 0) > 0
            slot.text = None if missing else ""
        else:
            slot.text = text

    def _slot_field(self, tag: str, child: Any, slot: Slot) -> None:
        """<origin>, <model>, <format> or <text>: of a <content> slot, or of the main slot
        written directly in <revision> (export 0.10 and older)."""
        if tag == "origin":
            slot.origin = _int(child.text, "<origin>")
        elif tag == "model":
            slot.model = child.text
        elif tag == "format":
            slot.format = child.text
        else:
            self._text(child, slot)

    def _slot(self, elem: Any) -> Slot:
        slot = Slot(role="")
        for child in elem:
            tag = self.local(child.tag)
            if tag == "role":
                slot.role = child.text or ""
            elif tag in _SLOT_FIELDS:
                self._slot_field(tag, child, slot)
            elif tag:
                self._report("revision/content/" + tag, child)
        if not slot.role:
            raise _at(ValueError("<content> without a <role>"), elem)
        return slot

    def _revision(self, elem: Any) -> Revision:
        rev = Revision(id=0, timestamp="", contributor=Contributor(), line=elem.sourceline)
        main = Slot()
        rev.slots.append(main)
        seen_id = seen_contributor = False
        for child in elem:
            tag = self.local(child.tag)
            if tag == "id":
                rev.id = _int(child.text, "revision <id>")
                seen_id = True
            elif tag == "parentid":
                rev.parentid = _int(child.text, "<parentid>")
            elif tag == "timestamp":
                rev.timestamp = _timestamp(child)
            elif tag == "contributor":
                rev.contributor = self._contributor(child)
                seen_contributor = True
            elif tag == "minor":
                rev.minor = True
            elif tag == "comment":
                rev.comment_deleted = child.get("deleted") == "deleted"
                rev.comment = (
                    child.text if child.text is not None or not rev.comment_deleted else None
                )
                if rev.comment is None and not rev.comment_deleted:
                    rev.comment = ""
            elif tag in _SLOT_FIELDS:
                self._slot_field(tag, child, main)
            elif tag == "content":
                rev.slots.append(self._slot(child))
            elif tag == "sha1":
                rev.sha1 = (child.text or "").strip()
            elif tag:
                rev.unknown.append(self._report("revision/" + tag, child))
        if not seen_id or rev.id <= 0:
            raise _at(ValueError("missing or invalid revision <id>"), elem)
        if not rev.timestamp:
            raise _at(ValueError(f"revision {rev.id} has no <timestamp>"), elem)
        if not seen_contributor:
            raise _at(ValueError(f"revision {rev.id} has no <contributor>"), elem)
        return rev

    def _upload(self, elem: Any) -> Upload:
        up = Upload(timestamp="", contributor=Contributor(), line=elem.sourceline)
        for child in elem:
            tag = self.local(child.tag)
            if tag == "timestamp":
                up.timestamp = _timestamp(child)
            elif tag == "contributor":
                up.contributor = self._contributor(child)
            elif tag == "comment":
                up.comment_deleted = child.get("deleted") == "deleted"
                up.comment = child.text if not up.comment_deleted else None
            elif tag in ("filename", "archivename", "src", "sha1base36", "rel"):
                setattr(up, tag, child.text or "")
            elif tag == "size":
                up.size = _int(child.text, "upload <size>")
            elif tag == "contents":
                up.contents = "".join((child.text or "").split())
            elif tag:
                up.unknown.append(self._report("upload/" + tag, child))
        if not up.timestamp or not up.filename:
            raise _at(ValueError("<upload> needs a <timestamp> and a <filename>"), elem)
        return up

    def _logitem(self, elem: Any) -> LogItem:
        item = LogItem(id=0, timestamp="", contributor=Contributor(), line=elem.sourceline)
        try:
            for child in elem:
                tag = self.local(child.tag)
                if tag == "id":
                    item.id = _int(child.text, "logitem <id>")
                elif tag == "timestamp":
                    item.timestamp = _timestamp(child)
                elif tag == "contributor":
                    item.contributor = self._contributor(child)
                elif tag == "comment":
                    item.comment_deleted = child.get("deleted") == "deleted"
                    item.comment = child.text
                elif tag in ("type", "action", "text", "logtitle", "params"):
                    setattr(item, tag, child.text or "")
                elif tag:
                    item.unknown.append(self._report("logitem/" + tag, child))
        except ValueError as e:
            line = getattr(e, "line", None) or elem.sourceline
            raise self.error(f"bad <logitem>: {e}", line) from None
        return item

    def close(self) -> None:
        self.source.close()

    def __enter__(self) -> DumpReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _at(e: ValueError, elem: Any) -> ValueError:
    e.line = elem.sourceline  # type: ignore[attr-defined]
    return e


def _timestamp(child: Any) -> str:
    value = (child.text or "").strip()
    try:
        parse_timestamp(value)
    except ValueError:
        raise _at(ValueError(f"bad <timestamp> {value!r}"), child) from None
    return value


def open_dump(
    source: str | os.PathLike[str] | BinaryIO,
    *,
    name: str | None = None,
    on_unknown: Callable[[UnknownElement], None] | None = None,
) -> DumpReader:
    """Open a dump file (any compression), "-" for stdin, or a binary stream."""
    return DumpReader(source, name=name, on_unknown=on_unknown)
