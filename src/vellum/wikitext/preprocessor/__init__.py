"""MediaWiki's preprocessor: templates, arguments, parser functions, magic words,
comments, <includeonly>/<noinclude>/<onlyinclude>, extension tags and heading markers.

`preprocess(ctx, text)` is Parser::replaceVariables for a whole page (or, with a frame,
for text inside an extension tag): it builds the document tree (`dom`) and expands it in
a frame (`frame`), calling `braces` for `{{...}}`, `{{{...}}}` and tags.
"""

from __future__ import annotations

import sys
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from .dom import build
from .frame import (
    NO_ARGS,
    NO_IGNORE,
    NO_TAGS,
    NO_TEMPLATES,
    RECOVER_COMMENTS,
    RECOVER_ORIG,
    STRIP_COMMENTS,
    CustomFrame,
    Frame,
    TemplateFrame,
)
from .state import PPState, get_state

if TYPE_CHECKING:
    from ..context import ParserContext

__all__ = [
    "NO_ARGS",
    "NO_IGNORE",
    "NO_TAGS",
    "NO_TEMPLATES",
    "RECOVER_COMMENTS",
    "RECOVER_ORIG",
    "STRIP_COMMENTS",
    "CustomFrame",
    "Frame",
    "PPState",
    "TemplateFrame",
    "build_dom",
    "get_state",
    "preload_text",
    "preprocess",
    "preprocess_text",
    "root_frame",
]

_MIN_RECURSION = 20000


def _tag_names() -> tuple[str, ...]:
    from ..extensions import TAG_HOOKS, load

    load()
    return tuple(TAG_HOOKS)


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


def root_frame(ctx: ParserContext) -> Frame:
    """The frame of the page being rendered (Parser::getPreprocessor()->newFrame())."""
    state = get_state(ctx)
    if state.root_frame is None:
        state.root_frame = Frame(ctx, state)
    return state.root_frame


def preprocess(
    ctx: ParserContext,
    text: str,
    frame: Any = None,
    *,
    for_inclusion: bool = False,
    mode: str | None = None,
) -> str:
    """Expand `text` as MediaWiki's Parser::replaceVariables does.

    Comments are removed, templates, arguments, parser functions and magic words
    expanded, extension tags replaced by strip markers, and top-level headings get
    heading markers (recorded in ctx.ext_state["headings"]). `frame` is the frame a tag
    hook received, so `{{{1}}}` inside a tag's content refers to the template's
    arguments (a dict gives a frame with those arguments). `mode` is 'html' (default), 'pre' (Parser::preprocess) or 'wiki'
    (pre-save transform).
    """
    if sys.getrecursionlimit() < _MIN_RECURSION:
        sys.setrecursionlimit(_MIN_RECURSION)
    state = get_state(ctx)
    if mode is not None:
        state.mode = mode
    if frame is None:
        frame = root_frame(ctx)
    elif isinstance(frame, dict):
        # Parser::replaceVariables with an array: a custom frame with these arguments.
        frame = CustomFrame(root_frame(ctx), frame)
    top = state.expansion_depth == 0
    if (
        not text
        or len(text) > state.max_include_size
        or (not text.isascii() and len(text.encode("utf-8")) > state.max_include_size)
    ):
        # Parser::replaceVariables leaves empty and over-large texts as they are.
        return text
    dom = build_dom(ctx, text, for_inclusion)
    out = frame.expand(dom)
    if top:
        _report_limits(ctx, state)
    return out


def preprocess_text(ctx: ParserContext, text: str, frame: Any = None) -> str:
    """Parser::preprocess (and transformMsg): templates and functions expanded, comments
    removed, tags kept as written; the wikitext that results."""
    return ctx.strip.unstrip_both(preprocess(ctx, text, frame, mode="pre"))


def preload_text(ctx: ParserContext, text: str) -> str:
    """Parser::getPreloadText: the text a new page starts with when another page preloads
    it. <includeonly>/<noinclude>/<onlyinclude> apply as for a transclusion; templates,
    arguments, comments and tags stay as written."""
    state = get_state(ctx)
    state.mode = "plain"
    dom = build_dom(ctx, text, for_inclusion=True)
    out = root_frame(ctx).expand(dom, NO_ARGS | NO_TEMPLATES)
    return ctx.strip.unstrip_both(out)


def _report_limits(ctx: ParserContext, state: PPState) -> None:
    if state.expensive_count > state.expensive_limit and "expensive" not in state.warned:
        state.warned.add("expensive")
        state.limitation_warn(
            "expensive-parserfunction", state.expensive_count, state.expensive_limit
        )
    report = ctx.output.limit_report
    report["ppvisitednodes"] = state.node_count
    report["postexpandincludesize"] = state.include_sizes["post-expand"]
    report["templateargumentsize"] = state.include_sizes["arg"]
    report["expansiondepth"] = state.highest_expansion_depth
    report["expensivefunctioncount"] = state.expensive_count
