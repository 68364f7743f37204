"""<indicator name="…">: page status indicators, stored not shown (CoreTagHooks::indicator)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from . import tag_hook

if TYPE_CHECKING:
    from ..context import ParserContext


@tag_hook("indicator")
def indicator(ctx: ParserContext, content: str | None, attrs: dict[str, str], frame: Any) -> str:
    name = (attrs.get("name") or "").strip()
    if not name:
        return (
            '<span class="error">Error: Page status indicators\' <code>name</code> attribute '
            "must not be empty.</span>"
        )
    html = ctx.recursive_tag_parse_fully(content or "", frame)
    m = re.fullmatch(r"<p>(.*?)\n?</p>", html, re.S)
    if m and "<p>" not in m.group(1):
        html = m.group(1)
    ctx.output.indicators[name] = html
    return ""
