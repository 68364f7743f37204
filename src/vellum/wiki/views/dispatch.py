"""Routing as MediaWiki's index.php does it: title, then action / oldid / diff parameters."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.views.decorators.csrf import csrf_protect

from vellum.wikitext.title import InvalidTitle

from ..services.titles import parse_title
from . import actions, diff, edit, page, pagecache
from .common import error_page, wiki_url
from .special import dispatch_special

ACTIONS = {
    "view": page.view,
    "raw": page.raw,
    "history": page.history,
    "edit": edit.edit,
    "submit": edit.edit,
    "purge": page.purge,
    "rollback": page.rollback,
    "info": page.info,
    "delete": actions.delete,
    "protect": actions.protect,
    "unprotect": actions.protect,
}


def bad_title(request: HttpRequest, e: InvalidTitle) -> HttpResponse:
    return error_page(
        request,
        "Bad title",
        f"The requested page title is invalid, empty, or an incorrectly linked inter-language "
        f"or inter-wiki title. {e}",
        400,
    )


def _no_shared_caching(response: HttpResponse) -> HttpResponse:
    """As MediaWiki: pages may change at any edit, so browsers revalidate them."""
    if not response.has_header("Cache-Control"):
        response["Cache-Control"] = "private, must-revalidate, max-age=0"
    return response


@csrf_protect
def wiki(request: HttpRequest, title: str) -> HttpResponse:
    """/wiki/Title"""
    return _no_shared_caching(_handle(request, title))


@csrf_protect
def index_php(request: HttpRequest) -> HttpResponse:
    """/index.php?title=...&action=... (and ?search=, ?curid=, ?diff= without a title)."""
    return _no_shared_caching(_index_php(request))


def _index_php(request: HttpRequest) -> HttpResponse:
    g = request.GET
    if "search" in g and "title" not in g or g.get("title") == "Special:Search":
        from .special import search

        return search.view(request, "")
    title = g.get("title") or request.POST.get("title")
    if not title:
        if g.get("diff") or g.get("oldid"):
            return diff.view(request, None) if g.get("diff") else page.view(request, None)
        if g.get("curid"):
            from ..models import Page

            p = Page.objects.filter(pk=_int(g["curid"])).first()
            if p is None:
                return error_page(request, "Bad title", "There is no page with that ID.", 404)
            return page.view(request, None, page_obj=p)
        return HttpResponseRedirect(wiki_url("Main Page"))
    return _handle(request, title)


def _int(v: str) -> int:
    try:
        return int(v)
    except ValueError:
        return 0


def _handle(request: HttpRequest, text: str) -> HttpResponse:
    try:
        title = parse_title(text)
    except InvalidTitle as e:
        return bad_title(request, e)
    if title.namespace == -1:
        return dispatch_special(request, title)
    canonical = title.prefixed_dbkey
    if request.path.startswith("/wiki/") and request.method == "GET" and not request.GET:
        requested = request.path[len("/wiki/") :]
        from urllib.parse import unquote

        if unquote(requested) != canonical and not title.fragment:
            return HttpResponseRedirect(wiki_url(title), status=301)
    key = getattr(request, "vellum_pagecache_key", None)
    if key is None and pagecache.cacheable(request):
        key = pagecache.key_for(title)
        if key is not None and (hit := pagecache.get(key)) is not None:
            return hit
    if key is not None:
        response = page.view(request, title)
        if not request.user.is_authenticated and getattr(response, "vellum_cacheable", False):
            pagecache.store(key, response)
        return response
    action = request.GET.get("action") or request.POST.get("action") or "view"
    if action == "view" and request.GET.get("diff") is not None:
        return diff.view(request, title)
    handler = ACTIONS.get(action)
    if handler is None:
        return error_page(
            request, "No such action", "The action specified by the URL is invalid.", 400
        )
    return handler(request, title)
