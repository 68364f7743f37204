"""Error pages in the wiki's layout (Django's handler400 / 404 / 500)."""

from __future__ import annotations

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    from django.conf import settings

    from .common import error_page

    if isinstance(exception, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 1024
        return error_page(
            request,
            "Request too large",
            f"What you submitted is bigger than {limit:,} kilobytes and could not be read. "
            "Nothing was saved. Pages may be at most "
            f"{settings.MAX_ARTICLE_SIZE // 1024:,} kilobytes long.",
            413,
        )
    return error_page(request, "Bad request", "The request could not be understood.", 400)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    from .common import error_page

    arg = exception.args[0] if exception is not None and exception.args else None
    # Django's own "no URL matched" 404 carries a dict; views raise Http404 with a message
    message = arg if isinstance(arg, str) and arg else "There is nothing here."
    return error_page(request, "Not found", message, 404)


def server_error(request: HttpRequest) -> HttpResponse:
    try:
        html = render_to_string("wiki/500.html")
    except Exception:
        html = "<h1>Internal error</h1><p>Something went wrong on the server.</p>"
    return HttpResponseServerError(html)
