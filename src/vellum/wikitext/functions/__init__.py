"""Parser functions (`{{#if:...}}`, `{{lc:...}}`, ...): a registry and the call protocol.

A module registers a function with `@parser_function(id, *synonyms, ...)`:

- plain functions get `fn(ctx, *args)`: every argument expanded and trimmed, a named
  argument as "name=value" (Parser::callParserFunction without SFH_OBJECT_ARGS);
- `object_args=True` functions get `fn(ctx, frame, args)`: `args[0]` the text after the
  colon (a string), the rest unexpanded `Part` nodes, expanded on demand with
  `frame.expand(part)` or the helpers in `util`.

A function returns wikitext (inserted as it is, not parsed again) or a dict with
MediaWiki's flags: `text`, `found`, `noparse` (False: preprocess the text in a child
frame), `isHTML`, `nowiki`, `isChildObj`, `isLocalObj`, `title`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..context import ParserContext
    from ..preprocessor.frame import Frame


@dataclass
class FunctionHook:
    id: str
    fn: Callable[..., Any]
    object_args: bool


FUNCTIONS: dict[str, FunctionHook] = {}
# Synonym -> id, for case-sensitive and case-insensitive names.
SENSITIVE: dict[str, str] = {}
INSENSITIVE: dict[str, str] = {}

MODULES = [
    "conditional",
    "expr",
    "time",
    "titles",
    "strings",
    "case",
    "urls",
    "numbers",
    "language",
    "pagenames",
    "tag",
    "metadata",
    "dateformat",
    "revision",
    "invoke",
]

_loaded = False
_PHP_WS = " \t\n\r\0\x0b"


def parser_function(
    id_: str,
    *synonyms: str,
    case_sensitive: bool = False,
    no_hash: bool = False,
    object_args: bool = False,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a parser function under MediaWiki's synonyms (Parser::setFunctionHook)."""

    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        FUNCTIONS[id_] = FunctionHook(id_, fn, object_args)
        for syn in synonyms or (id_,):
            if not case_sensitive:
                syn = syn.lower()
            if not no_hash:
                syn = "#" + syn
            if syn.endswith(":"):
                syn = syn[:-1]
            (SENSITIVE if case_sensitive else INSENSITIVE)[syn] = id_
        return fn

    return register


def load() -> None:
    global _loaded
    if not _loaded:
        _loaded = True
        for mod in MODULES:
            importlib.import_module(f"{__name__}.{mod}")


def lookup(name: str) -> FunctionHook | None:
    load()
    fid = SENSITIVE.get(name)
    if fid is None:
        fid = INSENSITIVE.get(name.lower())
        if fid is None:
            return None
    return FUNCTIONS[fid]


def call_parser_function(
    ctx: ParserContext, frame: Frame, name: str, args: list
) -> dict[str, Any] | None:
    """Parser::callParserFunction; None when `name` is no parser function."""
    hook = lookup(name)
    if hook is None:
        return None
    if hook.object_args:
        result = hook.fn(ctx, frame, args)
    else:
        str_args = [args[0]] + [frame.expand(a).strip(_PHP_WS) for a in args[1:]]
        result = hook.fn(ctx, *str_args)
    if not isinstance(result, dict):
        result = {"found": True, "text": result}
    else:
        result.setdefault("found", True)
    if not result.get("noparse", True):
        from ..preprocessor import build_dom

        result["text"] = build_dom(ctx, result.get("text") or "", False)
        result["isChildObj"] = True
    return result
