"""list=allusers (ApiQueryAllUsers): registered accounts in name order."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model

from vellum.wiki.models import Revision

from .. import users
from ..params import Param
from ..timestamps import iso
from .allpages import to_dbkey
from .base import QueryModule


def _name(key: str | None) -> str | None:
    return to_dbkey(key).replace("_", " ") if key is not None else None


class ApiQueryAllUsers(QueryModule):
    name = "allusers"
    prefix = "au"
    classname = "ApiQueryAllUsers"
    params = [
        Param("from", "string"),
        Param("to", "string"),
        Param("prefix", "string"),
        Param("dir", ["ascending", "descending"], default="ascending"),
        Param("group", ["bot", "bureaucrat", "interface-admin", "suppress", "sysop"], multi=True),
        Param(
            "excludegroup",
            ["bot", "bureaucrat", "interface-admin", "suppress", "sysop"],
            multi=True,
        ),
        Param("rights", "string", multi=True),
        Param(
            "prop",
            [
                "blockinfo",
                "centralids",
                "editcount",
                "groups",
                "implicitgroups",
                "registration",
                "rights",
            ],
            multi=True,
        ),
        Param("limit", "limit", default=10, max=500, highmax=5000),
        Param("witheditsonly", "boolean"),
        Param("activeusers", "boolean"),
        Param("attachedwiki", "string"),
    ]

    def execute(self) -> None:
        v = self.values()
        props = set(v["prop"])
        desc = v["dir"] == "descending"
        qs = get_user_model().objects.filter(is_active=True)
        start, end = _name(v["from"]), _name(v["to"])
        if desc:
            start, end = end, start
        if start is not None:
            qs = qs.filter(username__gte=start)
        if end is not None:
            qs = qs.filter(username__lte=end)
        if v["prefix"]:
            qs = qs.filter(username__startswith=_name(v["prefix"]))
        if v["group"]:
            qs = qs.filter(wiki_groups__group__in=v["group"]).distinct()
        if v["excludegroup"]:
            qs = qs.exclude(wiki_groups__group__in=v["excludegroup"])
        limit = v["limit"]
        rows = list(qs.order_by("-username" if desc else "username")[: limit + 1])
        if v["rights"]:
            rows = [u for u in rows if set(v["rights"]) & set(users.user_rights(u))]
        if v["witheditsonly"]:
            rows = [u for u in rows if Revision.objects.filter(actor__user=u).exists()]
        if len(rows) > limit:
            self.set_continue("from", rows[limit].username)
            rows = rows[:limit]
        out = []
        for u in rows:
            d: dict[str, Any] = {"userid": u.pk, "name": u.username}
            if "editcount" in props:
                d["editcount"] = Revision.objects.filter(actor__user=u).count()
            if "registration" in props:
                d["registration"] = iso(u.date_joined)
            if "groups" in props:
                d["groups"] = users.user_groups(u)
            if "implicitgroups" in props:
                d["implicitgroups"] = ["*", "user", "autoconfirmed"]
            if "rights" in props:
                d["rights"] = users.user_rights(u)
            out.append(d)
        self.query.add("allusers", out)
