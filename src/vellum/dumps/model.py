"""The objects a dump holds: site information, pages, revisions, slots, uploads, log items.

Field names follow MediaWiki's export schema. Everything the dump says is kept: a field the
reader does not know lands in `unknown` (never silently dropped).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from .sha1 import base36_sha1, combined_sha1

MAIN_ROLE = "main"


@dataclass
class UnknownElement:
    """An element the reader does not know, kept as serialized XML with its line."""

    path: str  # e.g. "page/revision/foo"
    xml: str
    line: int | None = None


@dataclass
class NamespaceInfo:
    key: int
    name: str  # local name with spaces ("User talk"), "" for the main namespace
    case: str | None = None  # first-letter | case-sensitive (0.4+)


@dataclass
class SiteInfo:
    sitename: str = ""
    dbname: str = ""
    base: str = ""
    generator: str = ""
    case: str = "first-letter"
    namespaces: list[NamespaceInfo] = field(default_factory=list)
    version: str = ""  # export schema version of the dump, e.g. "0.10"
    lang: str = "en"
    unknown: list[UnknownElement] = field(default_factory=list)

    def namespace_by_name(self) -> dict[str, int]:
        return {ns.name: ns.key for ns in self.namespaces}


@dataclass
class Contributor:
    """Who made a revision: a user name (+ id), an IP, or hidden (`deleted`)."""

    username: str | None = None
    id: int | None = None
    ip: str | None = None
    deleted: bool = False

    @property
    def name(self) -> str | None:
        return self.username if self.username is not None else self.ip


@dataclass
class Slot:
    """One content slot of a revision (MCR): role, origin, model, format and text."""

    role: str = MAIN_ROLE
    origin: int | None = None
    model: str | None = None
    format: str | None = None
    text: str | None = None  # None when the text is deleted or not included
    text_deleted: bool = False
    text_bytes: int | None = None  # the `bytes` attribute
    text_sha1: str | None = None  # the `sha1` attribute (0.11)
    text_id: str | None = None
    text_location: str | None = None
    _cache: tuple[str, str, int, bytes] | None = field(default=None, repr=False, compare=False)

    def _measure(self, text: str) -> tuple[str, str, int, bytes]:
        cached = self._cache
        if cached is None or cached[0] is not text:
            data = text.encode("utf-8")
            cached = self._cache = (text, base36_sha1(data), len(data), data)
        return cached

    def utf8(self) -> bytes | None:
        """The text encoded as UTF-8 (encoded once, shared with sha1() and size())."""
        if self.text is None:
            return None
        return self._measure(self.text)[3]

    def sha1(self) -> str | None:
        """The sha1 of the text as present, or the dump's if the text is not included."""
        if self.text is None:
            return self.text_sha1
        return self._measure(self.text)[1]

    def size(self) -> int:
        """The text's length in bytes (UTF-8), or the dump's `bytes` if not included."""
        if self.text is None:
            return self.text_bytes or 0
        return self._measure(self.text)[2]


@dataclass
class Revision:
    id: int
    timestamp: str  # ISO 8601 as in the dump, e.g. 2001-10-11T01:03:59Z
    contributor: Contributor
    parentid: int | None = None
    minor: bool = False
    comment: str | None = None
    comment_deleted: bool = False
    slots: list[Slot] = field(default_factory=list)  # main slot first
    sha1: str | None = None  # the <sha1> element ("" when empty)
    unknown: list[UnknownElement] = field(default_factory=list)
    line: int | None = None

    @property
    def main(self) -> Slot:
        for slot in self.slots:
            if slot.role == MAIN_ROLE:
                return slot
        slot = Slot()
        self.slots.insert(0, slot)
        return slot

    @property
    def text(self) -> str | None:
        return self.main.text

    @property
    def text_deleted(self) -> bool:
        return self.main.text_deleted

    @property
    def model(self) -> str | None:
        return self.main.model

    @property
    def format(self) -> str | None:
        return self.main.format

    def datetime(self) -> datetime:
        return parse_timestamp(self.timestamp)

    def computed_sha1(self) -> str | None:
        """The revision sha1 from the texts present (None if a slot's text is missing)."""
        shas = {}
        for slot in self.slots:
            sha = slot.sha1()
            if sha is None:
                return None
            shas[slot.role] = sha
        return combined_sha1(shas)

    def sha1_mismatch(self) -> bool:
        """True if the dump's <sha1> disagrees with the text it carries."""
        if not self.sha1 or any(s.text is None for s in self.slots):
            return False
        return self.computed_sha1() != self.sha1


@dataclass
class Upload:
    """An <upload> element: metadata of one version of an uploaded file."""

    timestamp: str
    contributor: Contributor
    comment: str | None = None
    comment_deleted: bool = False
    filename: str = ""
    archivename: str | None = None
    src: str = ""
    size: int = 0
    sha1base36: str | None = None
    rel: str | None = None
    contents: str | None = None  # base64 file contents when the dump embeds them
    unknown: list[UnknownElement] = field(default_factory=list)
    line: int | None = None


@dataclass
class LogItem:
    id: int
    timestamp: str
    contributor: Contributor
    type: str = ""
    action: str = ""
    comment: str | None = None
    comment_deleted: bool = False
    text: str | None = None
    logtitle: str | None = None
    params: str | None = None
    unknown: list[UnknownElement] = field(default_factory=list)
    line: int | None = None


@dataclass
class Page:
    """A page's header; its revisions and uploads stream from `items()` (see reader)."""

    title: str
    ns: int | None = None  # None in 0.3 dumps (derive it from the title)
    id: int | None = None
    redirect: str | None = None  # target title ("" for 0.4's bare <redirect/>)
    restrictions: str | None = None
    unknown: list[UnknownElement] = field(default_factory=list)
    line: int | None = None
    # Revisions and uploads, streamed: read them before advancing to the next page.
    items: Iterator[Revision | Upload] = field(
        default_factory=lambda: iter(()), repr=False, compare=False
    )


def parse_timestamp(value: str) -> datetime:
    """An ISO 8601 dump timestamp (2001-10-11T01:03:59Z) as an aware UTC datetime."""
    v = value.strip()
    if v.endswith("Z"):
        v = v[:-1] + "+00:00"
    dt = datetime.fromisoformat(v)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC)


def format_timestamp(dt: datetime) -> str:
    """wfTimestamp(TS_ISO_8601): 2001-10-11T01:03:59Z."""
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
