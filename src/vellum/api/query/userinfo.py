"""meta=userinfo (ApiQueryUserInfo): who the request runs as, with groups and rights."""

from __future__ import annotations

from typing import Any

from .. import users
from ..params import Param
from ..timestamps import iso
from .base import QueryModule

PROPS = [
    "blockinfo",
    "hasmsg",
    "groups",
    "groupmemberships",
    "implicitgroups",
    "rights",
    "changeablegroups",
    "options",
    "editcount",
    "ratelimits",
    "theoreticalratelimits",
    "email",
    "realname",
    "acceptlang",
    "registrationdate",
    "unreadcount",
    "centralids",
    "latestcontrib",
]


class ApiQueryUserInfo(QueryModule):
    name = "userinfo"
    prefix = "ui"
    group = "meta"
    classname = "ApiQueryUserInfo"
    read_rights = False
    params = [
        Param("prop", PROPS, multi=True),
        Param("attachedwiki", "string"),
    ]

    def execute(self) -> None:
        api = self.api
        user = api.user
        props = set(self.p("prop"))
        anon = not user.is_authenticated
        d: dict[str, Any] = {"id": 0 if anon else user.pk, "name": api.user_name()}
        api.flag(d, "anon", anon)
        if "blockinfo" in props:
            pass  # Vellum has no blocks: nothing to report
        if "hasmsg" in props:
            api.boolean(d, "messages", False)
        if "groups" in props:
            d["groups"] = users.user_groups(user)
        if "implicitgroups" in props:
            d["implicitgroups"] = [
                g for g in users.user_groups(user) if g in ("*", "user", "autoconfirmed")
            ]
        if "groupmemberships" in props:
            d["groupmemberships"] = [
                {"group": g, "expiry": "infinity"}
                for g in users.user_groups(user)
                if g not in ("*", "user", "autoconfirmed")
            ]
        if "rights" in props:
            d["rights"] = api.rights()
        if "changeablegroups" in props:
            d["changeablegroups"] = {"add": [], "remove": [], "add-self": [], "remove-self": []}
        if "options" in props:
            d["options"] = {}
        if "editcount" in props:
            d["editcount"] = 0 if anon else _edit_count(user)
        if "ratelimits" in props:
            d["ratelimits"] = {}
        if "theoreticalratelimits" in props:
            d["theoreticalratelimits"] = {}
        if "email" in props and not anon:
            d["email"] = user.email or ""
        if "realname" in props and not anon:
            d["realname"] = ""
        if "registrationdate" in props and not anon:
            d["registrationdate"] = iso(user.date_joined)
        if "unreadcount" in props:
            d["unreadcount"] = 0
        if "centralids" in props:
            d["centralids"] = {"local": 0 if anon else user.pk}
            d["attachedlocal"] = (
                {"local": not anon} if api.fv == 2 else ({"local": ""} if not anon else {})
            )
        if "latestcontrib" in props and not anon:
            ts = _latest_contrib(user)
            if ts:
                d["latestcontrib"] = ts
        self.query.add("userinfo", d)


def _edit_count(user: Any) -> int:
    from vellum.wiki.models import Revision

    return Revision.objects.filter(actor__user=user).count()


def _latest_contrib(user: Any) -> str:
    from vellum.wiki.models import Revision

    rev = Revision.objects.filter(actor__user=user).order_by("-timestamp").first()
    return iso(rev.timestamp) if rev else ""
