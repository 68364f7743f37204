"""action=protect (ApiProtect): set edit/move/upload (or create) protection levels."""

from __future__ import annotations

from typing import Any

from vellum.wiki.services import pages
from vellum.wiki.services.errors import EditError

from ..base import ApiModule
from ..errors import ApiError, admins_only
from ..params import Param
from ..timestamps import iso
from ..timestamps import parse as parse_ts
from ..wikierrors import api_error
from .move import page_from

INFINITE = {"infinite", "indefinite", "infinity", "never", ""}


class ApiProtect(ApiModule):
    name = "protect"
    classname = "ApiProtect"
    must_be_posted = True
    write = True
    token = "csrf"
    params = [
        Param("title", "string"),
        Param("pageid", "integer"),
        Param("protections", "string", multi=True, required=True),
        Param("expiry", "string", multi=True, default="infinite"),
        Param("reason", "string", default=""),
        Param("tags", [], multi=True),
        Param("cascade", "boolean"),
        Param("watch", "boolean", deprecated=True),
        Param("watchlist", ["nochange", "preferences", "unwatch", "watch"], default="preferences"),
    ]

    def execute(self) -> None:
        api = self.api
        v = self.values()
        self.require_only_one_of("title", "pageid")
        title = page_from(api, v["title"], v["pageid"], "title")
        if not api.has_right("protect"):
            raise admins_only()
        exists = pages.get_page(title) is not None
        expiries = v["expiry"]
        if len(expiries) != 1 and len(expiries) != len(v["protections"]):
            raise ApiError(
                "toofewexpiries",
                f"{len(expiries)} expiry timestamps were provided where "
                f"{len(v['protections'])} were needed.",
            )
        wanted: dict[str, str] = {}
        out_list: list[dict[str, Any]] = []
        expiry_dt = None
        for i, spec in enumerate(v["protections"]):
            if "=" not in spec:
                raise ApiError("protect-invalidaction", f'Invalid protection type "{spec}".')
            kind, level = spec.split("=", 1)
            allowed = ("edit", "move", "upload") if exists else ("create",)
            if kind not in allowed:
                raise ApiError("protect-invalidaction", f'Invalid protection type "{kind}".')
            if level not in ("", "all", "autoconfirmed", "sysop"):
                raise ApiError("protect-invalidlevel", f'Invalid protection level "{level}".')
            exp_text = expiries[i] if len(expiries) > 1 else expiries[0]
            if exp_text in INFINITE:
                exp = None
            else:
                exp = parse_ts(exp_text)
                if exp is None:
                    raise ApiError("invalidexpiry", f'Invalid expiry time "{exp_text}".')
            expiry_dt = exp
            wanted[kind] = level
            out_list.append(
                {
                    kind: level if level != "all" else "",
                    "expiry": "infinite" if exp is None else iso(exp),
                }
            )
        try:
            pages.protect_page(
                title, api.user, wanted, expiry=expiry_dt, reason=v["reason"], cascade=v["cascade"]
            )
        except EditError as e:
            raise api_error(e) from e
        out: dict[str, Any] = {"title": title.prefixed_text, "reason": v["reason"]}
        if v["cascade"]:
            api.flag(out, "cascade")
        out["protections"] = out_list
        api.result["protect"] = out
