"""{{#tag:name|content|attr=value}}: an extension tag from a parser function."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from ..preprocessor.dom import Part
from ..preprocessor.frame import STRIP_COMMENTS, php_trim
from . import parser_function

if TYPE_CHECKING:
    from ..context import ParserContext
    from ..preprocessor.frame import Frame

_QUOTED = re.compile(r"""^(?:["'](.+)["']|""|'')$""", re.S)


@parser_function("tag", object_args=True)
def tag(ctx: ParserContext, frame: Frame, args: list) -> str:
    from ..extensions import TAG_HOOKS
    from ..preprocessor.braces import tag_substitution

    if not args:
        return ""
    name = php_trim(frame.expand(args[0])).lower()
    inner = frame.expand(args[1]) if len(args) > 1 else None
    attributes: dict[str, str] = {}
    for node in args[2:]:
        if isinstance(node, Part) and node.name is not None:
            key = php_trim(frame.expand(node.name, STRIP_COMMENTS))
            value = php_trim(frame.expand(node.value))
            m = _QUOTED.match(value)
            if m:
                value = m.group(1) or ""
            attributes[key] = value
    if name not in TAG_HOOKS:
        attr_text = "".join(f' {html.escape(k)}="{html.escape(v)}"' for k, v in attributes.items())
        if inner is None:
            return f"<{name}{attr_text}/>"
        return f"<{name}{attr_text}>{inner}</{name}>"
    return tag_substitution(frame, name, "", inner, f"</{name}>", attributes)
