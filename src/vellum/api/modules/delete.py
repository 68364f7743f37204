"""action=delete (ApiDelete): delete a page; its revisions are archived (restorable)."""

from __future__ import annotations

from vellum.wiki.services import pages
from vellum.wiki.services.errors import EditError

from ..base import ApiModule
from ..errors import ApiError, admins_only
from ..params import Param
from ..wikierrors import api_error
from .move import page_from


class ApiDelete(ApiModule):
    name = "delete"
    classname = "ApiDelete"
    must_be_posted = True
    write = True
    token = "csrf"
    params = [
        Param("title", "string"),
        Param("pageid", "integer"),
        Param("reason", "string"),
        Param("tags", [], multi=True),
        Param("deletetalk", "boolean"),
        Param("watch", "boolean", deprecated=True),
        Param("watchlist", ["nochange", "preferences", "unwatch", "watch"], default="preferences"),
        Param("unwatch", "boolean", deprecated=True),
        Param("oldimage", "string"),
    ]

    def execute(self) -> None:
        api = self.api
        v = self.values()
        self.require_only_one_of("title", "pageid")
        title = page_from(api, v["title"], v["pageid"], "title")
        if not api.has_right("delete"):
            raise admins_only(("cantedit",))
        if pages.get_page(title) is None:
            raise ApiError("missingtitle", "The page you specified doesn't exist.")
        reason = v["reason"] if v["reason"] is not None else ""
        try:
            logid = pages.delete_page(title, api.user, reason=reason)
            if v["deletetalk"] and title.namespace % 2 == 0:
                from vellum.wiki.services.titles import make_title

                talk = make_title(title.namespace + 1, title.dbkey)
                if pages.get_page(talk) is not None:
                    pages.delete_page(talk, api.user, reason=reason)
        except EditError as e:
            raise api_error(e) from e
        api.result["delete"] = {"title": title.prefixed_text, "reason": reason, "logid": logid}
