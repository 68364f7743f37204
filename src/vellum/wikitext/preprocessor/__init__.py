"""MediaWiki's preprocessor: templates, arguments, parser functions, magic words,
comments, <includeonly>/<noinclude>/<onlyinclude>, extension tags and heading markers.

`preprocess(ctx, text)` is Parser::replaceVariables for a whole page (or, with a frame,
for text inside an extension tag): it builds the document tree (`dom`) and expands it in
a frame (`frame`), calling `braces` for `{{...}}`, `{{{...}}}` and tags.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

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
from .trees import build_dom, template_dom

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
    "template_dom",
]

_MIN_RECURSION = 20000


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
        frame = state.root_frame or root_frame(ctx)
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
