"""list=recentchanges (ApiQueryRecentChanges): edits, page creations and log entries, newest
first, with `rccontinue` = `<timestamp>|<rcid>`; also a generator."""

from __future__ import annotations

from typing import Any

from vellum.wiki.models import RC_EDIT, RC_LOG, RC_NEW, RecentChange
from vellum.wiki.services.titles import make_title

from ..errors import bad_title
from ..formatting import comment_fields, sha1_hex, user_fields
from ..params import Param
from ..timestamps import iso, mw, parse
from .base import QueryModule, continue_after, time_range
from .logevents import log_params

TYPES = {RC_EDIT: "edit", RC_NEW: "new", RC_LOG: "log"}
PROPS = [
    "user",
    "userid",
    "comment",
    "parsedcomment",
    "flags",
    "timestamp",
    "title",
    "ids",
    "sizes",
    "redirect",
    "patrolled",
    "loginfo",
    "tags",
    "sha1",
]
SHOW = [
    "!anon",
    "!autopatrolled",
    "!bot",
    "!minor",
    "!patrolled",
    "!redirect",
    "anon",
    "autopatrolled",
    "bot",
    "minor",
    "patrolled",
    "redirect",
    "unpatrolled",
]


class ApiQueryRecentChanges(QueryModule):
    name = "recentchanges"
    prefix = "rc"
    is_generator = True
    classname = "ApiQueryRecentChanges"
    params = [
        Param("start", "timestamp"),
        Param("end", "timestamp"),
        Param("dir", ["newer", "older"], default="older"),
        Param("namespace", "namespace", multi=True, allspecifier=True),
        Param("user", "user"),
        Param("excludeuser", "user"),
        Param("tag", "string"),
        Param("prop", PROPS, multi=True, default="title|timestamp|ids"),
        Param("show", SHOW, multi=True),
        Param("limit", "limit", default=10, max=500, highmax=5000),
        Param(
            "type",
            ["categorize", "edit", "external", "log", "new"],
            multi=True,
            default="edit|new|log|categorize",
        ),
        Param("toponly", "boolean"),
        Param("title", "string"),
        Param("continue", "string"),
        Param("generaterevisions", "boolean"),
        Param("slot", ["main"]),
    ]

    def _rows(self) -> list[RecentChange]:
        v = self.values()
        newer = v["dir"] == "newer"
        qs = RecentChange.objects.select_related("actor", "log")
        qs = qs.filter(time_range(newer, v["start"], v["end"]))
        if v["namespace"]:
            qs = qs.filter(namespace__in=v["namespace"])
        if v["user"]:
            qs = qs.filter(actor__name=v["user"])
        if v["excludeuser"]:
            qs = qs.exclude(actor__name=v["excludeuser"])
        types = [{"edit": RC_EDIT, "new": RC_NEW, "log": RC_LOG}.get(t) for t in v["type"]]
        qs = qs.filter(type__in=[t for t in types if t is not None])
        show = set(v["show"])
        for flag, field in (("minor", "minor"), ("bot", "bot")):
            if flag in show:
                qs = qs.filter(**{field: True})
            if "!" + flag in show:
                qs = qs.filter(**{field: False})
        if "anon" in show:
            qs = qs.filter(actor__user__isnull=True, actor__imported=False)
        if "!anon" in show:
            qs = qs.exclude(actor__user__isnull=True, actor__imported=False)
        if v["title"]:
            from .pageset import parse_or_none

            t = parse_or_none(v["title"])
            if t is None:
                raise bad_title(v["title"])
            qs = qs.filter(namespace=t.namespace, title=t.dbkey)
        if v["continue"]:
            ts_s, id_s = self.continue_parts(v["continue"], 2)
            ts, rcid = parse(ts_s), self.continue_int(id_s)
            if ts is None:
                self.continue_int("x")
            qs = qs.filter(continue_after(newer, ts, rcid))
        order = ("timestamp", "id") if newer else ("-timestamp", "-id")
        limit = v["limit"]
        rows = list(qs.order_by(*order)[: limit + 1])
        if v["toponly"]:
            from vellum.wiki.models import Page

            latest = set(
                Page.objects.filter(latest_id__in=[r.this_oldid for r in rows]).values_list(
                    "latest_id", flat=True
                )
            )
            rows = [r for r in rows if r.this_oldid in latest]
        if len(rows) > limit:
            n = rows[limit]
            self.set_continue("continue", f"{mw(n.timestamp)}|{n.pk}")
            rows = rows[:limit]
        return rows

    def execute(self) -> None:
        api = self.api
        props = set(self.p("prop"))
        out = []
        for r in self._rows():
            d: dict[str, Any] = {"type": TYPES.get(r.type, "edit")}
            if "title" in props:
                d["ns"] = r.namespace
                d["title"] = make_title(r.namespace, r.title).prefixed_text
            if "ids" in props:
                d["pageid"] = r.page_id
                d["revid"] = r.this_oldid
                d["old_revid"] = r.last_oldid
                d["rcid"] = r.pk
            if "user" in props or "userid" in props:
                user_fields(api, d, r.actor, "user" in props, "userid" in props)
            if "flags" in props:
                api.boolean(d, "bot", r.bot)
                api.boolean(d, "new", r.new)
                api.boolean(d, "minor", r.minor)
            if "sizes" in props:
                d["oldlen"] = r.old_len or 0
                d["newlen"] = r.new_len or 0
            if "timestamp" in props:
                d["timestamp"] = iso(r.timestamp)
            if "comment" in props or "parsedcomment" in props:
                comment_fields(api, d, r.comment, "comment" in props, "parsedcomment" in props)
            if "redirect" in props:
                api.flag(d, "redirect", False)
            if "loginfo" in props and r.log is not None:
                d["logid"] = r.log.pk
                d["logtype"] = r.log.type
                d["logaction"] = r.log.action
                d["logparams"] = log_params(api, r.log)
            if "tags" in props:
                d["tags"] = []
            if "sha1" in props and r.this_oldid:
                from vellum.wiki.models import Revision

                sha = Revision.objects.filter(pk=r.this_oldid).values_list("sha1", flat=True)
                if sha:
                    d["sha1"] = sha1_hex(sha[0])
            out.append(d)
        self.query.add("recentchanges", out)

    def run_generator(self) -> list[Any]:
        return [make_title(r.namespace, r.title) for r in self._rows()]
