"""The wiki services' typed errors as API errors with MediaWiki's codes and messages."""

from __future__ import annotations

from django.conf import settings

from vellum.wiki.services import errors as wiki_errors
from vellum.wikitext.title import InvalidTitle

from .errors import MESSAGES, ApiError, bad_title


def api_error(e: Exception, title_text: str = "") -> ApiError:
    """Translate an exception of `vellum.wiki.services` into the API's error."""
    if isinstance(e, InvalidTitle):
        return bad_title(title_text or e.text)
    if isinstance(e, wiki_errors.ContentTooBig):
        kb = settings.MAX_ARTICLE_SIZE // 1024
        return ApiError(
            "contenttoobig",
            f"The content you supplied exceeds the page size limit of {kb} kibibytes.",
        )
    if isinstance(e, wiki_errors.ProtectedPage):
        return ApiError("protectedpage", MESSAGES["protectedpage"])
    if isinstance(e, wiki_errors.PermissionDenied):
        return ApiError("permissiondenied", e.message)
    code = getattr(e, "code", "unknownerror")
    info = MESSAGES.get(code) or getattr(e, "message", "") or str(e)
    return ApiError(code, info)
