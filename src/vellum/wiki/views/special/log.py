"""Special:Log: the logs (creation, deletion, move, upload, user creation, protection),
filtered by type, performer and page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from ...models import LogEntry
from ...services.titles import parse_title
from ..common import render, skin_context
from ..page import _int

LOG_TYPES = {
    "": "All public logs",
    "create": "Page creation log",
    "delete": "Deletion log",
    "move": "Move log",
    "upload": "Upload log",
    "newusers": "User creation log",
    "protect": "Protection log",
    "import": "Import log",
}


def view(request: HttpRequest, sub: str) -> HttpResponse:
    g = request.GET
    type_ = g.get("type") or sub or ""
    if type_ not in LOG_TYPES:
        type_ = ""
    qs = LogEntry.objects.select_related("actor").order_by("-timestamp", "-id")
    if type_:
        qs = qs.filter(type=type_)
    if user := (g.get("user") or "").strip():
        qs = qs.filter(actor__name=user.replace("_", " "))
    page = (g.get("page") or "").strip()
    if page:
        try:
            t = parse_title(page)
            qs = qs.filter(namespace=t.namespace, title=t.dbkey)
        except Exception:
            qs = qs.none()
    limit = min(max(_int(g.get("limit")) or 50, 1), 500)
    ctx = skin_context(request, None, heading=LOG_TYPES[type_], action="special")
    ctx.update(
        {
            "entries": list(qs[:limit]),
            "types": LOG_TYPES,
            "type": type_,
            "user": user,
            "page_filter": page,
        }
    )
    return render(request, "wiki/special/log.html", ctx)
