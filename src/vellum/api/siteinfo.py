"""The wiki's identity as the API reports it: server URL, script path, namespaces."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from vellum.wiki.services.titles import site_config
from vellum.wikitext.namespaces import Namespaces


def server(request: HttpRequest | None) -> str:
    """$wgServer: the configured VELLUM_SERVER, else the scheme and host of the request."""
    if settings.SERVER:
        return settings.SERVER.rstrip("/")
    if request is not None:
        return f"{request.scheme}://{request.get_host()}"
    return site_config().server


def script_path() -> str:
    return site_config().script_path


def namespaces() -> Namespaces:
    return site_config().namespaces
