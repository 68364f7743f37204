"""API errors: MediaWiki's error codes and messages (ApiUsageException)."""

from __future__ import annotations

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


# MediaWiki 1.39's English texts of the errors this API raises (apierror-* messages).
MESSAGES: dict[str, str] = {
    "badtoken": "Invalid CSRF token.",
    "notoken": 'The "token" parameter must be set.',
    "editconflict": "Edit conflict.",
    "missingtitle": "The page you specified doesn't exist.",
    "articleexists": "The article you tried to create has been created already.",
    "pagedeleted": "The page has been deleted since you fetched its timestamp.",
    "protectedpage": "This page has been protected to prevent editing or other actions.",
    "protectedtitle": "This title has been protected from creation.",
    "cascadeprotected": "This page has been protected from editing because it is transcluded "
    'in one or more pages that have "cascading protection" turned on.',
    "assertuserfailed": "You are no longer logged in, so the action could not be completed.",
    "assertanonfailed": "You are no longer logged out, so the action could not be completed.",
    "assertbotfailed": 'You do not have the "bot" right, so the action could not be completed.',
    "readapidenied": "You need read permission to use this module.",
    "writeapidenied": "You're not allowed to edit this wiki through the API.",
    "mustbeposted": 'The "{0}" module requires a POST request.',
    "mustpostparams": "The following parameter was found in the query string, but must be "
    "in the POST body: {0}.",
    "contenttoobig": "The content you supplied exceeds the page size limit of {0} kibibytes.",
    "badmd5": "The supplied MD5 hash was incorrect.",
    "selfmove": "The title is the same; cannot move a page over itself.",
    "nosuchrevid": "There is no revision with ID {0}.",
    "nosuchpageid": "There is no page with ID {0}.",
    "cantundelete": "Couldn't undelete: the requested revisions may not exist, or may have "
    "been undeleted already.",
    "alreadyrolled": "Cannot rollback last edit of [[:{0}]] by [[User:{1}|{1}]]; someone else "
    "has edited or rolled back the page already.",
    "onlyauthor": "Cannot rollback edit to [[:{0}]]: the only author is [[User:{1}|{1}]].",
    "undofailure": "The edit could not be undone due to conflicting intermediate edits.",
    "notloggedin": "Please log in to perform this action.",
    "permissiondenied": "The action you have requested is limited to users in the group: {0}.",
    "nochange": "No change.",
    "maxlag": "Waiting for a database server: {0} seconds lagged.",
    "nosuchsection": "There is no section {0}.",
    "invalidsection": 'The "section" parameter must be a valid section ID or "new".',
}


def error(code: str, *args: object, **extra: Any) -> ApiError:
    """An ApiError with MediaWiki's message for `code`, formatted with `args`."""
    return ApiError(code, MESSAGES[code].format(*args), extra or None)


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
