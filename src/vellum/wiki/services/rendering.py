"""Rendering pages: the engine's Site over the database, and MediaWiki's parser cache.

`render_revision(page, revision)` gives the HTML of a revision, from the parser cache when it
is there (a `ParserCacheEntry` row, shared by every server process, fronted by Django's cache).
An entry is valid while the revision is the page's latest and it is newer than the page's
`touched` time, which saves of templates the page uses bump (see `links.invalidate_*`).
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.html import escape

from vellum.wikitext.options import RenderOptions
from vellum.wikitext.result import RenderResult, Section
from vellum.wikitext.site import FileInfo, LinkInfo, SiteConfig
from vellum.wikitext.title import Title

from ..models import Actor, File, Page, ParserCacheEntry, Revision
from .titles import make_title, mw_timestamp, site_config, title_of

log = logging.getLogger(__name__)

OPTIONS_HASH = "canonical"  # no per-user parser options yet: one rendering per revision
MEMORY_CACHE_MAX = 1024 * 1024  # renderings bigger than this are read from the database
# A rendering that shows the current time ({{CURRENTTIME}}, #time without a date) is kept
# this long, as MediaWiki's CoreMagicVariables trim the parser cache expiry to 3600 s.
TIME_DEPENDENT_EXPIRY = 3600


class DatabaseSite:
    """The engine's `Site` protocol, answered from the wiki's tables."""

    def __init__(self, config: SiteConfig | None = None) -> None:
        self.config = config or site_config()

    def link_info(self, titles: Iterable[Title]) -> dict[str, LinkInfo]:
        by_ns: dict[int, set[str]] = defaultdict(set)
        for t in titles:
            if not t.interwiki and t.namespace >= 0:
                by_ns[t.namespace].add(t.dbkey)
        out: dict[str, LinkInfo] = {}
        for ns, keys in by_ns.items():
            keys_list = list(keys)
            for i in range(0, len(keys_list), 500):
                rows = Page.objects.filter(namespace=ns, title__in=keys_list[i : i + 500])
                for pid, title, redirect, length, latest in rows.values_list(
                    "id", "title", "is_redirect", "len", "latest_id"
                ):
                    out[make_title(ns, title).prefixed_dbkey] = LinkInfo(
                        page_id=pid, is_redirect=redirect, length=length, latest_revision=latest
                    )
            if ns == 6:
                missing = [k for k in keys_list if make_title(6, k).prefixed_dbkey not in out]
                for name in File.objects.filter(name__in=missing).values_list("name", flat=True):
                    out[make_title(6, name).prefixed_dbkey] = LinkInfo()
        return out

    def page_text(self, title: Title) -> str | None:
        if title.interwiki or title.namespace < 0:
            return None
        row = (
            Page.objects.filter(namespace=title.namespace, title=title.dbkey)
            .values_list("latest__content__text", flat=True)
            .first()
        )
        return row

    def file_info(self, name: str) -> FileInfo | None:
        from .uploads import file_info

        f = File.objects.filter(name=name.replace(" ", "_")).first()
        return file_info(f) if f else None

    def statistics(self) -> dict[str, int]:
        stats = cache.get("wiki:statistics")
        if stats is None:
            pages = Page.objects.count()
            stats = {
                "pages": pages,
                "articles": Page.objects.filter(namespace=0, is_redirect=False).count(),
                "files": File.objects.count(),
                "edits": Revision.objects.count(),
                "users": Actor.objects.filter(user__isnull=False).count(),
                "activeusers": Actor.objects.filter(user__isnull=False)
                .annotate(n=Count("revisions"))
                .filter(n__gt=0)
                .count(),
                "admins": _admin_count(),
            }
            cache.set("wiki:statistics", stats, 60)
        return dict(stats)


def _admin_count() -> int:
    from ..models import UserGroup

    return UserGroup.objects.filter(group="sysop").count()


@dataclass
class Rendered:
    """What a page view needs from a render (a ParserOutput, JSON-serialisable)."""

    html: str
    sections: list[dict[str, Any]] = field(default_factory=list)
    categories: list[list[str]] = field(default_factory=list)
    display_title: str | None = None
    redirect_target: str | None = None
    language_links: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    expires: float | None = None  # Unix time after which the rendering is stale

    @classmethod
    def from_result(cls, result: RenderResult) -> Rendered:
        from vellum.wikitext.magicwords import USES_CURRENT_TIME

        time_dependent = USES_CURRENT_TIME in result.flags
        return cls(
            expires=time.time() + TIME_DEPENDENT_EXPIRY if time_dependent else None,
            html=result.html,
            sections=[asdict(s) if isinstance(s, Section) else dict(s) for s in result.sections],
            categories=[[c, k] for c, k in result.categories],
            display_title=result.display_title,
            redirect_target=result.redirect_target,
            language_links=list(result.language_links),
            warnings=list(result.warnings),
        )

    def ttl(self, default: int) -> int:
        """How long (seconds) a cache may keep this rendering, at most `default`."""
        if self.expires is None:
            return default
        return max(1, min(default, int(self.expires - time.time())))

    def stale(self) -> bool:
        return self.expires is not None and self.expires <= time.time()

    def data(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("html")
        return d


def render_options(page: Page | None, revision: Revision | None, **kw: Any) -> RenderOptions:
    opts = RenderOptions(**kw)
    if revision is not None:
        opts.revision_id = revision.pk
        opts.revision_timestamp = mw_timestamp(revision.timestamp)
        opts.revision_user = revision.actor.name if revision.actor_id else None
    if page is not None:
        opts.page_id = page.pk
    return opts


def render_text(
    text: str, title: Title, options: RenderOptions | None = None
) -> tuple[RenderResult | None, Rendered]:
    """Render wikitext with the engine. An engine failure is shown, never raised."""
    from vellum.wikitext import render

    try:
        result = render(text, title, DatabaseSite(), options or RenderOptions())
    except Exception as e:  # an engine failure must not take the page down
        if isinstance(e, ImportError):
            log.warning("rendering %s failed: %s", title.prefixed_text, e)
        else:
            log.exception("rendering %s failed", title.prefixed_text)
        html = (
            '<div class="error mw-render-error"><p>This page could not be rendered '
            f"({escape(type(e).__name__)}). Its text is shown below.</p></div>"
            f"<pre>{escape(text)}</pre>"
        )
        return None, Rendered(html=html, error=type(e).__name__)
    return result, Rendered.from_result(result)


def _cache_key(page: Page, revision_id: int) -> str:
    return f"pc:{page.pk}:{revision_id}:{OPTIONS_HASH}:{page.touched.timestamp():.6f}"


def render_revision(page: Page, revision: Revision, *, use_cache: bool = True) -> Rendered:
    """The rendering of `revision` of `page`, from the parser cache when possible."""
    current = revision.pk == page.latest_id
    key = _cache_key(page, revision.pk)
    if use_cache:
        hit = cache.get(key)
        if hit is not None and not hit.stale():
            return hit
        if current:
            entry = (
                ParserCacheEntry.objects.filter(
                    page=page,
                    revision_id=revision.pk,
                    options_hash=OPTIONS_HASH,
                    rendered__gte=page.touched,
                )
                .only("html", "data")
                .first()
            )
            rendered = Rendered(html=entry.html, **entry.data) if entry is not None else None
            if rendered is not None and not rendered.stale():
                if len(rendered.html) <= MEMORY_CACHE_MAX:
                    cache.set(key, rendered, rendered.ttl(3600))
                return rendered
    result, rendered = render_text(
        revision.content.text, title_of(page), render_options(page, revision)
    )
    if current and rendered.error is None:
        save_parser_cache(page, revision, rendered)
    if len(rendered.html) <= MEMORY_CACHE_MAX:
        cache.set(key, rendered, rendered.ttl(3600 if current else 300))
    return rendered


def save_parser_cache(page: Page, revision: Revision, rendered: Rendered) -> None:
    """Store a rendering of the page's latest revision (replacing older ones of the page)."""
    now = timezone.now()
    try:
        with transaction.atomic():
            ParserCacheEntry.objects.filter(page=page, options_hash=OPTIONS_HASH).exclude(
                revision_id=revision.pk
            ).delete()
            ParserCacheEntry.objects.update_or_create(
                page=page,
                revision_id=revision.pk,
                options_hash=OPTIONS_HASH,
                defaults={"rendered": now, "html": rendered.html, "data": rendered.data()},
            )
    except IntegrityError:  # another process stored it at the same moment
        pass
