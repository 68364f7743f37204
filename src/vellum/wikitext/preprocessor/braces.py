"""`{{...}}`, `{{{...}}}` and extension tags (Parser::braceSubstitution,
argSubstitution, extensionSubstitution, fetchTemplateAndTitle).

A `{{...}}` is tried, in MediaWiki's order, as subst:/safesubst:, a variable, msgnw:,
a parser function, then a page transcluded in a child frame (templates by default,
redirects followed), with the depth limit, the loop check and the include-size limit.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..extensions import TAG_HOOKS
from ..functions import call_parser_function
from ..magicwords import expand_variable, match_variable
from ..sanitizer import decode_tag_attributes
from ..strip import MARKER_PREFIX, MARKER_RE
from ..title import Title
from .dom import Ext, Template
from .frame import PHP_WS, RECOVER_ORIG, STRIP_COMMENTS, Frame, php_trim
from .trees import template_dom

if TYPE_CHECKING:
    from ..context import ParserContext

TEMPLATE_NS = 10
MEDIAWIKI_NS = 8

_REDIRECT_RE = re.compile(r"^[ \t\n\r\0\x0b]*#REDIRECT[ \t\n\r\f\v]*:?[ \t\n\r\f\v]*", re.I)
_REDIRECT_LINK_RE = re.compile(r"\s*:?\s*\[{2}(.*?)(?:\|.*?)?\]{2}\s*", re.S)
_BLOCK_START_RE = re.compile(r"^(?:\{\||:|;|#|\*)")
_SUBST_RE = re.compile(r"^(safesubst|subst):", re.I)
_MSGNW_RE = re.compile(r"^msgnw:", re.I)
_MSG_RE = re.compile(r"^msg:", re.I)
_RAW_RE = re.compile(r"^raw:", re.I)
ERROR_START = '<span class="error">'


def redirect_target_text(text: str) -> str | None:
    """The target of a `#REDIRECT [[...]]` page, or None (WikitextContent::getRedirectTarget)."""
    m = _REDIRECT_RE.match(text)
    if not m:
        return None
    m2 = _REDIRECT_LINK_RE.match(text, m.end())
    if not m2:
        return None
    target = m2.group(1)
    if "%" in target:
        from urllib.parse import unquote

        target = unquote(target)
    return target


def normalize_subpage_link(ctx: ParserContext, context: Title, target: str) -> str:
    """Linker::normalizeSubpageLink for transclusions: '/Sub' and '../Sibling'."""
    if not ctx.config.namespaces.has_subpages(context.namespace) and not _subpages_forced(ctx):
        return target
    suffix = ""
    if "#" in target:
        target, suffix = target.split("#", 1)
        suffix = "#" + suffix
    target = php_trim(target)
    base = context.prefixed_text
    if target.startswith("/"):
        stripped = target.rstrip("/")
        noslash = stripped[1:] if len(stripped) != len(target) else target[1:]
        return base + "/" + php_trim(noslash) + suffix
    count = 0
    rest = target
    while rest.startswith("../"):
        count += 1
        rest = rest[3:]
    if count:
        parts = base.split("/")
        if len(parts) > count:
            ret = "/".join(parts[:-count])
            rest = php_trim(rest.rstrip("/"))
            if rest:
                ret += "/" + rest
            return ret + suffix
    return target + suffix if count == 0 else target + suffix


def _subpages_forced(ctx: ParserContext) -> bool:
    return "subpage" in ctx.options.test_options


def fetch_template(ctx: ParserContext, title: Title) -> tuple[str | None, Title]:
    """Text of a page for transclusion, following up to two redirects; every page
    looked at is recorded as a template (Parser::statelessFetchTemplate)."""
    text: str | None = None
    final = title
    current: Title | None = title
    for _ in range(3):
        if current is None:
            break
        ctx.add_template(current)
        page = ctx.site.page_text(current)
        if page is None:
            text = None
            if current.namespace == MEDIAWIKI_NS:
                text = _message_text(ctx, current)
            final = current
            break
        text = page
        final = current
        target = redirect_target_text(page)
        current = ctx.config.try_title(target) if target else None
        if current is not None and (current.interwiki or not current.dbkey):
            current = None
    return text, final


def _message_text(ctx: ParserContext, title: Title) -> str | None:
    """The text of an interface message for a missing MediaWiki: page."""
    from ..functions.language import message

    return message(ctx, title.text)


def get_template_dom(frame: Frame, title: Title) -> tuple[list | None, Title]:
    state = frame.state
    key = title.prefixed_dbkey
    redirected = state.template_redirect_cache.get(key)
    if redirected is not None:
        title = redirected
        key = title.prefixed_dbkey
    if key in state.template_dom_cache:
        # Cached for this render: its pages were recorded when it was fetched.
        return state.template_dom_cache[key], title
    text, final = fetch_template(frame.ctx, title)
    if text is None:
        state.template_dom_cache[key] = None
        return None, final
    dom = template_dom(frame.ctx, text)
    state.template_dom_cache[final.prefixed_dbkey] = dom
    if final.prefixed_dbkey != key:
        state.template_redirect_cache[key] = final
        state.template_dom_cache[key] = dom
    return dom, final


def _parse_template_title(frame: Frame, part1: str) -> Title | None:
    cache = frame.state.title_cache
    if part1 in cache:
        return cache[part1]
    ctx = frame.ctx
    ns = TEMPLATE_NS
    text = part1
    relative = normalize_subpage_link(ctx, ctx.title, text)
    if relative != text:
        text = relative
        ns = ctx.title.namespace
    title = ctx.try_title(text, ns)
    cache[part1] = title
    return title


def brace_substitution(frame: Frame, node: Template) -> str | list:
    """Expand `{{...}}`; returns text, or nodes to be expanded in the current frame."""
    state = frame.state
    title_nodes = node.title
    if (
        len(title_nodes) == 1
        and title_nodes[0].__class__ is str
        and state.node_count < state.max_node_count
        and state.expansion_depth <= state.max_expand_depth
    ):
        # What frame.expand does with a single text within the limits.
        state.node_count += 1
        title_with_spaces = title_nodes[0]
    else:
        title_with_spaces = frame.expand(title_nodes)
    part1 = title_with_spaces.strip(PHP_WS)
    missing_key = None
    if ":" not in part1 and (state.mode == "html" or state.mode == "pre"):
        # A page already found missing in this render: the same red link again.
        missing_key = (part1, not node.has_parts)
        missing = state.missing_templates.get(missing_key)
        if (
            missing is not None
            and frame.depth < state.max_template_depth
            and frame.loop_check_ok(missing[0])
            and state.increment_include_size("post-expand", missing[2])
        ):
            return missing[1]
    return _brace_substitution(frame, node, title_with_spaces, part1, missing_key)


def _brace_substitution(
    frame: Frame,
    node: Template,
    title_with_spaces: str,
    part1: str,
    missing_key: tuple[str, bool] | None,
) -> str | list:
    """Parser::braceSubstitution once the title is expanded (`part1`, trimmed)."""
    ctx = frame.ctx
    state = frame.state
    found = False
    nowiki = False
    is_html = False
    is_child_obj = False
    is_local_obj = False
    title: Title | None = None
    title_text: str | None = None
    text: Any = None
    saw_template_equals = False
    missing_link: str | None = None
    original_title = part1
    has_colon = ":" in part1

    # subst: and safesubst:
    m = _SUBST_RE.match(part1) if has_colon else None
    subst = None
    if m:
        subst = m.group(1).lower()
        part1 = part1[m.end() :]
    if state.mode == "wiki":
        literal = subst is None
    else:
        literal = subst == "subst"
    if literal:
        text = frame.virtual_bracketed("{{", "}}", _with_title(node, title_with_spaces))
        is_local_obj = True
        found = True

    # Variables
    if not found and not node.has_parts:
        var_id = match_variable(part1)
        if var_id is not None:
            text = expand_variable(ctx, frame, var_id)
            found = True

    # msgnw:, msg:, raw:
    if not found and has_colon:
        m = _MSGNW_RE.match(part1)
        if m:
            nowiki = True
            part1 = part1[m.end() :]
        else:
            m = _MSG_RE.match(part1)
            if m:
                part1 = part1[m.end() :]
        m = _RAW_RE.match(part1)
        if m:
            part1 = part1[m.end() :]

    # Parser functions
    if not found:
        colon = part1.find(":")
        if colon != -1:
            func = part1[:colon]
            func_args: list = [php_trim(part1[colon + 1 :]), *node.parts]
            result = call_parser_function(ctx, frame, func, func_args)
            if result is not None:
                if "title" in result:
                    title = result["title"]
                found = result.get("found", True)
                if "text" in result:
                    text = result["text"]
                nowiki = result.get("nowiki", nowiki)
                is_html = result.get("isHTML", is_html)
                is_child_obj = result.get("isChildObj", is_child_obj)
                is_local_obj = result.get("isLocalObj", is_local_obj)

    # A page to transclude
    if not found:
        title = _parse_template_title(frame, part1)
        if title is not None:
            title_text = title.prefixed_text
            if frame.depth >= state.max_template_depth:
                found = True
                text = (
                    f"{ERROR_START}Template recursion depth limit exceeded "
                    f"({state.max_template_depth})</span>"
                )

    if not found and title is not None:
        if not title.interwiki:
            if state.nonincludable is None:
                state.nonincludable = _nonincludable(ctx)
            if title.namespace in state.nonincludable:
                pass
            elif title.namespace == -1:
                if state.mode == "html":
                    from .special import transclude_special

                    page_args: dict[str, str] = {}
                    for part in node.parts:
                        if part.name is not None:
                            key = php_trim(frame.expand(part.name, STRIP_COMMENTS))
                            page_args[key] = php_trim(frame.expand(part.value))
                    html_text = transclude_special(ctx, title, page_args)
                    if html_text is not None:
                        found = True
                        is_html = True
                        text = html_text
            else:
                dom, final = get_template_dom(frame, title)
                if dom is not None:
                    found = True
                    is_child_obj = True
                    text = dom
                    title = final
                    saw_template_equals = (
                        title.namespace == TEMPLATE_NS
                        and title.dbkey == "="
                        and original_title == "="
                    )
            if not found and state.mode in ("html", "pre"):
                text = f"[[:{title_text}]]"
                found = True
                if missing_key is not None:
                    missing_link = text
        if not frame.loop_check_ok(title):
            found = True
            text = f"{ERROR_START}Template loop detected: [[{title_text}]]</span>"
            ctx.add_tracking_category("template-loop-category")
            warning = (
                f"<strong>Warning:</strong> This page calls [[:{title_text}]] which causes a "
                "template loop (an infinite recursive call)."
            )
            if warning not in state.warned:
                state.warned.add(warning)
                ctx.add_warning(warning)

    if not found:
        return frame.virtual_bracketed("{{", "}}", _with_title(node, title_with_spaces))

    if is_child_obj:
        new_frame = frame.new_child(node.parts, title or frame.title)
        if nowiki:
            text = new_frame.expand(text, RECOVER_ORIG)
        elif title_text is not None and new_frame.is_empty():
            text = new_frame.cached_expand(title_text, text)
        else:
            text = new_frame.expand(text)
    if is_local_obj and nowiki:
        text = frame.expand(text, RECOVER_ORIG)
        is_local_obj = False

    if saw_template_equals and ctx.strip.unstrip_both(text) != "=":
        # T91154: {{=}} that does not expand to '='.
        ctx.add_tracking_category("template-equals-category")
        ctx.add_warning(
            "<strong>Warning:</strong> This page uses {{=}} as a template, which does not "
            'expand to "=".'
        )

    if is_html:
        text = ctx.strip.add_general(text, "item")
    elif nowiki and state.mode in ("html", "pre"):
        from ..functions.util import escape_wikitext

        text = escape_wikitext(text)
    elif isinstance(text, str) and not node.line_start and _BLOCK_START_RE.match(text):
        # T2529: a template starting a table or list starts a new line.
        text = "\n" + text

    if isinstance(text, str) and not state.increment_include_size("post-expand", _byte_len(text)):
        if title_text is not None:
            text = f"[[:{title_text}]]"
        else:
            text = f"[[:{original_title}]]"
        text += ctx.strip.add_general(
            "<!-- WARNING: template omitted, post-expand include size too large -->", "item"
        )
        state.limitation_warn("post-expand-template-inclusion")

    if text is None:
        return ""
    if missing_key is not None and text is missing_link:
        assert title is not None
        state.missing_templates[missing_key] = (title, text, _byte_len(text))
    if is_local_obj:
        return text if isinstance(text, list) else [text]
    return text if isinstance(text, str) else frame.expand(text)


def _byte_len(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-8"))


def _with_title(node: Template, title: str) -> Template:
    return Template(node.kind, [title], node.parts, node.line_start)


def _nonincludable(ctx: ParserContext) -> tuple[int, ...]:
    value = ctx.options.config.get("wgNonincludableNamespaces") or ctx.config.extra.get(
        "wgNonincludableNamespaces"
    )
    opt = ctx.options.test_options.get("wgnonincludablenamespaces")
    if opt not in (None, ""):
        value = [opt]
    if not value:
        return ()
    try:
        return tuple(int(v) for v in value)
    except (TypeError, ValueError):
        return ()


def arg_substitution(frame: Frame, node: Template) -> str | list:
    """Expand `{{{name|default}}}` (Parser::argSubstitution)."""
    state = frame.state
    name_with_spaces = frame.expand(node.title)
    arg_name = php_trim(name_with_spaces)
    obj: list | None = None
    text = frame.get_argument(arg_name)
    if (
        text is None
        and node.parts
        and (state.mode in ("html", "pre") or (state.mode == "wiki" and frame.is_template()))
    ):
        part = node.parts[0]
        obj = ([*part.name, "="] if part.name is not None else []) + part.value
    error = None
    if not state.increment_include_size("arg", _byte_len(text or "")):
        error = "<!-- WARNING: argument omitted, expansion size too large -->"
        state.limitation_warn("post-expand-template-argument")
    if text is None and obj is None:
        obj = frame.virtual_bracketed("{{{", "}}}", _with_title(node, name_with_spaces))
    if error is not None:
        text = (text or "") + error
    if obj is not None:
        return obj
    return text or ""


def extension_substitution(frame: Frame, node: Ext) -> str:
    """Run an extension tag's hook; its output goes behind a strip marker."""
    return tag_substitution(frame, node.name, node.attr or "", node.inner, node.close)


