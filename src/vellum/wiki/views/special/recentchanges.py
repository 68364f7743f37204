"""Special:RecentChanges: edits and log entries, newest first, grouped by day, with filters
(minor edits, bots, namespace, days, limit) and RSS / Atom feeds (?feed=rss|atom)."""

from __future__ import annotations

from datetime import UTC, timedelta
from itertools import groupby

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from ...models import RecentChange
from ...templatetags.wiki import prefetch_user_pages
from ..common import all_namespaces, render, skin_context
from ..page import _int

LIMITS = (50, 100, 250, 500)
DAYS = (1, 3, 7, 14, 30)


def changes(request: HttpRequest, default_limit: int = 50):
    g = request.GET
    limit = min(max(_int(g.get("limit")) or default_limit, 1), 5000)
    days = min(max(_int(g.get("days")) or 30, 1), 90)
    qs = RecentChange.objects.select_related("actor", "log").filter(
        timestamp__gte=timezone.now() - timedelta(days=days)
    )
    hideminor = g.get("hideminor") == "1"
    hidebots = g.get("hidebots", "1") == "1"
    if hideminor:
        qs = qs.filter(minor=False)
    if hidebots:
        qs = qs.filter(bot=False)
    if g.get("hidemyself") == "1" and request.user.is_authenticated:
        qs = qs.exclude(actor__user=request.user)
    if g.get("hidelog") == "1":
        qs = qs.exclude(type=3)
    ns = _int(g.get("namespace"))
    if g.get("namespace") not in (None, "", "all") and ns is not None:
        qs = qs.filter(namespace=ns)
    rows = list(qs.order_by("-timestamp", "-id")[:limit])
    prefetch_user_pages(rc.actor.name for rc in rows)
    return rows, {
        "limit": limit,
        "days": days,
        "hideminor": hideminor,
        "hidebots": hidebots,
        "namespace": g.get("namespace", ""),
    }


def view(request: HttpRequest, sub: str) -> HttpResponse:
    feed = request.GET.get("feed")
    if feed in ("rss", "atom"):
        from .feeds import recent_changes_feed

        return recent_changes_feed(request, feed)
    rows, opts = changes(request)
    days = [
        (day, list(items))
        for day, items in groupby(rows, key=lambda rc: rc.timestamp.astimezone(UTC).date())
    ]
    ctx = skin_context(request, None, heading="Recent changes", action="special")
    ctx.update(
        {
            "days": days,
            "opts": opts,
            "limits": LIMITS,
            "day_choices": DAYS,
            "namespaces": all_namespaces(),
            "feeds": True,
        }
    )
    return render(request, "wiki/special/recentchanges.html", ctx)
