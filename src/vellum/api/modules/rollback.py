"""action=rollback (ApiRollback): revert a user's consecutive latest edits of a page."""

from __future__ import annotations

from vellum.wiki.services import pages
from vellum.wiki.services.errors import EditError
from vellum.wiki.services.titles import title_of

from ..base import ApiModule
from ..errors import ApiError, admins_only
from ..params import Param
from ..wikierrors import api_error
from .move import page_from


class ApiRollback(ApiModule):
    name = "rollback"
    classname = "ApiRollback"
    must_be_posted = True
    write = True
    token = "rollback"
    params = [
        Param("title", "string"),
        Param("pageid", "integer"),
        Param("tags", [], multi=True),
        Param("user", "user", required=True),
        Param("summary", "string", default=""),
        Param("markbot", "boolean"),
        Param("watchlist", ["nochange", "preferences", "unwatch", "watch"], default="preferences"),
    ]

    def execute(self) -> None:
        api = self.api
        v = self.values()
        self.require_only_one_of("title", "pageid")
        title = page_from(api, v["title"], v["pageid"], "title")
        page = pages.get_page(title)
        if page is None:
            raise ApiError("missingtitle", "The page you specified doesn't exist.")
        if not api.has_right("rollback"):
            raise admins_only()
        from ..users import canonical_name

        who = canonical_name(v["user"])
        old_latest = page.latest_id
        try:
            result = pages.rollback(
                title, api.user, who, summary=v["summary"] or None, bot=v["markbot"]
            )
        except pages.AlreadyRolled:
            raise ApiError(
                "alreadyrolled",
                f"Cannot rollback last edit of [[:{title.prefixed_text}]] by "
                f"[[User:{who}|{who}]]; someone else has edited or rolled back the page "
                "already.",
            ) from None
        except EditError as e:
            if e.code == "unknownerror":
                raise ApiError(
                    "onlyauthor",
                    f"Cannot rollback edit to [[:{title.prefixed_text}]]: the only author is "
                    f"[[User:{who}|{who}]].",
                ) from None
            raise api_error(e) from e
        target = result.revision
        api.result["rollback"] = {
            "title": title_of(result.page).prefixed_text,
            "pageid": result.page.pk,
            "summary": target.comment if target else v["summary"],
            "revid": result.revision_id,
            "old_revid": old_latest,
            "last_revid": target.parent_id if target else old_latest,
        }
