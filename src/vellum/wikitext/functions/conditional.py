"""ParserFunctions' conditionals: #if, #ifeq, #iferror, #ifexpr, #switch, #ifexist."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..namespaces import FILE, MEDIA, SPECIAL
from ..preprocessor.frame import php_trim
from ..sanitizer import decode_char_references
from . import parser_function
from .util import php_loose_equal

if TYPE_CHECKING:
    from ..context import ParserContext
    from ..preprocessor.frame import Frame

_ERROR_RE = re.compile(
    r'<(?:strong|span|p|div)\s(?:[^\s>]*\s+)*?class="(?:[^"\s>]*\s+)*?error(?:\s[^">]*)?"'
)


def _arg(frame: Frame, args: list, i: int) -> str:
    return php_trim(frame.expand(args[i])) if len(args) > i else ""


def _decode_trim_expand(frame: Frame, node: object) -> str:
    return php_trim(decode_char_references(frame.expand(node)))


@parser_function("if", object_args=True)
def if_(ctx: ParserContext, frame: Frame, args: list) -> str:
    test = _arg(frame, args, 0)
    return _arg(frame, args, 1) if test != "" else _arg(frame, args, 2)


@parser_function("ifeq", object_args=True)
def ifeq(ctx: ParserContext, frame: Frame, args: list) -> str:
    left = _decode_trim_expand(frame, args[0]) if args else ""
    right = _decode_trim_expand(frame, args[1]) if len(args) > 1 else ""
    return _arg(frame, args, 2) if php_loose_equal(left, right) else _arg(frame, args, 3)


@parser_function("iferror", object_args=True)
def iferror(ctx: ParserContext, frame: Frame, args: list) -> str:
    test = _arg(frame, args, 0)
    then = args[1] if len(args) > 1 else None
    else_ = args[2] if len(args) > 2 else None
    if _ERROR_RE.search(test):
        result = then
    elif else_ is None:
        return test
    else:
        result = else_
    return "" if result is None else php_trim(frame.expand(result))


@parser_function("ifexpr", object_args=True)
def ifexpr(ctx: ParserContext, frame: Frame, args: list) -> str:
    from .expr import ExprError, do_expression

    expr = _arg(frame, args, 0)
    try:
        value = do_expression(expr)
    except ExprError as exc:
        return f'<strong class="error">{exc.html()}</strong>'
    truthy = _php_truthy(value)
    return _arg(frame, args, 1) if truthy else _arg(frame, args, 2)


def _php_truthy(value: str) -> bool:
    from .util import php_is_numeric

    if php_is_numeric(value):
        return float(value) != 0
    return value not in ("", "0")


@parser_function("switch", object_args=True)
def switch(ctx: ParserContext, frame: Frame, args: list) -> str:
    from ..preprocessor.dom import Part

    if not args:
        return ""
    primary = _decode_trim_expand(frame, args[0])
    found = default_found = False
    default = None
    last_item_had_no_equals = False
    last_item = test = ""
    for node in args[1:]:
        if isinstance(node, Part) and node.name is not None:
            last_item_had_no_equals = False
            if found:
                return php_trim(frame.expand(node.value))
            test = _decode_trim_expand(frame, node.name)
            if php_loose_equal(test, primary):
                return php_trim(frame.expand(node.value))
            if default_found or test.lower() == "#default":
                default = node.value
                default_found = False
        else:
            last_item_had_no_equals = True
            expanded = php_trim(frame.expand(node.value if isinstance(node, Part) else node))
            last_item = expanded
            test = php_trim(decode_char_references(expanded))
            if php_loose_equal(test, primary):
                found = True
            elif test.lower() == "#default":
                default_found = True
    if last_item_had_no_equals:
        return last_item
    if default is not None:
        return php_trim(frame.expand(default))
    return ""


@parser_function("ifexist", object_args=True)
def ifexist(ctx: ParserContext, frame: Frame, args: list) -> str:
    title_text = _arg(frame, args, 0)
    then = args[1] if len(args) > 1 else None
    else_ = args[2] if len(args) > 2 else None
    exists = _exists(ctx, frame, title_text)
    if exists is None:
        result = else_
    else:
        result = then if exists else else_
    return "" if result is None else php_trim(frame.expand(result))


def _exists(ctx: ParserContext, frame: Frame, text: str) -> bool | None:
    title = ctx.config.try_title(decode_char_references(text))
    if title is None:
        return None
    if title.interwiki:
        return False
    if title.namespace == MEDIA:
        from .. import preprocessor

        state = preprocessor.get_state(ctx)
        if not state.increment_expensive():
            return False
        name = title.dbkey
        info = ctx.site.file_info(name)
        if info is None:
            # A file redirect counts only when its target is an existing file.
            page = ctx.site.page_text(ctx.config.parse_title("File:" + name))
            target = _redirect(ctx, page)
            if target is not None and target.namespace == FILE:
                return ctx.site.file_info(target.dbkey) is not None
            return False
        return True
    if title.namespace == SPECIAL:
        from .specialpages import exists

        return exists(title.dbkey.split("/", 1)[0])
    from .. import preprocessor

    state = preprocessor.get_state(ctx)
    # Pages already looked up in this render are in MediaWiki's LinkCache: not expensive.
    known: dict[str, bool] = ctx.ext_state.setdefault("ifexist_cache", {})
    key = title.prefixed_dbkey
    if key in known:
        ctx.add_link(title)
        return known[key]
    if not state.increment_expensive():
        return False
    ctx.add_link(title)
    if title.dbkey == "" and title.fragment:
        return True
    exists = key in ctx.site.link_info([title])
    known[key] = exists
    return exists


def _redirect(ctx: ParserContext, text: str | None):
    if not text:
        return None
    from ..preprocessor.braces import redirect_target_text

    target = redirect_target_text(text)
    return ctx.config.try_title(target) if target else None


__all__ = ["if_", "ifeq", "iferror", "ifexist", "ifexpr", "switch"]
