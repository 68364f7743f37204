"""list=search (ApiQuerySearch): title search (the default, as MediaWiki's database backends
do), full-text search of current texts (`srwhat=text`) and `nearmatch`; also a generator."""

from __future__ import annotations

import re
from typing import Any

from django.db.models import Q
from django.utils.html import escape

from vellum.wiki.models import Page
from vellum.wiki.services import search as wiki_search
from vellum.wiki.services.titles import make_title

from ..params import Param
from ..timestamps import iso
from .base import QueryModule

PROPS = [
    "size",
    "wordcount",
    "timestamp",
    "snippet",
    "titlesnippet",
    "redirecttitle",
    "redirectsnippet",
    "sectiontitle",
    "sectionsnippet",
    "isfilematch",
    "categorysnippet",
    "score",
    "hasrelated",
    "extensiondata",
]


class ApiQuerySearch(QueryModule):
    name = "search"
    prefix = "sr"
    is_generator = True
    classname = "ApiQuerySearch"
    params = [
        Param("search", "string", required=True),
        Param("namespace", "namespace", multi=True, default="0", allspecifier=True),
        Param("limit", "limit", default=10, max=500, highmax=5000),
        Param("offset", "integer", default=0),
        Param("what", ["nearmatch", "text", "title"]),
        Param(
            "info",
            ["rewrittenquery", "suggestion", "totalhits"],
            multi=True,
            default="totalhits|suggestion|rewrittenquery",
        ),
        Param("prop", PROPS, multi=True, default="size|wordcount|timestamp|snippet"),
        Param("interwiki", "boolean"),
        Param("enablerewrites", "boolean"),
        Param("sort", ["relevance"], default="relevance"),
    ]

    def _search(self) -> tuple[list[tuple[Page, str]], int]:
        v = self.values()
        namespaces = v["namespace"] or [0]
        limit, offset = v["limit"], max(0, v["offset"] or 0)
        what = v["what"] or "title"
        if what == "text":
            hits, total = wiki_search.search(v["search"], namespaces, limit + 1, offset)
            found = [(h.page, h.snippet) for h in hits]
        elif what == "nearmatch":
            from .pageset import parse_or_none

            t = parse_or_none(v["search"])
            page = Page.objects.filter(namespace=t.namespace, title=t.dbkey).first() if t else None
            found = [(page, "")] if page else []
            total = len(found)
        else:
            terms = re.findall(r"\w+", v["search"], re.UNICODE)
            qs = Page.objects.filter(namespace__in=namespaces)
            cond = Q()
            for term in terms:
                cond &= Q(title__icontains=term)
            qs = qs.filter(cond) if terms else qs.none()
            total = qs.count()
            found = [(p, "") for p in qs.order_by("title")[offset : offset + limit + 1]]
        if len(found) > limit:
            self.set_continue("offset", offset + limit)
            found = found[:limit]
        return found, total

    def execute(self) -> None:
        v = self.values()
        props = set(v["prop"])
        found, total = self._search()
        if "totalhits" in v["info"]:
            self.query.add("searchinfo", {"totalhits": total})
        out = []
        for page, snippet in found:
            d: dict[str, Any] = {
                "ns": page.namespace,
                "title": make_title(page.namespace, page.title).prefixed_text,
                "pageid": page.pk,
            }
            text = page.latest.content.text if page.latest_id else ""
            if "size" in props:
                d["size"] = page.len
            if "wordcount" in props:
                d["wordcount"] = len(text.split())
            if "snippet" in props:
                d["snippet"] = snippet or _snippet(text, v["search"])
            if "titlesnippet" in props:
                d["titlesnippet"] = _highlight(d["title"], v["search"])
            if "timestamp" in props:
                d["timestamp"] = iso(page.latest.timestamp) if page.latest_id else ""
            out.append(d)
        self.query.add("search", out)

    def run_generator(self) -> list[Any]:
        return [p for p, _ in self._search()[0]]


def _highlight(text: str, query: str) -> str:
    out = escape(text)
    for term in re.findall(r"\w+", query, re.UNICODE):
        out = re.sub(
            f"({re.escape(term)})", r'<span class="searchmatch">\1</span>', out, flags=re.I
        )
    return out


def _snippet(text: str, query: str) -> str:
    terms = re.findall(r"\w+", query, re.UNICODE)
    low = text.lower()
    pos = min((low.find(t.lower()) for t in terms if t.lower() in low), default=0)
    start = max(0, pos - 60)
    return _highlight(text[start : start + 160], query)
