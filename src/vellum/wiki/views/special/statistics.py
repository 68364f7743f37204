"""Special:Statistics: page, edit and user counts (the numbers behind NUMBEROF* magic words)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from ...services.rendering import DatabaseSite
from ..common import render, skin_context

ROWS = (
    ("articles", "Content pages"),
    ("pages", "Pages"),
    ("files", "Uploaded files"),
    ("edits", "Page edits since the wiki was set up"),
    ("users", "Registered users"),
    ("activeusers", "Active registered users"),
    ("admins", "Administrators"),
)


def view(request: HttpRequest, sub: str) -> HttpResponse:
    stats = DatabaseSite().statistics()
    ctx = skin_context(request, None, heading="Statistics", action="special")
    ctx["rows"] = [(label, stats.get(key, 0), key) for key, label in ROWS]
    return render(request, "wiki/special/statistics.html", ctx)
