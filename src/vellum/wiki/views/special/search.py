"""Special:Search: "Go" to a page whose title matches, otherwise full-text results with
highlighted snippets (SQLite FTS5 index, updated on every save)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

from ...models import Page
from ...services.search import search
from ...services.titles import parse_title, title_of
from ..common import all_namespaces, render, skin_context, wiki_url
from ..page import _int


def view(request: HttpRequest, sub: str) -> HttpResponse:
    g = request.GET
    query = (g.get("search") or sub or "").strip()
    fulltext = bool(g.get("fulltext"))
    title = None
    exists = False
    if query:
        try:
            title = parse_title(query)
        except Exception:
            title = None
        if title is not None and title.namespace == -1 and not fulltext:
            return HttpResponseRedirect(wiki_url(title))
        if title is not None and title.namespace >= 0:
            page = Page.objects.filter(namespace=title.namespace, title=title.dbkey).first()
            if page is None and title.namespace == 0:
                page = Page.objects.filter(namespace=0, title__iexact=title.dbkey).first()
            if page is not None:
                exists = True
                title = title_of(page)
                if not fulltext:
                    return HttpResponseRedirect(wiki_url(title))
    namespaces = [
        int(k[2:])
        for k, v in g.items()
        if k.startswith("ns") and k[2:].lstrip("-").isdecimal() and v
    ] or [0]
    offset = max(_int(g.get("offset")) or 0, 0)
    limit = min(max(_int(g.get("limit")) or 20, 1), 500)
    hits, total = search(query, namespaces, limit, offset) if query else ([], 0)
    ctx = skin_context(
        request, None, heading="Search results" if query else "Search", action="special"
    )
    ctx.update(
        {
            "query": query,
            "hits": hits,
            "total": total,
            "offset": offset,
            "limit": limit,
            "next_offset": offset + limit if offset + limit < total else None,
            "create_title": title
            if (title is not None and not exists and title.namespace >= 0)
            else None,
            "exists_title": title if exists else None,
            "namespaces": all_namespaces(),
            "selected_ns": namespaces,
        }
    )
    return render(request, "wiki/special/search.html", ctx)