# Decoded attributes of tags, by attribute text (the same few recur: <ref name=...>).
_ATTRIBUTES_CACHE: dict[str, dict[str, str]] = {}


def _tag_attributes(attr_text: str) -> dict[str, str]:
    """decode_tag_attributes, cached; the caller gets its own dict."""
    if not attr_text:
        return {}
    attrs = _ATTRIBUTES_CACHE.get(attr_text)
    if attrs is None:
        attrs = decode_tag_attributes(attr_text)
        if len(_ATTRIBUTES_CACHE) >= 20000:
            _ATTRIBUTES_CACHE.clear()
        _ATTRIBUTES_CACHE[attr_text] = attrs
    return dict(attrs)


def tag_substitution(
    frame: Frame,
    name: str,
    attr_text: str,
    content: str | None,
    close: str | None,
    attributes: dict[str, str] | None = None,
) -> str:
    """Parser::extensionSubstitution for a tag from the tree or from {{#tag:}}."""
    ctx = frame.ctx
    state = frame.state
    if state.mode == "html":
        lname = name.lower()
        attrs = _tag_attributes(attr_text)
        if attributes:
            for key, value in attributes.items():
                attrs.setdefault(key, value)
        hook = TAG_HOOKS.get(lname)
        if hook is None:
            from html import escape

            return ctx.strip.add_general(
                f"{ERROR_START}Invalid tag extension name: {escape(lname)}</span>", lname
            )
        output = hook(ctx, content, attrs, frame)
        # Tag output is not reused between transclusions (Cite's refs must repeat).
        if not frame.volatile:  # (once volatile, its parents are too)
            frame.set_volatile()
        if isinstance(output, tuple):
            output, marker_type = output
            if marker_type == "none":
                return output
            if marker_type == "nowiki":
                return ctx.strip.add_nowiki(output, lname)
        if output.startswith(MARKER_PREFIX) and MARKER_RE.fullmatch(output):
            return output
        return ctx.strip.add_general(output, lname)
    # The pre-save transform and plain preprocessing keep the tag as it is.
    if attributes:
        from html import escape

        for key, value in attributes.items():
            attr_text += f' {escape(key)}="{escape(value)}"'
    if content is None:
        out = f"<{name}{attr_text}/>"
    else:
        out = f"<{name}{attr_text}>{content}{close or ''}"
    return ctx.strip.add_general(out, name)


__all__ = [
    "STRIP_COMMENTS",
    "arg_substitution",
    "brace_substitution",
    "extension_substitution",
    "fetch_template",
    "redirect_target_text",
    "tag_substitution",
]
