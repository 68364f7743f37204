"""list=allimages (ApiQueryAllImages): uploaded files by name or by upload time."""

from __future__ import annotations

from typing import Any

from vellum.wiki.models import File
from vellum.wiki.services.titles import make_title

from ..params import Param
from ..timestamps import mw, parse
from .allpages import to_dbkey
from .base import QueryModule, continue_after, time_range
from .imageinfo import describe_file

PROPS = [
    "badfile",
    "bitdepth",
    "canonicaltitle",
    "comment",
    "commonmetadata",
    "dimensions",
    "extmetadata",
    "mediatype",
    "metadata",
    "mime",
    "parsedcomment",
    "sha1",
    "size",
    "timestamp",
    "url",
    "user",
    "userid",
]


class ApiQueryAllImages(QueryModule):
    name = "allimages"
    prefix = "ai"
    is_generator = True
    classname = "ApiQueryAllImages"
    params = [
        Param("sort", ["name", "timestamp"], default="name"),
        Param("dir", ["ascending", "descending", "newer", "older"], default="ascending"),
        Param("from", "string"),
        Param("to", "string"),
        Param("continue", "string"),
        Param("start", "timestamp"),
        Param("end", "timestamp"),
        Param("prop", PROPS, multi=True, default="timestamp|url"),
        Param("prefix", "string"),
        Param("minsize", "integer"),
        Param("maxsize", "integer"),
        Param("sha1", "string"),
        Param("sha1base36", "string"),
        Param("user", "user"),
        Param("filterbots", ["all", "bots", "nobots"], default="all"),
        Param("mime", "string", multi=True),
        Param("limit", "limit", default=10, max=500, highmax=5000),
    ]

    def _files(self) -> list[File]:
        v = self.values()
        desc = v["dir"] in ("descending", "older")
        qs = File.objects.select_related("actor")
        if v["sort"] == "timestamp":
            qs = qs.filter(time_range(not desc, v["start"], v["end"]))
            if v["continue"]:
                ts_s, _, name = v["continue"].partition("|")
                ts = parse(ts_s)
                if ts is None:
                    self.continue_int("x")
                qs = qs.filter(continue_after(not desc, ts, name, id_field="name"))
            order = ("-timestamp", "-name") if desc else ("timestamp", "name")
        else:
            start = to_dbkey(v["continue"] or v["from"])
            end = to_dbkey(v["to"])
            lo, hi = (end, start) if desc else (start, end)
            if lo is not None:
                qs = qs.filter(name__gte=lo)
            if hi is not None:
                qs = qs.filter(name__lte=hi)
            if v["prefix"]:
                qs = qs.filter(name__startswith=to_dbkey(v["prefix"]))
            order = ("-name",) if desc else ("name",)
        if v["minsize"] is not None:
            qs = qs.filter(size__gte=v["minsize"])
        if v["maxsize"] is not None:
            qs = qs.filter(size__lte=v["maxsize"])
        if v["sha1"]:
            try:
                b36 = _hex_to_base36(v["sha1"])
            except ValueError:
                b36 = ""
            qs = qs.filter(sha1=b36)
        elif v["sha1base36"]:
            qs = qs.filter(sha1=v["sha1base36"].rjust(31, "0"))
        if v["user"]:
            qs = qs.filter(actor__name=v["user"])
        if v["mime"]:
            qs = qs.filter(mime__in=v["mime"])
        limit = v["limit"]
        rows = list(qs.order_by(*order)[: limit + 1])
        if len(rows) > limit:
            n = rows[limit]
            if v["sort"] == "timestamp":
                self.set_continue("continue", f"{mw(n.timestamp)}|{n.name}")
            else:
                self.set_continue("continue", n.name)
            rows = rows[:limit]
        return rows

    def execute(self) -> None:
        props = set(self.p("prop"))
        out = []
        for f in self._files():
            title = make_title(6, f.name)
            d: dict[str, Any] = {"name": f.name}
            d.update(describe_file(self.api, f, props, title))
            d["ns"] = 6
            d["title"] = title.prefixed_text
            out.append(d)
        self.query.add("allimages", out)

    def run_generator(self) -> list[Any]:
        return [make_title(6, f.name) for f in self._files()]


def _hex_to_base36(hexdigest: str) -> str:
    n = int(hexdigest, 16)
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = []
    while n:
        n, r = divmod(n, 36)
        out.append(digits[r])
    return "".join(reversed(out)).rjust(31, "0")
