"""action=undelete (ApiUndelete): restore the archived revisions of a deleted page."""

from __future__ import annotations

from vellum.wiki.services import pages
from vellum.wiki.services.errors import EditError

from ..base import ApiModule
from ..errors import ApiError, admins_only
from ..params import Param
from .move import page_from


class ApiUndelete(ApiModule):
    name = "undelete"
    classname = "ApiUndelete"
    must_be_posted = True
    write = True
    token = "csrf"
    params = [
        Param("title", "string", required=True),
        Param("reason", "string", default=""),
        Param("tags", [], multi=True),
        Param("timestamps", "timestamp", multi=True),
        Param("fileids", "integer", multi=True),
        Param("undeletetalk", "boolean"),
        Param("watchlist", ["nochange", "preferences", "unwatch", "watch"], default="preferences"),
    ]

    def execute(self) -> None:
        api = self.api
        v = self.values()
        title = page_from(api, v["title"], None, "title")
        if not api.has_right("undelete"):
            raise admins_only()
        ids = None
        if v["timestamps"]:
            wanted = {ts.replace(microsecond=0) for ts in v["timestamps"]}
            ids = [
                r.pk
                for r in pages.deleted_revisions(title)
                if r.timestamp.replace(microsecond=0) in wanted
            ]
        try:
            page, count = pages.undelete_page(title, api.user, reason=v["reason"], revision_ids=ids)
        except EditError:
            raise ApiError(
                "cantundelete",
                "Couldn't undelete: the requested revisions may not exist, or may have been "
                "undeleted already.",
            ) from None
        api.result["undelete"] = {
            "title": title.prefixed_text,
            "revisions": count,
            "fileversions": 0,
            "reason": v["reason"],
        }
