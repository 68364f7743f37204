"""prop=categoryinfo (ApiQueryCategoryInfo): member counts of category pages."""

from __future__ import annotations

from django.db.models import Count

from vellum.wiki.models import CategoryLink

from ..params import Param
from .base import QueryModule


class ApiQueryCategoryInfo(QueryModule):
    name = "categoryinfo"
    prefix = "ci"
    group = "prop"
    classname = "ApiQueryCategoryInfo"
    params = [Param("continue", "string")]

    def execute(self) -> None:
        entries = [e for e in self.pageset.all_titles() if e.title.namespace == 14]
        if not entries:
            return
        names = [e.title.dbkey for e in entries]
        counts: dict[str, dict[str, int]] = {}
        rows = (
            CategoryLink.objects.filter(category__in=names)
            .values("category", "type")
            .annotate(n=Count("id"))
        )
        for row in rows:
            counts.setdefault(row["category"], {})[row["type"]] = row["n"]
        for e in entries:
            c = counts.get(e.title.dbkey)
            if c is None and e.kind == "missing":
                continue
            c = c or {}
            pages, subcats, files = c.get("page", 0), c.get("subcat", 0), c.get("file", 0)
            d = {
                "size": pages + subcats + files,
                "pages": pages,
                "files": files,
                "subcats": subcats,
            }
            self.api.boolean(d, "hidden", False)
            self.query.page(e.key)["categoryinfo"] = d
