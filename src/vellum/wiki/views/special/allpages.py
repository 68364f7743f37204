"""Special:AllPages: every page of a namespace in title order, from a given title."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from ...models import Page
from ..common import all_namespaces, render, skin_context
from ..page import _int

PER_PAGE = 345  # MediaWiki's maxPerPage


def view(request: HttpRequest, sub: str) -> HttpResponse:
    ns = _int(request.GET.get("namespace")) or 0
    start = (request.GET.get("from") or sub or "").replace(" ", "_")
    hideredirects = request.GET.get("hideredirects") == "1"
    qs = Page.objects.filter(namespace=ns, title__gte=start).order_by("title")
    if hideredirects:
        qs = qs.filter(is_redirect=False)
    pages = list(qs.only("namespace", "title", "is_redirect")[: PER_PAGE + 1])
    nxt = pages[PER_PAGE].title if len(pages) > PER_PAGE else None
    ctx = skin_context(request, None, heading="All pages", action="special")
    ctx.update(
        {
            "pages": pages[:PER_PAGE],
            "next": nxt,
            "namespace": ns,
            "start": start.replace("_", " "),
            "namespaces": all_namespaces(),
            "hideredirects": hideredirects,
        }
    )
    return render(request, "wiki/special/allpages.html", ctx)
