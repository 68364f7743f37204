"""list=categorymembers (ApiQueryCategoryMembers): pages in a category by sort key."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from vellum.wiki.models import CategoryLink
from vellum.wiki.services.titles import make_title

from ..errors import ApiError
from ..params import Param
from ..timestamps import iso
from .base import QueryModule
from .pageset import parse_or_none


class ApiQueryCategoryMembers(QueryModule):
    name = "categorymembers"
    prefix = "cm"
    is_generator = True
    classname = "ApiQueryCategoryMembers"
    params = [
        Param("title", "string"),
        Param("pageid", "integer"),
        Param(
            "prop",
            ["ids", "sortkey", "sortkeyprefix", "timestamp", "title", "type"],
            multi=True,
            default="ids|title",
        ),
        Param("namespace", "namespace", multi=True, allspecifier=True),
        Param("type", ["file", "page", "subcat"], multi=True, default="page|subcat|file"),
        Param("continue", "string"),
        Param("limit", "limit", default=10, max=500, highmax=5000),
        Param("sort", ["sortkey", "timestamp"], default="sortkey"),
        Param(
            "dir", ["asc", "desc", "ascending", "descending", "newer", "older"], default="ascending"
        ),
        Param("start", "timestamp"),
        Param("end", "timestamp"),
        Param("starthexsortkey", "string"),
        Param("endhexsortkey", "string"),
        Param("startsortkey", "string", deprecated=True),
        Param("endsortkey", "string", deprecated=True),
        Param("startsortkeyprefix", "string"),
        Param("endsortkeyprefix", "string"),
    ]

    def _rows(self) -> list[CategoryLink]:
        v = self.values()
        if v["title"] is None and v["pageid"] is None:
            raise ApiError(
                "missingparam", 'One of the parameters "cmtitle" and "cmpageid" is required.'
            )
        if v["title"] is not None:
            t = parse_or_none(v["title"])
            if t is None or t.namespace != 14:
                raise ApiError("invalidcategory", "The category name you entered is not valid.")
            category = t.dbkey
        else:
            from vellum.wiki.models import Page

            page = Page.objects.filter(pk=v["pageid"], namespace=14).first()
            if page is None:
                raise ApiError("nosuchpageid", f"There is no page with ID {v['pageid']}.")
            category = page.title
        qs = CategoryLink.objects.filter(category=category, type__in=v["type"]).select_related(
            "source"
        )
        if v["namespace"]:
            qs = qs.filter(source__namespace__in=v["namespace"])
        desc = v["dir"] in ("desc", "descending", "older")
        by_ts = v["sort"] == "timestamp"
        key_field = "timestamp" if by_ts else "sortkey"
        if v["continue"]:
            parts = v["continue"].split("|")
            last_id = self.continue_int(parts[-1])
            key = "|".join(parts[:-1])
            if by_ts:
                from ..timestamps import parse

                key = parse(key)  # type: ignore[assignment]
            else:
                key = bytes.fromhex(key.split("|")[-1]).decode("utf-8", "replace") if key else ""
            if desc:
                qs = qs.filter(
                    Q(**{f"{key_field}__lt": key})
                    | Q(**{key_field: key, "source_id__lte": last_id})
                )
            else:
                qs = qs.filter(
                    Q(**{f"{key_field}__gt": key})
                    | Q(**{key_field: key, "source_id__gte": last_id})
                )
        order = (f"-{key_field}", "-source_id") if desc else (key_field, "source_id")
        limit = v["limit"]
        rows = list(qs.order_by(*order)[: limit + 1])
        if len(rows) > limit:
            n = rows[limit]
            if by_ts:
                from ..timestamps import mw

                self.set_continue("continue", f"{mw(n.timestamp)}|{n.source_id}")
            else:
                hexkey = n.sortkey.encode("utf-8").hex()
                self.set_continue("continue", f"{n.type}|{hexkey}|{n.source_id}")
            rows = rows[:limit]
        return rows

    def execute(self) -> None:
        props = set(self.p("prop"))
        out = []
        for r in self._rows():
            d: dict[str, Any] = {}
            if "ids" in props:
                d["pageid"] = r.source_id
            if "title" in props:
                d["ns"] = r.source.namespace
                d["title"] = make_title(r.source.namespace, r.source.title).prefixed_text
            if "sortkey" in props:
                d["sortkey"] = r.sortkey.encode("utf-8").hex()
            if "sortkeyprefix" in props:
                d["sortkeyprefix"] = ""
            if "type" in props:
                d["type"] = r.type
            if "timestamp" in props:
                d["timestamp"] = iso(r.timestamp)
            out.append(d)
        self.query.add("categorymembers", out)

    def run_generator(self) -> list[Any]:
        return [r.source for r in self._rows()]
