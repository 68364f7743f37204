"""Number and padding functions: formatnum, padleft, padright, plural, bidi."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..magicwords import format_num
from . import parser_function

if TYPE_CHECKING:
    from ..context import ParserContext

_NUMERIC_RE = re.compile(r"^[ \t\n\r\v\f]*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
_VALID_NUMBER = re.compile(r"(-(?=[\d.]))?(\d+|(?=\.\d))(\.\d*)?([Ee][-+]?\d+)?")


def _legacy(ctx: ParserContext, fn):
    """CoreParserFunctions::getLegacyFormatNum: numbers inside other text."""

    def apply(number: str) -> str:
        if not _NUMERIC_RE.match(number) and number not in ("NAN", "INF", "-INF"):
            if number:
                ctx.add_tracking_category("nonnumeric-formatnum")
            return _VALID_NUMBER.sub(lambda m: fn(m.group(0)) if m.group(0) else "", number)
        return fn(number)

    return apply


def _parse_formatted(number: str) -> str:
    return number.replace(",", "")


# Language::separatorTransformTable of some content languages: (thousands, decimal).
SEPARATORS = {
    "de": (".", ","),
    "nl": (".", ","),
    "ru": ("\u00a0", ","),
    "uk": ("\u00a0", ","),
    "be-tarask": ("\u00a0", ","),
    "sv": ("\u00a0", ","),
    "cs": ("\u00a0", ","),
}


def _language(ctx: ParserContext) -> str:
    return (ctx.options.language or ctx.config.language or "en").lower()


def _localise(ctx: ParserContext, fn):
    seps = SEPARATORS.get(_language(ctx))
    if seps is None:
        return fn
    table = {",": seps[0], ".": seps[1]}

    def localised(number: str) -> str:
        return "".join(table.get(ch, ch) for ch in fn(number))

    return localised


@parser_function("formatnum", "FORMATNUM:", no_hash=True)
def formatnum(ctx: ParserContext, num: str = "", arg: str | None = None, *rest: str) -> str:
    from .case import _outside_markers

    flag = (arg or "").strip().upper()
    if flag in ("R", "RAW"):
        seps = SEPARATORS.get(_language(ctx))
        if seps is None:
            fn = _parse_formatted
        else:

            def fn(number: str) -> str:
                return number.replace(seps[0], "").replace(seps[1], ".")

    elif flag == "NOSEP":
        fn = _legacy(ctx, lambda n: n)
    else:
        fn = _legacy(ctx, _localise(ctx, format_num))
    return _outside_markers(num, fn)


def _pad(s: str, length_s: str, pad: str, left: bool) -> str:
    try:
        length = int(length_s.strip() or "0")
    except ValueError:
        length = 0
    length = min(length, 500)
    if pad == "":
        return s
    if length <= len(s):
        return s
    needed = length - len(s)
    padding = (pad * (needed // len(pad) + 1))[:needed]
    return padding + s if left else s + padding


@parser_function("padleft", "PADLEFT:", no_hash=True)
def padleft(ctx: ParserContext, s: str = "", length: str = "0", pad: str = "0", *r: str) -> str:
    return _pad(s, length, pad, True)


@parser_function("padright", "PADRIGHT:", no_hash=True)
def padright(ctx: ParserContext, s: str = "", length: str = "0", pad: str = "0", *r: str) -> str:
    return _pad(s, length, pad, False)


@parser_function("plural", "PLURAL:", no_hash=True)
def plural(ctx: ParserContext, text: str = "", *forms: str) -> str:
    """English plural rules: explicit `N=form` first, then one/other."""
    number_text = text.replace(",", "")
    try:
        number = float(number_text)
    except ValueError:
        number = 0.0
    plain = []
    for form in forms:
        m = re.match(r"^(\d+)=(.*)$", form, re.S)
        if m:
            if float(m.group(1)) == number:
                return m.group(2)
            continue
        plain.append(form)
    if not plain:
        return ""
    index = 0 if number == 1 else 1
    return plain[min(index, len(plain) - 1)]


@parser_function("bidi", "BIDI:", no_hash=True)
def bidi(ctx: ParserContext, text: str = "", *rest: str) -> str:
    return "\u202a" + text + "\u202c"
