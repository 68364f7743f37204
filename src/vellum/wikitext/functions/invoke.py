"""{{#invoke:Module|function}}: Scribunto (Lua) is not available; an error says so."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from . import parser_function

if TYPE_CHECKING:
    from ..context import ParserContext
    from ..preprocessor.frame import Frame


@parser_function("invoke", object_args=True)
def invoke(ctx: ParserContext, frame: Frame, args: list) -> str:
    module = args[0] if args else ""
    ctx.add_tracking_category("scribunto-common-error-category")
    return (
        '<strong class="error"><span class="scribunto-error">'
        f"Script error: Lua modules are not available (Module:{html.escape(module)})."
        "</span></strong>"
    )
