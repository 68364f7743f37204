"""Per-render preprocessor state: limits, counters, caches and the heading list.

MediaWiki keeps these on the Parser (mPPNodeCount, mIncludeSizes, mTplDomCache,
mHeadings, ...); here they live in `ctx.ext_state["preprocessor"]`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..strip import MARKER_PREFIX, MARKER_SUFFIX

if TYPE_CHECKING:
    from ..context import ParserContext
    from .dom import Heading
    from .frame import Frame

# Messages of Parser::limitationWarn ("$type-warning"), English.
LIMIT_WARNINGS = {
    "post-expand-template-inclusion": "<strong>Warning:</strong> Template include size is too "
    "large.\nSome templates will not be included.",
    "post-expand-template-argument": "<strong>Warning:</strong> This page contains at least one "
    "template argument that has a too large expansion size.\nThese arguments have been omitted.",
    "expansion-depth-exceeded": "Page exceeded the expansion depth",
    "node-count-exceeded": "Page exceeded the node-count",
    "expensive-parserfunction": "<strong>Warning:</strong> This page contains too many expensive "
    "parser function calls.\n\nIt should have less than {max} {max_calls}, there {now}.",
}


def _config_int(ctx: ParserContext, field: str, option: str | None, wg: str) -> int:
    value: Any = getattr(ctx.config, field)
    cfg = ctx.options.config
    if wg in cfg:
        value = cfg[wg]
    elif field in cfg:
        value = cfg[field]
    if option and option in ctx.options.test_options:
        value = ctx.options.test_options[option]
    try:
        return int(value)
    except (TypeError, ValueError):
        return int(getattr(ctx.config, field))


class PPState:
    def __init__(self, ctx: ParserContext, mode: str = "html") -> None:
        self.ctx = ctx
        self.mode = mode  # 'html' (parse), 'wiki' (pre-save transform), 'pre' (preprocess)
        self.remove_comments = True
        self.max_node_count = _config_int(ctx, "max_pp_node_count", None, "wgMaxPPNodeCount")
        self.max_expand_depth = _config_int(ctx, "max_pp_expand_depth", None, "wgMaxPPExpandDepth")
        self.max_template_depth = _config_int(
            ctx, "max_template_depth", "maxtemplatedepth", "wgMaxTemplateDepth"
        )
        self.max_include_size = _config_int(
            ctx, "max_include_size", "maxincludesize", "wgMaxIncludeSize"
        )
        self.expensive_limit = _config_int(
            ctx, "expensive_function_limit", None, "wgExpensiveParserFunctionLimit"
        )
        self.node_count = 0
        self.expansion_depth = 0
        self.highest_expansion_depth = 0
        self.include_sizes = {"post-expand": 0, "arg": 0}
        self.expensive_count = 0
        self.dom_cache: dict[tuple[str, bool], list] = {}
        self.template_dom_cache: dict[str, Any] = {}
        self.template_redirect_cache: dict[str, Any] = {}
        # (title text, without args) -> (title, red link, its size) of missing templates
        self.missing_templates: dict[tuple[str, bool], tuple[Any, str, int]] = {}
        self.expanded_cache: dict[str, str] = {}
        self.headings: list[dict[str, Any]] = ctx.ext_state.setdefault("headings", [])
        self.warned: set[str] = set()
        self.root_frame: Frame | None = None
        self.tag_names: tuple[str, ...] = ()
        self.title_cache: dict[str, Any] = {}
        self.nonincludable: tuple[int, ...] | None = None

    def limitation_warn(self, kind: str, current: int | str = "", maximum: int | str = "") -> None:
        """Parser::limitationWarn: a warning for the editor and a tracking category."""
        text = LIMIT_WARNINGS.get(kind, kind)
        if kind == "expensive-parserfunction":
            now = f"is now {current} call" if current == 1 else f"are now {current} calls"
            text = text.format(max=maximum, max_calls="call" if maximum == 1 else "calls", now=now)
        # ParserOutput keeps each warning once.
        if text not in self.warned:
            self.warned.add(text)
            self.ctx.add_warning(text)
        self.ctx.add_tracking_category(f"{kind}-category")

    def increment_include_size(self, kind: str, size: int) -> bool:
        if self.include_sizes[kind] + size > self.max_include_size:
            return False
        self.include_sizes[kind] += size
        return True

    def increment_expensive(self) -> bool:
        """Parser::incrementExpensiveFunctionCount: False once the limit is passed."""
        self.expensive_count += 1
        return self.expensive_count <= self.expensive_limit

    def heading_marker(self, frame: Frame, node: Heading, text: str) -> str:
        """Insert MediaWiki's heading marker after the leading '=' run of a heading."""
        serial = len(self.headings)
        page_key = self.ctx.title.prefixed_dbkey
        from_title = frame.title.prefixed_dbkey
        is_template = from_title != page_key
        index = f"T-{node.i}" if is_template else str(node.i)
        self.headings.append(
            {
                "index": index,
                "section": node.i,
                "byte_offset": None if is_template else node.start,
                "title": frame.title.prefixed_text,
                "dbkey": from_title,
                "is_template": is_template,
                "level": node.level,
            }
        )
        marker = f"{MARKER_PREFIX}-h-{serial}-{MARKER_SUFFIX}"
        self.ctx.strip.general[marker] = ""
        return text[: node.level] + marker + text[node.level :]


def get_state(ctx: ParserContext) -> PPState:
    state = ctx.ext_state.get("preprocessor")
    if state is None:
        state = PPState(ctx)
        ctx.ext_state["preprocessor"] = state
    return state
