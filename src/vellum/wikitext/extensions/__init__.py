"""Extension tags (<nowiki>, <pre>, <ref>, <references>, <gallery>, ...): a registry.

A tag hook has MediaWiki's signature, `hook(ctx, content, attrs, frame) -> str`:
`content` is the text between the tags (None for a self-closing tag), `attrs` the parsed
attributes. It returns finished HTML, which the caller hides behind a strip marker
(`ctx.strip.add_general`) unless the hook has done that itself.

Adding an extension = one module here that decorates its hooks with `@tag_hook("name")`
(and `@after_parse` for work at the end of the page), plus its name in `MODULES`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..context import ParserContext

TagHook = Callable[["ParserContext", "str | None", dict[str, str], Any], str]
AfterParseHook = Callable[["ParserContext", str], str]

TAG_HOOKS: dict[str, TagHook] = {}
AFTER_PARSE_HOOKS: list[AfterParseHook] = []

# Modules that register hooks, imported once by load().
MODULES: list[str] = ["nowiki", "pre", "indicator", "poem", "cite", "gallery"]

_loaded = False


def tag_hook(name: str) -> Callable[[TagHook], TagHook]:
    def register(fn: TagHook) -> TagHook:
        TAG_HOOKS[name.lower()] = fn
        return fn

    return register


def after_parse(fn: AfterParseHook) -> AfterParseHook:
    """Run `fn(ctx, text) -> text` on the page's wikitext-level output before block levels."""
    AFTER_PARSE_HOOKS.append(fn)
    return fn


def load() -> dict[str, TagHook]:
    global _loaded
    if not _loaded:
        for mod in MODULES:
            try:
                importlib.import_module(f"{__name__}.{mod}")
            except ModuleNotFoundError as exc:  # a module listed before it was written
                if exc.name != f"{__name__}.{mod}":
                    raise
        _loaded = True
    return TAG_HOOKS
