"""ParserFunctions' path and title functions: #rel2abs and #titleparts."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from . import parser_function
from .strings import php_intval

if TYPE_CHECKING:
    from ..context import ParserContext


@parser_function("rel2abs")
def rel2abs(ctx: ParserContext, to: str = "", from_: str = "", *rest: str) -> str:
    from_ = from_.strip(" \t\n\r\0\x0b")
    if from_ == "":
        from_ = ctx.title.prefixed_text
    to = to.rstrip(" /")
    if to in ("", "."):
        return from_
    if not (to.startswith("/") or to.startswith("./") or to.startswith("../") or to == ".."):
        from_ = ""
    full = "/" + from_ + "/" + to + "/"
    full = re.sub(r"/(\./)+", "/", full)
    full = re.sub(r"/{2,}", "/", full)
    full = full.strip("/")
    out: list[str] = []
    for current in full.split("/"):
        if current == "..":
            if not out:
                return (
                    '<strong class="error">Error: Invalid path "'
                    f'{html.escape(full)}" (tried to access a node above the root node).</strong>'
                )
            out.pop()
        else:
            out.append(current)
    return "/".join(out)


@parser_function("titleparts")
def titleparts(
    ctx: ParserContext, title: str = "", parts_s: str = "0", offset_s: str = "0", *rest: str
) -> str:
    parts = php_intval(parts_s)
    offset = php_intval(offset_s)
    t = ctx.config.try_title(title)
    if t is None:
        return title
    bits = t.prefixed_text.split("/", 24)
    if offset > 0:
        offset -= 1
    start = offset if offset >= 0 else max(0, len(bits) + offset)
    selected = bits[start:]
    if parts > 0:
        selected = selected[:parts]
    elif parts < 0:
        selected = selected[:parts]
    return "/".join(selected)
