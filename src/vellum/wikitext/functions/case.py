"""Case functions: lc, uc, lcfirst, ucfirst (CoreParserFunctions)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import parser_function
from .util import outside_markers

if TYPE_CHECKING:
    from ..context import ParserContext


def _outside_markers(text: str, fn) -> str:
    return outside_markers(text, fn)


# Languages with a dotted and a dotless i (LanguageTr, LanguageAz, LanguageCrh, LanguageKaa).
_DOTTED_I = {"tr", "az", "crh", "crh-latn", "kaa"}
_UPPER_I = str.maketrans({"i": "İ", "ı": "I"})
_LOWER_I = str.maketrans({"I": "ı", "İ": "i"})


def _language(ctx: ParserContext) -> str:
    return (ctx.options.language or ctx.config.language or "en").lower()


def _upper(ctx: ParserContext):
    if _language(ctx) in _DOTTED_I:
        return lambda s: s.translate(_UPPER_I).upper()
    return str.upper


def _lower(ctx: ParserContext):
    if _language(ctx) in _DOTTED_I:
        return lambda s: s.translate(_LOWER_I).lower()
    return str.lower


def _ucfirst(s: str, upper=str.upper) -> str:
    if not s:
        return s
    up = upper(s[0])
    return (up if len(up) == 1 else s[0]) + s[1:]


@parser_function("lc", "LC:", no_hash=True)
def lc(ctx: ParserContext, s: str = "", *rest: str) -> str:
    return _outside_markers(s, _lower(ctx))


@parser_function("uc", "UC:", no_hash=True)
def uc(ctx: ParserContext, s: str = "", *rest: str) -> str:
    return _outside_markers(s, _upper(ctx))


@parser_function("lcfirst", "LCFIRST:", no_hash=True)
def lcfirst(ctx: ParserContext, s: str = "", *rest: str) -> str:
    return _lower(ctx)(s[:1]) + s[1:] if s else s


@parser_function("ucfirst", "UCFIRST:", no_hash=True)
def ucfirst(ctx: ParserContext, s: str = "", *rest: str) -> str:
    return _ucfirst(s, _upper(ctx))
