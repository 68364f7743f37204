"""action=move (ApiMove): rename a page (and its talk page), leaving a redirect."""

from __future__ import annotations

from typing import Any

from vellum.wiki.models import Page
from vellum.wiki.services import pages
from vellum.wiki.services.errors import EditError
from vellum.wiki.services.titles import parse_title, title_of
from vellum.wikitext.title import InvalidTitle

from ..base import ApiModule
from ..errors import ApiError, bad_title
from ..params import Param
from ..wikierrors import api_error


def page_from(api: Any, title_text: str | None, page_id: int | None, param: str) -> Any:
    """The Title named by a title or page-id parameter (invalidtitle / nosuchpageid)."""
    if page_id is not None:
        page = Page.objects.filter(pk=page_id).first()
        if page is None:
            raise ApiError("nosuchpageid", f"There is no page with ID {page_id}.")
        return title_of(page)
    try:
        return parse_title(title_text or "")
    except InvalidTitle:
        raise bad_title(title_text) from None


class ApiMove(ApiModule):
    name = "move"
    classname = "ApiMove"
    must_be_posted = True
    write = True
    token = "csrf"
    params = [
        Param("from", "string"),
        Param("fromid", "integer"),
        Param("to", "string", required=True),
        Param("reason", "string", default=""),
        Param("movetalk", "boolean"),
        Param("movesubpages", "boolean"),
        Param("noredirect", "boolean"),
        Param("watchlist", ["nochange", "preferences", "unwatch", "watch"], default="preferences"),
        Param("ignorewarnings", "boolean"),
        Param("tags", [], multi=True),
    ]

    def execute(self) -> None:
        api = self.api
        v = self.values()
        self.require_only_one_of("from", "fromid")
        old = page_from(api, v["from"], v["fromid"], "from")
        new = page_from(api, v["to"], None, "to")
        if not api.has_right("move"):
            raise ApiError(
                "permissiondenied",
                "You don't have permission to move pages.",
                header_codes=("cantmove",),
            )
        try:
            result = pages.move_page(
                old,
                new,
                api.user,
                reason=v["reason"],
                leave_redirect=not v["noredirect"],
                move_talk=v["movetalk"],
            )
        except pages.ArticleExists:
            raise ApiError(
                "articleexists",
                f"A page already exists at [[:{new.prefixed_text}]], or the page name you have "
                "chosen is not valid. Please choose another name.",
            ) from None
        except pages.SelfMove:
            raise ApiError(
                "selfmove", "The title is the same; cannot move a page over itself."
            ) from None
        except (EditError, InvalidTitle) as e:
            raise api_error(e) from e
        out: dict[str, Any] = {
            "from": old.prefixed_text,
            "to": new.prefixed_text,
            "reason": v["reason"],
        }
        if result.redirect is not None:
            api.flag(out, "redirectcreated")
        api.boolean(out, "moveoverredirect", False)
        if result.talk is not None:
            out["talkfrom"] = result.talk.old_title.prefixed_text
            out["talkto"] = result.talk.new_title.prefixed_text
            api.boolean(out, "talkmoveoverredirect", False)
        api.result["move"] = out
