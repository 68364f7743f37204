"""<nowiki>: its content is shown as text, untouched by every later stage
(CoreTagHooks::nowiki)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import tag_hook

if TYPE_CHECKING:
    from ..context import ParserContext

_NOWIKI_ESC = str.maketrans({"<": "&lt;", ">": "&gt;"})


@tag_hook("nowiki")
def nowiki(ctx: ParserContext, content: str | None, attrs: dict[str, str], frame: Any):
    text = (content or "").replace("-{", "-&#123;").replace("}-", "&#125;-")
    return text.translate(_NOWIKI_ESC), "nowiki"
