"""Special:Contributions/Name: a user's (or IP's, or imported contributor's) edits."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from ...models import Actor, Revision
from ..common import render, skin_context
from ..page import _int


def view(request: HttpRequest, sub: str) -> HttpResponse:
    name = (sub or request.GET.get("target") or "").replace("_", " ").strip()
    if name:
        name = name[0].upper() + name[1:]
    limit = min(max(_int(request.GET.get("limit")) or 50, 1), 500)
    offset = _int(request.GET.get("offset"))
    actor = Actor.objects.filter(name=name).first() if name else None
    revs = []
    more = False
    if actor is not None:
        qs = (
            Revision.objects.filter(actor=actor, page__isnull=False)
            .select_related("page")
            .order_by("-id")
        )
        if offset:
            qs = qs.filter(id__lt=offset)
        revs = list(qs[: limit + 1])
        more = len(revs) > limit
        revs = revs[:limit]
        parents = dict(
            Revision.objects.filter(pk__in=[r.parent_id for r in revs]).values_list("id", "len")
        )
        for r in revs:
            r.parent_len = parents.get(r.parent_id, 0)
    ctx = skin_context(
        request,
        None,
        heading=f"User contributions for {name}" if name else "User contributions",
        action="special",
    )
    ctx.update(
        {
            "target": name,
            "actor": actor,
            "revs": revs,
            "more": more,
            "next_offset": revs[-1].pk if more else None,
        }
    )
    return render(request, "wiki/special/contributions.html", ctx)
