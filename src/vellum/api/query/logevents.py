"""list=logevents (ApiQueryLogEvents): the logs (move, delete, upload, create, protect, ...)."""

from __future__ import annotations

import re
from typing import Any

from vellum.wiki.models import LogEntry
from vellum.wiki.services.titles import make_title

from ..formatting import comment_fields, user_fields
from ..params import Param
from ..timestamps import iso, mw, parse
from .base import QueryModule, continue_after, time_range
from .pageset import parse_or_none

_INDEXED = re.compile(r"^\d+:\w*:(.+)$")
LOG_TYPES = [
    "block",
    "contentmodel",
    "create",
    "delete",
    "import",
    "managetags",
    "merge",
    "move",
    "newusers",
    "patrol",
    "protect",
    "rights",
    "suppress",
    "tag",
    "upload",
]


def log_params(api: Any, entry: LogEntry) -> dict[str, Any]:
    """Log parameters as the API shows them (LogFormatter::formatParametersForApi)."""
    out: dict[str, Any] = {}
    for key, value in (entry.params or {}).items():
        m = _INDEXED.match(key)
        name = m.group(1) if m else key
        if name == "target":
            t = parse_or_none(str(value))
            if t is not None:
                out["target_ns"] = t.namespace
                out["target_title"] = t.prefixed_text
            else:
                out["target_title"] = str(value)
        elif name in ("noredir", "suppressredirect"):
            if value and value != "0":
                api.flag(out, "suppressredirect")
        elif isinstance(value, bool):
            api.flag(out, name, value)
        elif name == "img_timestamp":
            ts = parse(str(value))
            out[name] = iso(ts) if ts else value
        else:
            out[name] = value
    return out


class ApiQueryLogEvents(QueryModule):
    name = "logevents"
    prefix = "le"
    classname = "ApiQueryLogEvents"
    params = [
        Param(
            "prop",
            [
                "ids",
                "title",
                "type",
                "user",
                "userid",
                "timestamp",
                "comment",
                "parsedcomment",
                "details",
                "tags",
            ],
            multi=True,
            default="ids|title|type|user|timestamp|comment|details",
        ),
        Param("type", [""] + LOG_TYPES),
        Param("action", "string"),
        Param("start", "timestamp"),
        Param("end", "timestamp"),
        Param("dir", ["newer", "older"], default="older"),
        Param("user", "user"),
        Param("title", "string"),
        Param("namespace", "namespace"),
        Param("prefix", "string"),
        Param("tag", "string"),
        Param("limit", "limit", default=10, max=500, highmax=5000),
        Param("continue", "string"),
    ]

    def execute(self) -> None:
        api = self.api
        v = self.values()
        props = set(v["prop"])
        newer = v["dir"] == "newer"
        qs = LogEntry.objects.select_related("actor")
        if v["type"]:
            qs = qs.filter(type=v["type"])
        if v["action"]:
            if "/" in v["action"]:
                t, a = v["action"].split("/", 1)
                qs = qs.filter(type=t) if a == "*" else qs.filter(type=t, action=a)
            else:
                qs = qs.filter(action=v["action"])
        qs = qs.filter(time_range(newer, v["start"], v["end"]))
        if v["user"]:
            qs = qs.filter(actor__name=v["user"])
        if v["title"]:
            t = parse_or_none(v["title"])
            if t is not None:
                qs = qs.filter(namespace=t.namespace, title=t.dbkey)
        if v["namespace"] is not None:
            qs = qs.filter(namespace=v["namespace"])
        if v["prefix"]:
            t = parse_or_none(v["prefix"])
            if t is not None:
                qs = qs.filter(namespace=t.namespace, title__startswith=t.dbkey)
        qs = qs.exclude(deleted__gt=0)
        if v["continue"]:
            ts_s, id_s = self.continue_parts(v["continue"], 2)
            ts, lid = parse(ts_s), self.continue_int(id_s)
            if ts is None:
                self.continue_int("x")
            qs = qs.filter(continue_after(newer, ts, lid))
        order = ("timestamp", "id") if newer else ("-timestamp", "-id")
        limit = v["limit"]
        rows = list(qs.order_by(*order)[: limit + 1])
        if len(rows) > limit:
            n = rows[limit]
            self.set_continue("continue", f"{mw(n.timestamp)}|{n.pk}")
            rows = rows[:limit]
        out = []
        for e in rows:
            d: dict[str, Any] = {}
            if "ids" in props:
                d["logid"] = e.pk
            if "title" in props:
                d["ns"] = e.namespace
                d["title"] = make_title(e.namespace, e.title).prefixed_text
            if "ids" in props:
                d["pageid"] = e.page_id
                d["logpage"] = e.page_id
            if "details" in props:
                d["params"] = log_params(api, e)
            if "type" in props:
                d["type"] = e.type
                d["action"] = e.action
            if "user" in props or "userid" in props:
                user_fields(api, d, e.actor, "user" in props, "userid" in props)
            if "timestamp" in props:
                d["timestamp"] = iso(e.timestamp)
            if "comment" in props or "parsedcomment" in props:
                comment_fields(api, d, e.comment, "comment" in props, "parsedcomment" in props)
            if "tags" in props:
                d["tags"] = []
            out.append(d)
        self.query.add("logevents", out)
