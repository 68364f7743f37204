"""The Site: what the engine asks of the wiki it renders for.

The wiki (Django app) implements `Site` over its database; `MemorySite` keeps pages and
files in dictionaries and backs the tests, the CLI and the parser-test runner.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from .namespaces import Namespaces
from .title import InvalidTitle, Title

URL_PROTOCOLS = (
    "bitcoin:",
    "ftp://",
    "ftps://",
    "geo:",
    "git://",
    "gopher://",
    "http://",
    "https://",
    "irc://",
    "ircs://",
    "magnet:",
    "mailto:",
    "matrix:",
    "mms://",
    "news:",
    "nntp://",
    "redis://",
    "sftp://",
    "sip:",
    "sips:",
    "sms:",
    "ssh://",
    "svn://",
    "tel:",
    "telnet://",
    "urn:",
    "worldwind://",
    "xmpp:",
    "//",
)


@dataclass
class Interwiki:
    prefix: str
    url: str  # with $1 for the target
    local: bool = False  # iw_local flag
    language: bool = False  # an interlanguage prefix


class TitleMemo:
    """try_title's answers for one SiteConfig, shared between renders.

    A title's parse depends on the text, the default namespace, the namespaces and the
    interwiki prefixes; `titles` is emptied whenever the latter two differ from what they
    were when its entries were made, so it never gives an answer the config would not.
    """

    MAX_ENTRIES = 100_000

    def __init__(self) -> None:
        self.state: tuple[object, ...] | None = None
        self.titles: dict[int, dict[str, Title | None]] = {}

    def current(self, config: SiteConfig) -> dict[int, dict[str, Title | None]]:
        """The memo, checked against the config's current state."""
        state = (
            config.namespaces.parse_state(),
            frozenset(config.interwiki),
            frozenset(config.local_interwikis),
        )
        if state != self.state or sum(map(len, self.titles.values())) > self.MAX_ENTRIES:
            # A new dict rather than clear(): a render in another thread may hold the old one.
            self.titles = {}
            self.state = state
        return self.titles


@dataclass
class SiteConfig:
    """Settings named after MediaWiki's globals ($wgSitename -> sitename, ...)."""

    sitename: str = "Vellum"
    server: str = "http://127.0.0.1:8000"
    server_name: str = "127.0.0.1"
    canonical_server: str | None = None
    script_path: str = ""
    script: str = "/index.php"
    article_path: str = "/wiki/$1"
    style_path: str = "/static"
    language: str = "en"
    meta_namespace: str = "Project"
    namespaces: Namespaces = field(default_factory=Namespaces.default)
    interwiki: dict[str, Interwiki] = field(default_factory=dict)
    local_interwikis: set[str] = field(default_factory=set)
    extra_interlanguage_prefixes: set[str] = field(default_factory=set)
    magic_links: dict[str, bool] = field(
        default_factory=lambda: {"ISBN": False, "PMID": False, "RFC": False}
    )
    url_protocols: tuple[str, ...] = URL_PROTOCOLS
    nofollow: bool = True
    nofollow_domain_exceptions: tuple[str, ...] = ()
    external_link_target: str | None = None
    enable_uploads: bool = True
    upload_navigation_url: str | None = None
    allow_external_images: bool = False
    thumb_limits: tuple[int, ...] = (120, 150, 180, 200, 250, 300)
    thumbsize_pref: int = 5
    thumb_upright: float = 0.75
    responsive_images: bool = True
    max_image_area: int = 12_500_000
    fragment_mode: tuple[str, ...] = ("html5", "legacy")
    max_toc_level: int = 999
    allow_display_title: bool = True
    restrict_display_title: bool = True
    interwiki_magic: bool = True
    raw_html: bool = False
    max_article_size_kb: int = 2048
    max_template_depth: int = 100
    max_pp_expand_depth: int = 100
    max_pp_node_count: int = 1_000_000
    max_include_size: int = 2 * 1024 * 1024
    expensive_function_limit: int = 100
    pf_enable_string_functions: bool = False
    pf_string_length_limit: int = 1000
    cite_responsive_references: bool = True
    legacy_media_dom: bool = True
    # Any other $wg setting a test or a wiki sets, keyed by its MediaWiki global name.
    extra: dict[str, Any] = field(default_factory=dict)
    # Parsed titles shared between renders (see title_memo); not a setting.
    _title_memo: TitleMemo = field(default_factory=TitleMemo, init=False, repr=False, compare=False)

    @property
    def default_thumb_width(self) -> int:
        return self.thumb_limits[self.thumbsize_pref]

    def parse_title(self, text: str, default_namespace: int = 0) -> Title:
        return Title.parse(
            text,
            self.namespaces,
            default_namespace,
            interwiki=self.interwiki,
            local_interwikis=self.local_interwikis,
        )

    def try_title(self, text: str, default_namespace: int = 0) -> Title | None:
        try:
            return Title.parse(
                text, self.namespaces, default_namespace, self.interwiki, self.local_interwikis
            )
        except InvalidTitle:
            return None

    def title_memo(self) -> dict[int, dict[str, Title | None]]:
        """Dicts memoising try_title, by default namespace and text, for one render.

        It is valid as long as the config's namespaces and interwikis do not change: take
        it again for each render.
        """
        return self._title_memo.current(self)

    def article_url(self, dbkey: str) -> str:
        """Local URL of a page, e.g. /wiki/Main_Page (the key must be URL-encoded already)."""
        return self.article_path.replace("$1", dbkey)


