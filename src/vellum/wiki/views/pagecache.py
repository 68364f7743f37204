"""Whole-page cache of article views for readers who are not logged in (MediaWiki's file
cache / front-end cache): /wiki/Title answered from a stored response after one small query.

The key holds the page id, its latest revision and `touched` time, and the latest revision
of MediaWiki:Sidebar, so any edit, template change (which bumps `touched`) or sidebar edit
gives a new key; stale entries simply expire.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse

from vellum.wikitext.title import Title

TTL = 3600
MAX_BYTES = 512 * 1024  # bigger pages are assembled from the parser cache each time

_SQL = (
    "SELECT id, latest_id, touched, "
    "(SELECT latest_id FROM page WHERE namespace = 8 AND title = 'Sidebar') "
    "FROM page WHERE namespace = %s AND title = %s"
)


def cacheable(request: HttpRequest) -> bool:
    return (
        request.method == "GET"
        and not request.GET
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def key_for(title: Title) -> str | None:
    with connection.cursor() as c:
        c.execute(_SQL, [title.namespace, title.dbkey])
        row = c.fetchone()
    if row is None:
        return None
    touched = row[2].timestamp() if hasattr(row[2], "timestamp") else str(row[2]).replace(" ", "T")
    return f"view:{row[0]}:{row[1]}:{touched}:{row[3]}"


def get(key: str) -> HttpResponse | None:
    body = cache.get(key)
    if body is None:
        return None
    resp = HttpResponse(body, content_type="text/html; charset=utf-8")
    resp["X-Vellum-Cache"] = "hit"
    return resp


def store(key: str, response: HttpResponse) -> None:
    """Keep the response for TTL seconds, or less when the page shows the current time
    (`vellum_cache_ttl`, from the rendering's expiry)."""
    if response.status_code == 200 and not response.cookies and len(response.content) <= MAX_BYTES:
        cache.set(key, response.content, getattr(response, "vellum_cache_ttl", None) or TTL)
