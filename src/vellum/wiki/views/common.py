"""Helpers every view uses: URLs of titles, the skin's context (sidebar, tabs), rendering."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote, urlencode

from django.conf import settings
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from vellum.wikitext.namespaces import Namespaces
from vellum.wikitext.title import Title

from ..models import Page
from ..services.titles import make_title, namespaces, parse_title
from ..services.users import has_right, user_groups

_URL_SAFE = "/:@!$&'()*,;=~-._"


def wiki_url(title: Title | str, **query: Any) -> str:
    """/wiki/Title, or /index.php?title=Title&... when there is a query (as MediaWiki)."""
    key = title.prefixed_dbkey if isinstance(title, Title) else title.replace(" ", "_")
    frag = ""
    if isinstance(title, Title) and title.fragment:
        frag = "#" + quote(title.fragment.replace(" ", "_"), safe=_URL_SAFE)
    query = {k: v for k, v in query.items() if v is not None}
    if not query:
        return "/wiki/" + quote(key, safe=_URL_SAFE) + frag
    return "/index.php?" + urlencode({"title": key, **query}) + frag


def special_url(name: str, sub: str = "", **query: Any) -> str:
    return wiki_url(f"Special:{name}" + (f"/{sub}" if sub else ""), **query)


def title_text(ns: int, dbkey: str) -> str:
    return make_title(ns, dbkey).prefixed_text


DEFAULT_SIDEBAR = """* navigation
** mainpage|mainpage-description
** recentchanges-url|recentchanges
** randompage-url|randompage
** specialpages-url|specialpages
* SEARCH
* TOOLBOX
"""

MESSAGES = {
    "navigation": "Navigation",
    "mainpage": "Main Page",
    "mainpage-description": "Main page",
    "recentchanges-url": "Special:RecentChanges",
    "recentchanges": "Recent changes",
    "randompage-url": "Special:Random",
    "randompage": "Random page",
    "specialpages-url": "Special:SpecialPages",
    "specialpages": "Special pages",
    "helppage": "Help:Contents",
    "help": "Help",
    "help-mediawiki": "Help about MediaWiki",
    "portal-url": "Project:Community portal",
    "portal": "Community portal",
    "currentevents-url": "Project:Current events",
    "currentevents": "Current events",
    "toolbox": "Tools",
}


def _msg(key: str) -> str:
    return MESSAGES.get(key, MESSAGES.get(key.lower(), key))


def parse_sidebar(text: str) -> list[dict[str, Any]]:
    """MediaWiki:Sidebar's list: '* heading' then '** target|label' lines."""
    sections: list[dict[str, Any]] = []
    for line in text.split("\n"):
        if line.startswith("**") and sections:
            target, _, label = line[2:].strip().partition("|")
            target, label = target.strip(), (label or target).strip()
            if not target:
                continue
            href_text = _msg(target)
            if re.match(r"^(https?:)?//", href_text):
                href = href_text
            else:
                t = None
                try:
                    t = parse_title(href_text)
                except Exception:
                    continue
                href = wiki_url(t)
            sections[-1]["items"].append({"href": href, "text": _msg(label), "id": f"n-{label}"})
        elif line.startswith("*"):
            name = line[1:].strip()
            if name in ("SEARCH", "LANGUAGES"):
                continue
            sections.append(
                {"id": f"p-{name.lower()}", "name": _msg(name), "items": [], "special": name}
            )
    return sections


def sidebar(sidebar_rev: int | None = None, known: bool = False) -> list[dict[str, Any]]:
    """The parsed MediaWiki:Sidebar (cached per revision of that page)."""
    from django.core.cache import cache

    if not known:
        sidebar_rev = (
            Page.objects.filter(namespace=8, title="Sidebar")
            .values_list("latest_id", flat=True)
            .first()
        )
    key = f"sidebar:{sidebar_rev or 0}"
    sections = cache.get(key)
    if sections is None:
        text = None
        if sidebar_rev:
            from ..models import Revision

            text = (
                Revision.objects.filter(pk=sidebar_rev)
                .values_list("content__text", flat=True)
                .first()
            )
        sections = parse_sidebar(text if text is not None else DEFAULT_SIDEBAR)
        cache.set(key, sections, 3600)
    return sections


def _sidebar_and_existing(title: Title) -> tuple[int | None, set[int]]:
    """In one query: MediaWiki:Sidebar's latest revision, and which of the title's subject
    and talk pages exist."""
    subject = Namespaces.subject(title.namespace)
    talk = Namespaces.talk(title.namespace)
    rows = Page.objects.filter(
        Q(namespace=8, title="Sidebar") | Q(namespace__in=[subject, talk], title=title.dbkey)
    ).values_list("namespace", "title", "latest_id")
    sidebar_rev = None
    existing: set[int] = set()
    for ns, dbkey, latest in rows:
        if ns == 8 and dbkey == "Sidebar":
            sidebar_rev = latest
        if ns in (subject, talk) and dbkey == title.dbkey:
            existing.add(ns)
    return sidebar_rev, existing


def skin_context(
    request: HttpRequest,
    title: Title | None,
    *,
    page: Page | None = None,
    action: str = "view",
    heading: str | None = None,
) -> dict[str, Any]:
    """What base.html needs: the title, tabs, tools, sidebar, user links."""
    has_tabs = title is not None and title.namespace >= 0
    if has_tabs:
        sidebar_rev, existing = _sidebar_and_existing(title)
        sections = sidebar(sidebar_rev, known=True)
    else:
        existing, sections = set(), sidebar()
    ctx: dict[str, Any] = {
        "sitename": settings.SITENAME,
        "title": title,
        "page": page,
        "action": action,
        "heading": heading if heading is not None else (title.prefixed_text if title else ""),
        "sidebar": sections,
        "user_groups": user_groups(request.user),
        "can": {
            r: has_right(request.user, r)
            for r in ("edit", "move", "delete", "protect", "upload", "rollback", "undelete")
        },
    }
    if has_tabs:
        subject = make_title(Namespaces.subject(title.namespace), title.dbkey)
        talk = make_title(Namespaces.talk(title.namespace), title.dbkey)
        ctx["subject_title"], ctx["talk_title"] = subject, talk
        ctx["is_talk"] = Namespaces.is_talk(title.namespace)
        ctx["subject_exists"] = subject.namespace in existing
        ctx["talk_exists"] = talk.namespace in existing
        ns_label = {
            2: "User page",
            6: "File",
            8: "Message",
            10: "Template",
            12: "Help page",
            14: "Category",
            4: "Project page",
        }
        ctx["subject_label"] = ns_label.get(subject.namespace, "Page")
    return ctx


def render(
    request: HttpRequest, template: str, ctx: dict[str, Any], status: int = 200
) -> HttpResponse:
    return HttpResponse(render_to_string(template, ctx, request=request), status=status)


def error_page(
    request: HttpRequest, heading: str, message: str, status: int = 400, **extra: Any
) -> HttpResponse:
    ctx = skin_context(request, None, heading=heading, action="error")
    ctx.update({"message": message, **extra})
    return render(request, "wiki/error.html", ctx, status)


def all_namespaces() -> list[tuple[int, str]]:
    ns = namespaces()
    return [(i, ns.text(i) or "(Main)") for i in ns.ids() if i >= 0]
