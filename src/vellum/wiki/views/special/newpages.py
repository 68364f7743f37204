"""Special:NewPages: page creations from recent changes, newest first."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from ...models import Page, RecentChange
from ..common import all_namespaces, render, skin_context
from ..page import _int


def view(request: HttpRequest, sub: str) -> HttpResponse:
    limit = min(max(_int(request.GET.get("limit")) or 50, 1), 500)
    ns = _int(request.GET.get("namespace")) or 0
    rows = list(
        RecentChange.objects.filter(new=True, namespace=ns)
        .select_related("actor")
        .order_by("-timestamp", "-id")[:limit]
    )
    live = dict(Page.objects.filter(pk__in=[r.page_id for r in rows]).values_list("id", "len"))
    rows = [r for r in rows if r.page_id in live]
    for r in rows:
        r.current_len = live[r.page_id]
    ctx = skin_context(request, None, heading="New pages", action="special")
    ctx.update({"rows": rows, "namespace": ns, "namespaces": all_namespaces()})
    return render(request, "wiki/special/newpages.html", ctx)
