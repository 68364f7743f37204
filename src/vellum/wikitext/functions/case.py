"""Case functions: lc, uc, lcfirst, ucfirst (CoreParserFunctions)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import parser_function
from .util import outside_markers

if TYPE_CHECKING:
    from ..context import ParserContext


def _outside_markers(text: str, fn) -> str:
    return outside_markers(text, fn)


def _ucfirst(s: str) -> str:
    if not s:
        return s
    up = s[0].upper()
    return (up if len(up) == 1 else s[0]) + s[1:]


@parser_function("lc", "LC:", no_hash=True)
def lc(ctx: ParserContext, s: str = "", *rest: str) -> str:
    return _outside_markers(s, str.lower)


@parser_function("uc", "UC:", no_hash=True)
def uc(ctx: ParserContext, s: str = "", *rest: str) -> str:
    return _outside_markers(s, str.upper)


@parser_function("lcfirst", "LCFIRST:", no_hash=True)
def lcfirst(ctx: ParserContext, s: str = "", *rest: str) -> str:
    return s[:1].lower() + s[1:] if s else s


@parser_function("ucfirst", "UCFIRST:", no_hash=True)
def ucfirst(ctx: ParserContext, s: str = "", *rest: str) -> str:
    return _ucfirst(s)
