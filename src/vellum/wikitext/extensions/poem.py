"""<poem>: line breaks and leading spaces kept, `:` indents (the Poem extension)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..sanitizer import safe_encode_tag_attributes, validate_tag_attributes
from . import tag_hook

if TYPE_CHECKING:
    from ..context import ParserContext

_INDENT = re.compile(r"^(:+)(.+)$", re.M)
_LEADING_SPACES = re.compile(r"^ +", re.M)
_NEWLINE = re.compile(r"(?<!^----)\n", re.M)


@tag_hook("poem")
def poem(ctx: ParserContext, content: str | None, attrs: dict[str, str], frame: Any) -> str:
    newline = "" if "compact" in attrs else "\n"
    br = ctx.strip.add_general("<br />", "poem-br")
    text = _INDENT.sub(
        lambda m: (
            '<span class="mw-poem-indented" style="display: inline-block; '
            f'margin-inline-start: {len(m.group(1))}em;">{m.group(2)}</span>'
        ),
        content or "",
    )
    text = re.sub(r"^\n", "", text)
    text = re.sub(r"\n\Z", "", text)
    text = _NEWLINE.sub(lambda _m: br + "\n", text)
    text = _LEADING_SPACES.sub(lambda m: "&#160;" * len(m.group(0)), text)
    text = ctx.recursive_tag_parse(text, frame)
    text = text.replace("<hr />" + br, "<hr />")
    clean = validate_tag_attributes(attrs, "div", ctx.config.fragment_mode)
    clean["class"] = "poem " + clean["class"] if clean.get("class") else "poem"
    clean = {"class": clean.pop("class"), **clean}
    return f"<div{safe_encode_tag_attributes(clean)}>{newline}{text.strip()}{newline}</div>"
