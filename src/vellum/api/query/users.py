"""list=users (ApiQueryUsers): facts about named accounts (groups, rights, edit count)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model

from vellum.wiki.models import Revision

from .. import users
from ..params import Param
from ..timestamps import iso
from .base import QueryModule


class ApiQueryUsers(QueryModule):
    name = "users"
    prefix = "us"
    classname = "ApiQueryUsers"
    params = [
        Param(
            "prop",
            [
                "blockinfo",
                "cancreate",
                "centralids",
                "editcount",
                "emailable",
                "gender",
                "groupmemberships",
                "groups",
                "implicitgroups",
                "registration",
                "rights",
            ],
            multi=True,
        ),
        Param("attachedwiki", "string"),
        Param("users", "string", multi=True),
        Param("userids", "integer", multi=True),
    ]

    def execute(self) -> None:
        api = self.api
        v = self.values()
        props = set(v["prop"])
        User = get_user_model()
        out: list[dict[str, Any]] = []
        found = {
            u.username: u
            for u in User.objects.filter(username__in=[users.canonical_name(n) for n in v["users"]])
        }
        by_id = {u.pk: u for u in User.objects.filter(pk__in=v["userids"])}
        wanted: list[tuple[str, Any]] = [(users.canonical_name(n), None) for n in v["users"]]
        wanted += [(str(i), by_id.get(i)) for i in v["userids"]]
        for name, user in wanted:
            user = user or found.get(name)
            if user is None:
                d: dict[str, Any] = (
                    {"name": name}
                    if not (name.isascii() and name.isdigit())
                    else {"userid": int(name)}
                )
                api.flag(d, "missing")
                out.append(d)
                continue
            d = {"userid": user.pk, "name": user.username}
            if "editcount" in props:
                d["editcount"] = Revision.objects.filter(actor__user=user).count()
            if "registration" in props:
                d["registration"] = iso(user.date_joined)
            if "groups" in props:
                d["groups"] = users.user_groups(user)
            if "implicitgroups" in props:
                d["implicitgroups"] = ["*", "user", "autoconfirmed"]
            if "rights" in props:
                d["rights"] = users.user_rights(user)
            if "emailable" in props and user.email:
                api.flag(d, "emailable")
            if "gender" in props:
                d["gender"] = "unknown"
            out.append(d)
        self.query.add("users", out)
