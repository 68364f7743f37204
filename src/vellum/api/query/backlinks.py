"""list=backlinks (ApiQueryBacklinks): pages that link to a page, from pagelinks."""

from __future__ import annotations

from typing import Any

from vellum.wiki.models import Page, PageLink
from vellum.wiki.services.titles import make_title

from ..errors import ApiError
from ..params import Param
from .base import QueryModule
from .pageset import parse_or_none


class ApiQueryBacklinks(QueryModule):
    name = "backlinks"
    prefix = "bl"
    is_generator = True
    classname = "ApiQueryBacklinks"
    params = [
        Param("title", "string"),
        Param("pageid", "integer"),
        Param("continue", "string"),
        Param("namespace", "namespace", multi=True, allspecifier=True),
        Param("dir", ["ascending", "descending"], default="ascending"),
        Param("filterredir", ["all", "nonredirects", "redirects"], default="all"),
        Param("limit", "limit", default=10, max=500, highmax=5000),
        Param("redirect", "boolean"),
    ]

    def _pages(self) -> list[Page]:
        v = self.values()
        if v["title"] is not None:
            t = parse_or_none(v["title"])
            if t is None:
                raise ApiError("invalidtitle", f'Bad title "{v["title"]}".')
            ns, key = t.namespace, t.dbkey
        elif v["pageid"] is not None:
            page = Page.objects.filter(pk=v["pageid"]).first()
            if page is None:
                raise ApiError("nosuchpageid", f"There is no page with ID {v['pageid']}.")
            ns, key = page.namespace, page.title
        else:
            raise ApiError(
                "missingparam", 'One of the parameters "bltitle" and "blpageid" is required.'
            )
        sources = PageLink.objects.filter(namespace=ns, title=key).values("source_id")
        qs = Page.objects.filter(pk__in=sources)
        if v["namespace"]:
            qs = qs.filter(namespace__in=v["namespace"])
        if v["filterredir"] == "redirects":
            qs = qs.filter(is_redirect=True)
        elif v["filterredir"] == "nonredirects":
            qs = qs.filter(is_redirect=False)
        desc = v["dir"] == "descending"
        if v["continue"]:
            parts = v["continue"].split("|")
            last = self.continue_int(parts[-1])
            qs = qs.filter(pk__lte=last) if desc else qs.filter(pk__gte=last)
        limit = v["limit"]
        rows = list(qs.order_by("-id" if desc else "id")[: limit + 1])
        if len(rows) > limit:
            self.set_continue("continue", f"{ns}|{key}|{rows[limit].pk}")
            rows = rows[:limit]
        return rows

    def execute(self) -> None:
        out: list[dict[str, Any]] = []
        for p in self._pages():
            d: dict[str, Any] = {
                "pageid": p.pk,
                "ns": p.namespace,
                "title": make_title(p.namespace, p.title).prefixed_text,
            }
            self.api.flag(d, "redirect", p.is_redirect)
            out.append(d)
        self.query.add("backlinks", out)

    def run_generator(self) -> list[Any]:
        return self._pages()
