"""prop=links and prop=templates (ApiQueryLinks): the pages a page links to or transcludes,
from the link tables; both also work as generators."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db.models import Q

from vellum.wiki.models import PageLink, TemplateLink
from vellum.wiki.services.titles import make_title

from ..params import Param
from .base import QueryModule


def _params(title_param: str) -> list[Param]:
    return [
        Param("namespace", "namespace", multi=True, allspecifier=True),
        Param("limit", "limit", default=10, max=500, highmax=5000),
        Param("continue", "string"),
        Param(title_param, "string", multi=True),
        Param("dir", ["ascending", "descending"], default="ascending"),
    ]


class _LinksBase(QueryModule):
    group = "prop"
    is_generator = True
    model: ClassVar[Any] = PageLink
    title_param: ClassVar[str] = "titles"

    def _rows(self, page_ids: list[int]) -> list[Any]:
        v = self.values()
        qs = self.model.objects.filter(source_id__in=page_ids)
        if v["namespace"]:
            qs = qs.filter(namespace__in=v["namespace"])
        if v[self.title_param]:
            cond = Q()
            from .pageset import parse_or_none

            for text in v[self.title_param]:
                t = parse_or_none(text)
                if t is not None:
                    cond |= Q(namespace=t.namespace, title=t.dbkey)
            qs = qs.filter(cond)
        desc = v["dir"] == "descending"
        order = (
            ("-source_id", "-namespace", "-title") if desc else ("source_id", "namespace", "title")
        )
        if v["continue"]:
            pid, ns, key = self.continue_parts(v["continue"], 3)
            pid_i, ns_i = self.continue_int(pid), self.continue_int(ns)
            if desc:
                qs = qs.filter(
                    Q(source_id__lt=pid_i)
                    | Q(source_id=pid_i, namespace__lt=ns_i)
                    | Q(source_id=pid_i, namespace=ns_i, title__lte=key)
                )
            else:
                qs = qs.filter(
                    Q(source_id__gt=pid_i)
                    | Q(source_id=pid_i, namespace__gt=ns_i)
                    | Q(source_id=pid_i, namespace=ns_i, title__gte=key)
                )
        limit = v["limit"]
        rows = list(qs.order_by(*order).distinct()[: limit + 1])
        if len(rows) > limit:
            n = rows[limit]
            self.set_continue("continue", f"{n.source_id}|{n.namespace}|{n.title}")
            rows = rows[:limit]
        return rows

    def execute(self) -> None:
        ids = [e.key for e in self.pageset.good()]
        if not ids:
            return
        for r in self._rows(ids):
            rec = self.query.page(r.source_id)
            rec.setdefault(self.name, []).append(
                {"ns": r.namespace, "title": make_title(r.namespace, r.title).prefixed_text}
            )

    def run_generator(self) -> list[Any]:
        self.values()
        ids = [e.key for e in self.source.good()]  # type: ignore[attr-defined]
        if not ids:
            return []
        return [make_title(r.namespace, r.title) for r in self._rows(ids)]


class ApiQueryLinks(_LinksBase):
    name = "links"
    prefix = "pl"
    classname = "ApiQueryLinks"
    model = PageLink
    title_param = "titles"
    params = _params("titles")


class ApiQueryTemplates(_LinksBase):
    name = "templates"
    prefix = "tl"
    classname = "ApiQueryLinks"
    model = TemplateLink
    title_param = "templates"
    params = _params("templates")
