"""list=allpages (ApiQueryAllPages): pages of one namespace in title order; a generator."""

from __future__ import annotations

from typing import Any

from vellum.wiki.models import Page, PageRestriction
from vellum.wiki.services.titles import make_title, site_config
from vellum.wikitext.title import ucfirst

from ..params import Param
from .base import QueryModule, title_range


def to_dbkey(text: str | None) -> str | None:
    """A `from`/`to`/`prefix` value in DB-key form (MediaWiki's titlePartToKey)."""
    if text is None:
        return None
    key = text.replace(" ", "_")
    return ucfirst(key) if site_config().namespaces.capital_links else key


class ApiQueryAllPages(QueryModule):
    name = "allpages"
    prefix = "ap"
    is_generator = True
    classname = "ApiQueryAllPages"
    params = [
        Param("from", "string"),
        Param("continue", "string"),
        Param("to", "string"),
        Param("prefix", "string"),
        Param("namespace", "namespace", default=0),
        Param("filterredir", ["all", "nonredirects", "redirects"], default="all"),
        Param("minsize", "integer"),
        Param("maxsize", "integer"),
        Param("prtype", ["edit", "move", "upload"], multi=True),
        Param("prlevel", ["", "autoconfirmed", "sysop"], multi=True),
        Param("prfiltercascade", ["all", "cascading", "noncascading"], default="all"),
        Param("limit", "limit", default=10, max=500, highmax=5000),
        Param("dir", ["ascending", "descending"], default="ascending"),
        Param("filterlanglinks", ["all", "withlanglinks", "withoutlanglinks"], default="all"),
        Param("prexpiry", ["all", "definite", "indefinite"], default="all"),
    ]

    def _pages(self) -> list[Page]:
        v = self.values()
        desc = v["dir"] == "descending"
        qs = Page.objects.filter(namespace=v["namespace"])
        start = to_dbkey(v["continue"]) if v["continue"] is not None else to_dbkey(v["from"])
        qs = qs.filter(title_range("title", start, to_dbkey(v["to"]), desc))
        if v["prefix"]:
            qs = qs.filter(title__startswith=to_dbkey(v["prefix"]))
        if v["filterredir"] == "redirects":
            qs = qs.filter(is_redirect=True)
        elif v["filterredir"] == "nonredirects":
            qs = qs.filter(is_redirect=False)
        if v["minsize"] is not None:
            qs = qs.filter(len__gte=v["minsize"])
        if v["maxsize"] is not None:
            qs = qs.filter(len__lte=v["maxsize"])
        if v["prtype"]:
            restr = PageRestriction.objects.filter(type__in=v["prtype"])
            if v["prlevel"]:
                restr = restr.filter(level__in=v["prlevel"])
            qs = qs.filter(pk__in=restr.values("page_id"))
        if v["filterlanglinks"] == "withlanglinks":
            qs = qs.filter(langlinks__isnull=False).distinct()
        elif v["filterlanglinks"] == "withoutlanglinks":
            qs = qs.filter(langlinks__isnull=True)
        limit = v["limit"]
        rows = list(qs.order_by("-title" if desc else "title")[: limit + 1])
        if len(rows) > limit:
            self.set_continue("continue", rows[limit].title)
            rows = rows[:limit]
        return rows

    def execute(self) -> None:
        out: list[dict[str, Any]] = []
        for p in self._pages():
            out.append(
                {
                    "pageid": p.pk,
                    "ns": p.namespace,
                    "title": make_title(p.namespace, p.title).prefixed_text,
                }
            )
        self.query.add("allpages", out)

    def run_generator(self) -> list[Any]:
        return self._pages()
