"""API errors: MediaWiki's error codes and messages (ApiUsageException)."""

from __future__ import annotations

import html
from typing import Any


class ApiError(Exception):
    """An error answered as `{"error": {"code", "info", ...}}` with HTTP 200.

    `extra` keys are added to the error object (e.g. upload's `details`); `header_codes`
    are extra codes listed in the `MediaWiki-API-Error` header after `code`.
    """

    def __init__(
        self,
        code: str,
        info: str,
        extra: dict[str, Any] | None = None,
        header_codes: tuple[str, ...] = (),
        module: str = "main",
    ) -> None:
        super().__init__(f"{code}: {info}")
        self.code = code
        self.info = info
        self.extra = extra or {}
        self.header_codes = header_codes
        self.module = module


# MediaWiki 1.39's English texts of errors the wiki's services raise (apierror-* messages).
MESSAGES: dict[str, str] = {
    "editconflict": "Edit conflict.",
    "missingtitle": "The page you specified doesn't exist.",
    "articleexists": "The article you tried to create has been created already.",
    "pagedeleted": "The page has been deleted since you fetched its timestamp.",
    "protectedpage": "This page has been protected to prevent editing or other actions.",
    "protectedtitle": "This title has been protected from creation.",
    "cascadeprotected": "This page has been protected from editing because it is transcluded "
    'in one or more pages that have "cascading protection" turned on.',
    "undofailure": "The edit could not be undone due to conflicting intermediate edits.",
    "selfmove": "The title is the same; cannot move a page over itself.",
}


def admins_only(header_codes: tuple[str, ...] = ()) -> ApiError:
    """`permissiondenied` for a right only administrators have, worded as MediaWiki does."""
    from vellum.wiki.services.titles import site_config

    meta = site_config().meta_namespace.replace("_", " ")
    return ApiError(
        "permissiondenied",
        "The action you have requested is limited to users in the group: "
        f"[[{meta}:Administrators|Administrators]].",
        header_codes=header_codes,
    )


def bad_title(text: str) -> ApiError:
    """`invalidtitle` for user input; markup characters of the echoed title are escaped, so
    that clients showing `info` as HTML do not run it."""
    return ApiError("invalidtitle", f'Bad title "{html.escape(text, quote=False)}".')
