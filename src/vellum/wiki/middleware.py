"""Serve anonymous article views from the whole-page cache before the rest of Django's
middleware runs (sessions, CSRF, authentication, URL resolution): see views.pagecache."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import unquote

from django.http import HttpRequest, HttpResponse

from vellum.wikitext.title import InvalidTitle

from .services.titles import parse_title
from .views import pagecache


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path
        if path.startswith("/wiki/") and pagecache.cacheable(request):
            key = self._key(unquote(path[len("/wiki/") :]))
            if key is not None:
                hit = pagecache.get(key)
                if hit is not None:
                    hit["Cache-Control"] = "private, must-revalidate, max-age=0"
                    hit["X-Frame-Options"] = "DENY"
                    return hit
                request.vellum_pagecache_key = key  # type: ignore[attr-defined]
        return self.get_response(request)

    @staticmethod
    def _key(text: str) -> str | None:
        try:
            title = parse_title(text)
        except InvalidTitle:
            return None
        # only canonical URLs: others are redirected by the view
        if title.namespace < 0 or title.fragment or title.prefixed_dbkey != text:
            return None
        return pagecache.key_for(title)


CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; media-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)


class ContentSecurityPolicyMiddleware:
    """Defence in depth behind the sanitizer: pages may run only the wiki's own script files
    (no inline or foreign scripts), so no editor-written script can run even if markup
    slipped through."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html"):
            response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        return response
