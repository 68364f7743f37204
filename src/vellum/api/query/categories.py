"""prop=categories (ApiQueryCategories): the categories a page is in, from categorylinks."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from vellum.wiki.models import CategoryLink
from vellum.wiki.services.titles import make_title

from ..params import Param
from ..timestamps import iso
from .base import QueryModule


class ApiQueryCategories(QueryModule):
    name = "categories"
    prefix = "cl"
    group = "prop"
    is_generator = True
    classname = "ApiQueryCategories"
    params = [
        Param("prop", ["hidden", "sortkey", "timestamp"], multi=True),
        Param("show", ["!hidden", "hidden"], multi=True),
        Param("limit", "limit", default=10, max=500, highmax=5000),
        Param("continue", "string"),
        Param("categories", "string", multi=True),
        Param("dir", ["ascending", "descending"], default="ascending"),
    ]

    def _rows(self, ids: list[int]) -> list[CategoryLink]:
        v = self.values()
        qs = CategoryLink.objects.filter(source_id__in=ids)
        if v["categories"]:
            keys = []
            for text in v["categories"]:
                from .pageset import parse_or_none

                t = parse_or_none(text)
                if t is not None and t.namespace == 14:
                    keys.append(t.dbkey)
            qs = qs.filter(category__in=keys)
        desc = v["dir"] == "descending"
        if v["continue"]:
            pid, key = self.continue_parts(v["continue"], 2)
            pid_i = self.continue_int(pid)
            if desc:
                qs = qs.filter(Q(source_id__lt=pid_i) | Q(source_id=pid_i, category__lte=key))
            else:
                qs = qs.filter(Q(source_id__gt=pid_i) | Q(source_id=pid_i, category__gte=key))
        order = ("-source_id", "-category") if desc else ("source_id", "category")
        limit = v["limit"]
        rows = list(qs.order_by(*order)[: limit + 1])
        if len(rows) > limit:
            n = rows[limit]
            self.set_continue("continue", f"{n.source_id}|{n.category}")
            rows = rows[:limit]
        return rows

    def execute(self) -> None:
        ids = [e.key for e in self.pageset.good()]
        if not ids:
            return
        props = set(self.p("prop"))
        for r in self._rows(ids):
            d: dict[str, Any] = {"ns": 14, "title": make_title(14, r.category).prefixed_text}
            if "sortkey" in props:
                d["sortkey"] = r.sortkey.encode("utf-8").hex()
                d["sortkeyprefix"] = ""
            if "timestamp" in props:
                d["timestamp"] = iso(r.timestamp)
            self.query.page(r.source_id).setdefault("categories", []).append(d)

    def run_generator(self) -> list[Any]:
        self.values()
        ids = [e.key for e in self.source.good()]  # type: ignore[attr-defined]
        if not ids:
            return []
        return [make_title(14, r.category) for r in self._rows(ids)]
