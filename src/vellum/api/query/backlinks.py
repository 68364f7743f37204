"""list=backlinks, list=embeddedin, list=imageusage (ApiQueryBacklinks): the pages that link
to, transclude or use a page, from pagelinks, templatelinks and imagelinks; all generators."""

from __future__ import annotations

from typing import Any, ClassVar

from vellum.wiki.models import ImageLink, Page, PageLink, TemplateLink
from vellum.wiki.services.titles import make_title

from ..errors import ApiError, bad_title
from ..params import Param
from .base import QueryModule
from .pageset import parse_or_none


def _params(with_redirect: bool) -> list[Param]:
    out = [
        Param("title", "string"),
        Param("pageid", "integer"),
        Param("continue", "string"),
        Param("namespace", "namespace", multi=True, allspecifier=True),
        Param("dir", ["ascending", "descending"], default="ascending"),
        Param("filterredir", ["all", "nonredirects", "redirects"], default="all"),
        Param("limit", "limit", default=10, max=500, highmax=5000),
    ]
    if with_redirect:
        out.append(Param("redirect", "boolean"))
    return out


class _BacklinksBase(QueryModule):
    is_generator = True
    classname = "ApiQueryBacklinks"
    link_model: ClassVar[Any] = PageLink

    def _sources(self, ns: int, key: str) -> Any:
        return self.link_model.objects.filter(namespace=ns, title=key).values("source_id")

    def _pages(self) -> list[Page]:
        v = self.values()
        p = self.prefix
        if v["title"] is not None:
            t = parse_or_none(v["title"])
            if t is None:
                raise bad_title(v["title"])
            ns, key = t.namespace, t.dbkey
        elif v["pageid"] is not None:
            page = Page.objects.filter(pk=v["pageid"]).first()
            if page is None:
                raise ApiError("nosuchpageid", f"There is no page with ID {v['pageid']}.")
            ns, key = page.namespace, page.title
        else:
            raise ApiError(
                "missingparam", f'One of the parameters "{p}title" and "{p}pageid" is required.'
            )
        qs = Page.objects.filter(pk__in=self._sources(ns, key))
        if v["namespace"]:
            qs = qs.filter(namespace__in=v["namespace"])
        if v["filterredir"] == "redirects":
            qs = qs.filter(is_redirect=True)
        elif v["filterredir"] == "nonredirects":
            qs = qs.filter(is_redirect=False)
        desc = v["dir"] == "descending"
        if v["continue"]:
            last = self.continue_int(v["continue"].split("|")[-1])
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
        self.query.add(self.name, out)

    def run_generator(self) -> list[Any]:
        return self._pages()


class ApiQueryBacklinks(_BacklinksBase):
    name = "backlinks"
    prefix = "bl"
    link_model = PageLink
    params = _params(True)


class ApiQueryEmbeddedIn(_BacklinksBase):
    name = "embeddedin"
    prefix = "ei"
    link_model = TemplateLink
    params = _params(False)


class ApiQueryImageUsage(_BacklinksBase):
    name = "imageusage"
    prefix = "iu"
    link_model = ImageLink
    params = _params(True)

    def _sources(self, ns: int, key: str) -> Any:
        if ns != 6:
            raise ApiError("imageusage-badtitle", 'The title for "imageusage" must be a file.')
        return ImageLink.objects.filter(name=key).values("source_id")
