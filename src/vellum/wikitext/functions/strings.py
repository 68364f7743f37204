"""ParserFunctions' string functions ($wgPFEnableStringFunctions): #len, #pos, #rpos,
#sub, #count, #replace, #explode, #urldecode, limited to $wgPFStringLengthLimit."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import unquote_plus

from . import parser_function
from .util import kill_markers

if TYPE_CHECKING:
    from ..context import ParserContext


def _enabled(ctx: ParserContext) -> bool:
    return bool(
        ctx.options.config.get("wgPFEnableStringFunctions", ctx.config.pf_enable_string_functions)
    )


def _limit(ctx: ParserContext) -> int:
    return int(ctx.options.config.get("wgPFStringLengthLimit", ctx.config.pf_string_length_limit))


def _ok(ctx: ParserContext, *texts: str) -> bool:
    limit = _limit(ctx)
    return all(len(t) < limit for t in texts)


def _too_long(ctx: ParserContext) -> str:
    return f'<strong class="error">Error: String exceeds {_limit(ctx)} character limit.</strong>'


INT_MAX = 2**63 - 1


def php_intval(s: str) -> int:
    """PHP's intval of a string: leading digits, saturating at the 64-bit limits."""
    m = re.match(r"^[ \t\n\r\v\f]*([+-]?\d+)", s)
    if not m:
        return 0
    return max(-INT_MAX - 1, min(INT_MAX, int(m.group(1))))


def mb_substr(s: str, start: int, length: int | None = None) -> str:
    n = len(s)
    if start < 0:
        start = max(0, n + start)
    if start > n:
        return ""
    if length is None:
        return s[start:]
    if length < 0:
        end = n + length
        return s[start:end] if end > start else ""
    return s[start : start + length]


def _register(name: str, fn):
    def wrapper(ctx: ParserContext, *args: str):
        if not _enabled(ctx):
            return {"found": False}
        return fn(ctx, *[kill_markers(a) for a in args])

    wrapper.__name__ = name
    parser_function(name)(wrapper)
    return wrapper


def _len(ctx: ParserContext, s: str = "", *rest: str) -> str:
    return str(len(s))


def _pos(ctx: ParserContext, s: str = "", needle: str = "", offset: str = "0", *r: str) -> str:
    if not _ok(ctx, s, needle):
        return _too_long(ctx)
    if needle == "":
        needle = " "
    off = php_intval(offset)
    off = min(off, len(s))
    if off < 0:
        off = max(0, len(s) + off)
    ret = s.find(needle, off)
    return "" if ret == -1 else str(ret)


def _rpos(ctx: ParserContext, s: str = "", needle: str = "", *r: str) -> str:
    if not _ok(ctx, s, needle):
        return _too_long(ctx)
    if needle == "":
        needle = " "
    return str(s.rfind(needle))


def _sub(ctx: ParserContext, s: str = "", start: str = "0", length: str = "0", *r: str) -> str:
    if not _ok(ctx, s):
        return _too_long(ctx)
    n = php_intval(length)
    return mb_substr(s, php_intval(start), None if n == 0 else n)


def _count(ctx: ParserContext, s: str = "", sub: str = "", *r: str) -> str:
    if not _ok(ctx, s, sub):
        return _too_long(ctx)
    if sub == "":
        sub = " "
    return str(s.count(sub))


def _replace(
    ctx: ParserContext, s: str = "", old: str = "", new: str = "", limit_s: str = "-1", *r: str
) -> str:
    if not _ok(ctx, s, old, new):
        return _too_long(ctx)
    if old == "":
        old = " "
    diff = len(new) - len(old)
    limit: float = (_limit(ctx) - len(s)) / diff + 1 if diff > 0 else -1
    in_limit = php_intval(limit_s)
    if in_limit >= 0 and (limit > in_limit or limit == -1):
        limit = in_limit
    count = int(limit)
    if count < 0:
        result = s.replace(old, new)
    else:
        result = s.replace(old, new, count) if count else s
    if not _ok(ctx, result):
        return _too_long(ctx)
    return result


def _explode(
    ctx: ParserContext, s: str = "", div: str = "", pos: str = "0", lim: str | None = None, *r: str
) -> str:
    if not _ok(ctx, s, div):
        return _too_long(ctx)
    limit = php_intval(lim) if lim is not None else -1
    if div == "":
        pieces = ["", *list(s), ""] if s else [""]
        if limit > 0 and len(pieces) > limit:
            pieces = pieces[: limit - 1] + ["".join(pieces[limit - 1 :])]
    elif limit > 0:
        pieces = s.split(div, limit - 1)
    else:
        pieces = s.split(div)
        if limit < -1 or (limit < 0 and lim is not None and limit != -1):
            pieces = pieces[:limit]
    index = php_intval(pos)
    if index < 0:
        index += len(pieces)
    return pieces[index] if 0 <= index < len(pieces) else ""


def _urldecode(ctx: ParserContext, s: str = "", *r: str) -> str:
    if not _ok(ctx, s):
        return _too_long(ctx)
    return unquote_plus(s)


for _name, _fn in (
    ("len", _len),
    ("pos", _pos),
    ("rpos", _rpos),
    ("sub", _sub),
    ("count", _count),
    ("replace", _replace),
    ("explode", _explode),
    ("urldecode", _urldecode),
):
    _register(_name, _fn)
