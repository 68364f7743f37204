"""Preprocessor trees of page texts, and the trees of transcluded pages shared between
renders (Parser::preprocessToDom with MediaWiki's DOM cache)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

from ..extensions import TAG_HOOKS
from ..extensions import load as load_extensions
from .dom import build

if TYPE_CHECKING:
    from ..context import ParserContext


# The last tuple of extension tag names: handed out again while the registered tags stay
# the same, so that the tree builder recognises it by its identity.
_names: tuple[str, ...] = ()


def _tag_names() -> tuple[str, ...]:
    global _names
    load_extensions()
    names = tuple(TAG_HOOKS)
    if names == _names:
        return _names
    _names = names
    return names


def build_dom(ctx: ParserContext, text: str, for_inclusion: bool = False) -> list:
    """The preprocessor tree of `text` (Parser::preprocessToDom)."""
    return build(text, _tag_names(), for_inclusion)


# Trees of transcluded pages shared between renders, least recently used first; bounded by
# the total length of their texts.
_TREE_CACHE: OrderedDict[tuple[str, tuple[str, ...]], list] = OrderedDict()
_TREE_CACHE_LIMIT = 4_000_000
_tree_cache_size = 0
_tree_cache_lock = threading.Lock()


def template_dom(ctx: ParserContext, text: str) -> list:
    """The tree of a transcluded page. Trees are never changed once built, so they are
    shared between renders (MediaWiki caches them too, in its object cache)."""
    global _tree_cache_size
    key = (text, _tag_names())
    with _tree_cache_lock:
        dom = _TREE_CACHE.get(key)
        if dom is not None:
            _TREE_CACHE.move_to_end(key)
            return dom
    dom = build(text, key[1], True)
    if len(text) <= _TREE_CACHE_LIMIT // 8:
        with _tree_cache_lock:
            if key not in _TREE_CACHE:
                _TREE_CACHE[key] = dom
                _tree_cache_size += len(text)
                while _tree_cache_size > _TREE_CACHE_LIMIT and _TREE_CACHE:
                    (old_text, _), _ = _TREE_CACHE.popitem(last=False)
                    _tree_cache_size -= len(old_text)
    return dom
