"""<pre>: preformatted text, wikitext not interpreted (CoreTagHooks::pre)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..sanitizer import safe_encode_tag_attributes, validate_tag_attributes
from . import tag_hook

if TYPE_CHECKING:
    from ..context import ParserContext

_NOWIKI = re.compile(r"<nowiki>(.*?)</nowiki>", re.I | re.S)


@tag_hook("pre")
def pre(ctx: ParserContext, content: str | None, attrs: dict[str, str], frame: Any) -> str:
    text = _NOWIKI.sub(lambda m: m.group(1), content or "")
    clean = validate_tag_attributes(attrs, "pre", ctx.config.fragment_mode)
    text = text.replace(">", "&gt;").replace("<", "&lt;")
    return f"<pre{safe_encode_tag_attributes(clean)}>{text}</pre>"
