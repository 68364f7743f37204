"""The wiki's SiteConfig and titles: parsing user input, Title <-> Page, MediaWiki timestamps."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from functools import lru_cache
from typing import TYPE_CHECKING

from django.conf import settings

from vellum.wikitext.namespaces import Namespaces
from vellum.wikitext.site import SiteConfig
from vellum.wikitext.title import InvalidTitle, Title

if TYPE_CHECKING:
    from ..models import Page


@lru_cache(maxsize=1)
def site_config() -> SiteConfig:
    """The wiki's settings in the engine's terms ($wgSitename, $wgServer, ...)."""
    server = settings.SERVER or "http://127.0.0.1:8000"
    return SiteConfig(
        sitename=settings.SITENAME,
        server=server,
        server_name=server.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0],
        script_path="",
        script="/index.php",
        article_path="/wiki/$1",
        style_path="/static",
        meta_namespace=settings.SITENAME,
        namespaces=Namespaces.default(meta_namespace=settings.SITENAME),
        max_article_size_kb=settings.MAX_ARTICLE_SIZE // 1024,
    )


def namespaces() -> Namespaces:
    return site_config().namespaces


def parse_title(text: str, default_namespace: int = 0) -> Title:
    """A local page title from user input; raises InvalidTitle with MediaWiki's message."""
    title = site_config().parse_title(text, default_namespace)
    if title.interwiki:
        raise InvalidTitle(
            "title-invalid-interwiki",
            "The requested page title contains an interwiki prefix and cannot be edited here.",
            text,
        )
    return title


def make_title(namespace: int, dbkey: str) -> Title:
    return Title.make(namespace, dbkey, namespaces())


def title_of(page: Page) -> Title:
    return make_title(page.namespace, page.title)


def as_title(title: Title | str) -> Title:
    return parse_title(title) if isinstance(title, str) else title


def mw_timestamp(dt: datetime | None) -> str:
    """MediaWiki's TS_MW form, YYYYMMDDHHMMSS in UTC."""
    if dt is None:
        return ""
    return dt.astimezone(UTC).strftime("%Y%m%d%H%M%S")


def iso_timestamp(dt: datetime | None) -> str:
    """TS_ISO_8601 as the API writes it: 2023-01-02T03:04:05Z."""
    if dt is None:
        return ""
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def sha1_base36(data: str | bytes) -> str:
    """SHA-1 in MediaWiki's base-36 form, zero-padded to 31 digits (rev_sha1)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    n = int.from_bytes(hashlib.sha1(data).digest(), "big")
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = []
    while n:
        n, r = divmod(n, 36)
        out.append(digits[r])
    return "".join(reversed(out)).rjust(31, "0")
