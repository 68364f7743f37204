"""Special:SpecialPages: the list of special pages, grouped as MediaWiki groups them."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from ..common import render, skin_context, special_url


def view(request: HttpRequest, sub: str) -> HttpResponse:
    from . import SPECIAL_PAGES

    groups: dict[str, list[tuple[str, str]]] = {}
    for name, (_, desc, group) in SPECIAL_PAGES.items():
        if name == "UserLogout":
            continue
        groups.setdefault(group, []).append((special_url(name), desc))
    ctx = skin_context(request, None, heading="Special pages", action="special")
    ctx["groups"] = sorted((g, sorted(items, key=lambda i: i[1])) for g, items in groups.items())
    return render(request, "wiki/special/specialpages.html", ctx)
