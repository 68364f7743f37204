"""Special:WhatLinksHere/Target: pages linking to, transcluding ("Pages that transclude
this"), redirecting to, or using (files) a page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from ...models import ImageLink, Page, PageLink, Redirect, TemplateLink
from ...services.titles import parse_title
from ..common import error_page, render, skin_context


def view(request: HttpRequest, sub: str) -> HttpResponse:
    target = sub or request.GET.get("target", "")
    if not target:
        ctx = skin_context(request, None, heading="What links here", action="special")
        ctx["form_only"] = True
        return render(request, "wiki/special/whatlinkshere.html", ctx)
    try:
        t = parse_title(target)
    except Exception as e:
        return error_page(request, "Bad title", str(e), 400)

    def pages(ids) -> list[Page]:
        return list(Page.objects.filter(pk__in=list(ids)).order_by("namespace", "title")[:500])

    links = pages(
        PageLink.objects.filter(namespace=t.namespace, title=t.dbkey).values_list(
            "source_id", flat=True
        )
    )
    redirects = pages(
        Redirect.objects.filter(namespace=t.namespace, title=t.dbkey).values_list(
            "page_id", flat=True
        )
    )
    transclusions = pages(
        TemplateLink.objects.filter(namespace=t.namespace, title=t.dbkey).values_list(
            "source_id", flat=True
        )
    )
    files = (
        pages(ImageLink.objects.filter(name=t.dbkey).values_list("source_id", flat=True))
        if t.namespace == 6
        else []
    )
    redirect_ids = {p.pk for p in redirects}
    rows = []
    seen = set()
    for p in redirects:
        rows.append({"page": p, "kind": "redirect"})
        seen.add(p.pk)
    for kind, group in (("transclusion", transclusions), ("file", files), ("link", links)):
        for p in group:
            if p.pk in redirect_ids:
                continue
            rows.append({"page": p, "kind": kind})
    ctx = skin_context(
        request, None, heading=f'Pages that link to "{t.prefixed_text}"', action="special"
    )
    ctx.update({"target": t, "rows": rows, "transclusions": transclusions})
    return render(request, "wiki/special/whatlinkshere.html", ctx)
