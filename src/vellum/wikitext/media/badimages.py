"""The bad image list (MediaWiki:Bad image list, BadFileLookup).

Each line starting with `*` names a file by its first [[File:…]] link; further links on
the line are pages where the file may still be shown.
"""

from __future__ import annotations

import re

from ..context import ParserContext

_LINK = re.compile(r"\[\[:?([^\]|]+)(?:\|[^\]]*)?\]\]")


def _load(ctx: ParserContext) -> dict[str, set[str]]:
    cache = ctx.ext_state.get("media.badimages")
    if cache is not None:
        return cache
    out: dict[str, set[str]] = {}
    page = ctx.config.try_title("MediaWiki:Bad image list")
    text = ctx.site.page_text(page) if page is not None else None
    for line in (text or "").splitlines():
        if not line.startswith("*"):
            continue
        names = _LINK.findall(line)
        if not names:
            continue
        target = ctx.config.try_title(names[0].strip())
        if target is None or target.namespace != 6:
            continue
        exceptions = out.setdefault(target.dbkey, set())
        for name in names[1:]:
            t = ctx.config.try_title(name.strip())
            if t is not None:
                exceptions.add(t.prefixed_dbkey)
    ctx.ext_state["media.badimages"] = out
    return out


def is_bad_file(ctx: ParserContext, dbkey: str) -> bool:
    """Is file `dbkey` on the bad image list for the page being rendered?"""
    bad = _load(ctx)
    if dbkey not in bad:
        return False
    return ctx.title.prefixed_dbkey not in bad[dbkey]