@dataclass
class LinkInfo:
    """What a link to an existing page needs (for class="mw-redirect" and stub thresholds)."""

    page_id: int = 0
    is_redirect: bool = False
    length: int = 0
    latest_revision: int = 0


@dataclass
class FileInfo:
    """An uploaded file, as MediaWiki's File object describes it."""

    name: str
    width: int = 0
    height: int = 0
    mime: str = "application/octet-stream"
    media_type: str = "UNKNOWN"  # BITMAP, DRAWING, OFFICE, VIDEO, AUDIO, ...
    size: int = 0
    bits: int = 0
    sha1: str = ""
    timestamp: str = ""
    url: str = ""
    thumb_url: str = ""  # prefix: add e.g. "180px-Foo.jpg"
    description_page: str = ""
    page_count: int = 0
    page_sizes: list[dict[str, int]] = field(default_factory=list)
    duration: float | None = None
    translations: list[str] = field(default_factory=list)
    comment: str = ""


@runtime_checkable
class Site(Protocol):
    """What the engine needs to know about the wiki. All titles are `Title` objects."""

    config: SiteConfig

    def link_info(self, titles: Iterable[Title]) -> dict[str, LinkInfo]:
        """For each existing page among `titles`, its LinkInfo, keyed by prefixed DB key.

        Called once per render with every linked title (MediaWiki's link holder batch).
        """
        ...

    def page_text(self, title: Title) -> str | None:
        """Current wikitext of a page (for transclusion), None if it does not exist."""
        ...

    def file_info(self, name: str) -> FileInfo | None:
        """An uploaded file by name (without namespace), None if there is none."""
        ...

    def statistics(self) -> dict[str, int]:
        """{'pages', 'articles', 'files', 'edits', 'users', 'activeusers', 'admins'}."""
        ...


class MemorySite:
    """A Site whose pages and files live in dictionaries."""

    def __init__(self, config: SiteConfig | None = None) -> None:
        self.config = config or SiteConfig()
        self.pages: dict[str, str] = {}
        self.files: dict[str, FileInfo] = {}
        self.stats: dict[str, int] = {}

    def _key(self, title: Title | str) -> str:
        if isinstance(title, str):
            title = self.config.parse_title(title)
        return title.prefixed_dbkey

    def add_page(self, title: Title | str, text: str) -> None:
        self.pages[self._key(title)] = text

    def add_file(self, info: FileInfo) -> None:
        self.files[info.name.replace(" ", "_")] = info

    def link_info(self, titles: Iterable[Title]) -> dict[str, LinkInfo]:
        out: dict[str, LinkInfo] = {}
        for t in titles:
            key = t.prefixed_dbkey
            text = self.pages.get(key)
            if text is not None:
                redirect = text.lstrip().lower().startswith("#redirect")
                out[key] = LinkInfo(is_redirect=redirect, length=len(text.encode("utf-8")))
            elif t.namespace == 6 and t.dbkey in self.files:
                out[key] = LinkInfo()
        return out

    def page_text(self, title: Title) -> str | None:
        return self.pages.get(title.prefixed_dbkey)

    def file_info(self, name: str) -> FileInfo | None:
        return self.files.get(name.replace(" ", "_"))

    def statistics(self) -> dict[str, int]:
        return dict(self.stats)
