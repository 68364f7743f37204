"""Links for files that cannot be shown (Linker::makeBrokenImageLinkObj).

A missing file links to Special:Upload (class="new") when uploads are enabled; a file
that exists but cannot be shown (bad image, failed thumbnail) links to its description
page.
"""

from __future__ import annotations

from typing import Any

from ..context import ParserContext
from ..title import Title
from .links import attr, known_link, text_html, upload_url


def broken_image_link(
    ctx: ParserContext,
    title: Title,
    label: str = "",
    query: str = "",
    current_exists: bool = False,
    handler_params: dict[str, Any] | None = None,
    legacy: bool = True,
) -> str:
    config = ctx.config
    if label == "":
        label = title.prefixed_text
    if legacy:
        body = text_html(label).replace('"', "&quot;")
    else:
        data = ""
        hp = handler_params or {}
        if hp.get("width") is not None:
            data += f' data-width="{attr(str(hp["width"]))}"'
        if hp.get("height") is not None:
            data += f' data-height="{attr(str(hp["height"]))}"'
        body = f'<span class="mw-broken-media"{data}>{text_html(label)}</span>'
    uploads = (
        config.enable_uploads
        or config.upload_navigation_url
        or config.extra.get("wgUploadMissingFileUrl")
    )
    if uploads and not current_exists:
        info = ctx.site.link_info([title]).get(title.prefixed_dbkey)
        if info is not None and info.is_redirect:
            return known_link(config, title, body, cls="mw-redirect")
        return (
            f'<a href="{attr(upload_url(config, title, query))}" class="new" '
            f'title="{attr(title.prefixed_text)}">{body}</a>'
        )
    return known_link(config, title, body)
