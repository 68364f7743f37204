"""list=usercontribs (ApiQueryUserContribs): a user's revisions, newest first."""

from __future__ import annotations

from typing import Any

from django.db.models import F

from vellum.wiki.models import Revision
from vellum.wiki.services.titles import make_title

from ..errors import ApiError
from ..formatting import comment_fields, user_fields
from ..params import Param
from ..timestamps import iso, mw, parse
from .base import QueryModule, continue_after, time_range


class ApiQueryUserContribs(QueryModule):
    name = "usercontribs"
    prefix = "uc"
    classname = "ApiQueryUserContribs"
    params = [
        Param("limit", "limit", default=10, max=500, highmax=5000),
        Param("start", "timestamp"),
        Param("end", "timestamp"),
        Param("continue", "string"),
        Param("user", "user", multi=True),
        Param("userids", "integer", multi=True),
        Param("userprefix", "string"),
        Param("iprange", "string"),
        Param("dir", ["newer", "older"], default="older"),
        Param("namespace", "namespace", multi=True, allspecifier=True),
        Param(
            "prop",
            [
                "ids",
                "title",
                "timestamp",
                "comment",
                "parsedcomment",
                "size",
                "sizediff",
                "flags",
                "patrolled",
                "tags",
            ],
            multi=True,
            default="ids|title|timestamp|comment|size|flags",
        ),
        Param(
            "show",
            [
                "!autopatrolled",
                "!minor",
                "!new",
                "!patrolled",
                "!top",
                "autopatrolled",
                "minor",
                "new",
                "patrolled",
                "top",
            ],
            multi=True,
        ),
        Param("tag", "string"),
        Param("toponly", "boolean", deprecated=True),
    ]

    def execute(self) -> None:
        api = self.api
        v = self.values()
        props = set(v["prop"])
        qs = Revision.objects.filter(page__isnull=False).select_related("actor", "page")
        if v["user"]:
            qs = qs.filter(actor__name__in=v["user"])
        elif v["userids"]:
            qs = qs.filter(actor__user_id__in=v["userids"])
        elif v["userprefix"]:
            qs = qs.filter(actor__name__startswith=v["userprefix"])
        else:
            raise ApiError(
                "missingparam",
                'At least one of the parameters "ucuser", "ucuserids", "ucuserprefix" and '
                '"uciprange" is required.',
            )
        newer = v["dir"] == "newer"
        qs = qs.filter(time_range(newer, v["start"], v["end"]))
        if v["namespace"]:
            qs = qs.filter(page__namespace__in=v["namespace"])
        show = set(v["show"])
        if "minor" in show:
            qs = qs.filter(minor=True)
        if "!minor" in show:
            qs = qs.filter(minor=False)
        if "new" in show:
            qs = qs.filter(parent_id=0)
        if "!new" in show:
            qs = qs.exclude(parent_id=0)
        if "top" in show or v["toponly"]:
            qs = qs.filter(page__latest_id=F("id"))
        if v["continue"]:
            parts = v["continue"].split("|")
            ts, rid = parse(parts[-2] if len(parts) >= 2 else ""), self.continue_int(parts[-1])
            if ts is None:
                self.continue_int("x")
            qs = qs.filter(continue_after(newer, ts, rid))
        order = ("timestamp", "id") if newer else ("-timestamp", "-id")
        limit = v["limit"]
        rows = list(qs.order_by(*order)[: limit + 1])
        if len(rows) > limit:
            n = rows[limit]
            self.set_continue("continue", f"{mw(n.timestamp)}|{n.pk}")
            rows = rows[:limit]
        parents = {}
        if "sizediff" in props:
            ids = [r.parent_id for r in rows if r.parent_id]
            parents = dict(Revision.objects.filter(pk__in=ids).values_list("id", "len"))
        out = []
        for r in rows:
            d: dict[str, Any] = {}
            user_fields(api, d, r.actor, True, True, r.deleted)
            if "ids" in props:
                d["pageid"] = r.page_id
                d["revid"] = r.pk
                d["parentid"] = r.parent_id
            if "title" in props:
                d["ns"] = r.page.namespace
                d["title"] = make_title(r.page.namespace, r.page.title).prefixed_text
            if "timestamp" in props:
                d["timestamp"] = iso(r.timestamp)
            if "flags" in props:
                api.boolean(d, "new", r.parent_id == 0)
                api.boolean(d, "minor", r.minor)
                api.boolean(d, "top", r.page.latest_id == r.pk)
            if "comment" in props or "parsedcomment" in props:
                comment_fields(
                    api, d, r.comment, "comment" in props, "parsedcomment" in props, r.deleted
                )
            if "size" in props:
                d["size"] = r.len
            if "sizediff" in props:
                d["sizediff"] = r.len - parents.get(r.parent_id, 0)
            if "tags" in props:
                d["tags"] = []
            out.append(d)
        self.query.add("usercontribs", out)
