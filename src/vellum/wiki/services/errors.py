"""Typed errors of the wiki's services, each with MediaWiki's API error code in `code`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vellum.wikitext.title import InvalidTitle

if TYPE_CHECKING:
    from ..models import Page, Revision

__all__ = [
    "ContentTooBig",
    "EditConflict",
    "EditError",
    "InvalidTitle",
    "MissingPage",
    "NoSuchRevision",
    "PageDeleted",
    "PageExists",
    "PermissionDenied",
    "ProtectedPage",
]


class EditError(Exception):
    """Base of the services' errors; `code` is MediaWiki's API error code."""

    code = "unknownerror"

    def __init__(self, message: str = "") -> None:
        super().__init__(message or self.__doc__ or self.code)
        self.message = message or (self.__doc__ or self.code).strip()


class EditConflict(EditError):
    """Edit conflict: the page changed since you started editing and the changes overlap."""

    code = "editconflict"

    def __init__(
        self,
        page: Page,
        current: Revision,
        your_text: str,
        base_text: str | None,
        message: str = "",
    ) -> None:
        super().__init__(message)
        self.page = page
        self.current = current
        self.your_text = your_text
        self.base_text = base_text


class PermissionDenied(EditError):
    """You do not have permission to do that."""

    code = "permissiondenied"

    def __init__(self, message: str = "", right: str = "") -> None:
        super().__init__(message)
        self.right = right


class ProtectedPage(PermissionDenied):
    """This page has been protected to prevent editing or other actions."""

    code = "protectedpage"

    def __init__(self, message: str = "", level: str = "sysop", action: str = "edit") -> None:
        super().__init__(message, right=level)
        self.level = level
        self.action = action


class MissingPage(EditError):
    """The page you specified doesn't exist."""

    code = "missingtitle"


class PageExists(EditError):
    """The page you tried to create has been created already."""

    code = "articleexists"


class PageDeleted(EditError):
    """The page has been deleted since you fetched its timestamp."""

    code = "pagedeleted"


class ContentTooBig(EditError):
    """The content you supplied exceeds the article size limit."""

    code = "contenttoobig"

    def __init__(self, size: int, limit: int) -> None:
        kb = (limit + 1023) // 1024
        super().__init__(
            f"The text you have submitted is {size:,} bytes long, which is more than the "
            f"maximum of {kb:,} kilobytes. It cannot be saved."
        )
        self.size = size
        self.limit = limit


class NoSuchRevision(EditError):
    """There is no revision with that id."""

    code = "nosuchrevid"

    def __init__(self, rev_id: object) -> None:
        super().__init__(f"There is no revision with ID {rev_id}.")
        self.rev_id = rev_id
