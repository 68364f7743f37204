"""Cite: <ref> and <references> (the Cite extension as in MediaWiki 1.39).

State lives in ctx.ext_state["cite"]: the reference stack, whether a <ref> or a
<references> is being processed, and the errors collected inside <references>. Refs left
at the end of the page get an automatic list (default group) or an error (other groups).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from ...context import ParserContext
from ...strip import MARKER_PREFIX
from .. import after_parse, tag_hook
from .formatter import format_references, link_ref
from .messages import error_html, message
from .stack import ReferenceStack

DEFAULT_GROUP = ""
REF_ATTRIBUTES = ("group", "name", "extends", "follow", "dir")
REFERENCES_ATTRIBUTES = ("group", "responsive")
_REF_MARKER = re.compile(re.escape(MARKER_PREFIX) + "-(?i:ref)-")
_REFERENCES_MARKER = re.compile(re.escape(MARKER_PREFIX) + "-(?i:references)-")
_INCLUDED_REF = re.compile(r"<ref(erences)?\b[^>]*+>", re.I)
_TAGS_AND_COMMENTS = re.compile(r"<(\w++)[^>]*+>.*?</\1\s*>|<!--.*?-->", re.S)


@dataclass
class CiteState:
    stack: ReferenceStack
    in_ref_tag: bool = False
    in_references_group: str | None = None
    references_errors: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)


def state(ctx: ParserContext) -> CiteState:
    st = ctx.ext_state.get("cite")
    if st is None:
        st = CiteState(
            ReferenceStack(
                lambda name: error_html(ctx, "cite_error_references_duplicate_key", name)
            )
        )
        ctx.ext_state["cite"] = st
    return st


# The (never changed) arguments of a tag without attributes.
_NO_ARGUMENTS: dict[tuple[str, ...], dict[str, str | None]] = {
    REF_ATTRIBUTES: dict.fromkeys(REF_ATTRIBUTES),
    REFERENCES_ATTRIBUTES: dict.fromkeys(REFERENCES_ATTRIBUTES),
}


def _parse_arguments(
    argv: dict[str, str], allowed: tuple[str, ...]
) -> tuple[dict[str, str | None], bool]:
    """Cite::parseArguments: the allowed attributes, and whether there were others."""
    if not argv:
        return _NO_ARGUMENTS[allowed], False
    get = argv.get
    values: dict[str, str | None] = {k: get(k) for k in allowed}
    return values, not argv.keys() <= _NO_ARGUMENTS[allowed].keys()


def _digits(value: str | None) -> bool:
    return bool(value) and value.isascii() and value.isdigit()  # type: ignore[union-attr]


def _validate(
    st: CiteState,
    text: str | None,
    group: str,
    name: str | None,
    extends: str | None,
    follow: str | None,
    direction: str | None,
    book_referencing: bool,
) -> tuple[str, tuple[str, ...]] | None:
    """Validator::validateRef: the first error as (message key, params), or None."""
    if (name and _digits(name)) or (extends and _digits(extends)) or (follow and _digits(follow)):
        return "cite_error_ref_numeric_key", ()
    if extends:
        if not book_referencing:
            return "cite_error_ref_too_many_keys", ()
        refs = st.stack.group_refs(group)
        if name and name in refs and refs[name].extends is None:
            # A top-level <ref> can't be changed into a sub-reference.
            return "cite_error_references_duplicate_key", (name,)
        if extends in refs and refs[extends].extends:
            return "cite_error_ref_nested_extends", (extends, refs[extends].extends or "")
    if follow and (name or extends):
        return "cite_error_ref_too_many_keys", ()
    if direction is not None and direction.lower() not in ("ltr", "rtl"):
        return "cite_error_ref_invalid_dir", (direction,)
    if st.in_references_group is None:
        if not name:
            if text is None:
                return "cite_error_ref_no_key", ()
            if text.strip() == "":
                return "cite_error_ref_no_input", ()
        if (
            text is not None
            and "<" in text
            and _INCLUDED_REF.search(_TAGS_AND_COMMENTS.sub("", text))
        ):
            return "cite_error_included_ref", ()
        return None
    if group != st.in_references_group:
        return "cite_error_references_group_mismatch", (group,)
    if not name:
        return "cite_error_references_no_key", ()
    if text is None or text.strip() == "":
        return "cite_error_empty_references_define", (name, group)
    if not st.stack.has_group(group):
        return "cite_error_references_missing_group", (group, name)
    if name not in st.stack.group_refs(group):
        return "cite_error_references_missing_key", (name,)
    return None


def guarded_ref(ctx: ParserContext, st: CiteState, text: str | None, argv: dict[str, str]) -> str:
    """Cite::guardedRef."""
    args, extra = _parse_arguments(argv, REF_ATTRIBUTES)
    name = args["name"]
    extends = args["extends"]
    group = args["group"]
    in_group = st.in_references_group
    if group is None:
        group = in_group if in_group is not None else DEFAULT_GROUP
    error: tuple[str, tuple[str, ...]] | None = None
    if extra:
        error = ("cite_error_ref_too_many_keys", ())
    else:
        # (Book referencing only matters to a ref with extends=.)
        book = bool(ctx.config.extra.get("wgCiteBookReferencing", False)) if extends else False
        error = _validate(st, text, group, name, extends, args["follow"], args["dir"], book)
    if text is not None and text.strip() == "":
        text = None
    if in_group is not None:
        if error is not None:
            st.references_errors.append(error)
        else:
            st.stack.list_defined_ref(group, name or "", text)
        return ""
    if error is not None:
        st.stack.push_invalid()
        return error_html(ctx, error[0], *error[1])
    ref = st.stack.push_ref(
        ctx.strip, text, argv, group, name or None, args["follow"], args["dir"], extends or None
    )
    return link_ref(ctx, group, ref) if ref is not None else ""


@tag_hook("ref")
def ref_hook(ctx: ParserContext, content: str | None, attrs: dict[str, str], frame: Any) -> str:
    st = state(ctx)
    if st.in_ref_tag:
        return html.escape(f"<ref>{content or ''}</ref>", quote=False)
    st.in_ref_tag = True
    try:
        return guarded_ref(ctx, st, content, _normalize(attrs))
    finally:
        st.in_ref_tag = False


_WS_RUN = re.compile(r"[\t\r\n ]+")


def _fold_spaces(value: str) -> str:
    if "\t" in value or "\n" in value or "\r" in value or "  " in value:
        value = _WS_RUN.sub(" ", value)
    return value.strip()


def _normalize(attrs: dict[str, str]) -> dict[str, str]:
    """Attribute values as Sanitizer::decodeTagAttributes leaves them (whitespace folded)."""
    if not attrs:
        return {}
    return {k.lower(): _fold_spaces(v) for k, v in attrs.items()}


def _references_errors(ctx: ParserContext, st: CiteState) -> str:
    parts = [error_html(ctx, key, *params) for key, params in st.references_errors]
    st.references_errors = []
    return "\n" + "<br />\n".join(parts) if parts else ""


def _format(ctx: ParserContext, st: CiteState, group: str, responsive: str | None) -> str:
    if responsive is not None:
        wrap = responsive != "0"
    else:
        wrap = bool(ctx.config.cite_responsive_references)
    refs = st.stack.pop_group(group)
    return format_references(ctx, refs, wrap)


@tag_hook("references")
def references_hook(
    ctx: ParserContext, content: str | None, attrs: dict[str, str], frame: Any
) -> str:
    st = state(ctx)
    if st.in_ref_tag or st.in_references_group is not None:
        raw = "<references/>" if content is None else f"<references>{content}</references>"
        return html.escape(raw, quote=False)
    args, extra = _parse_arguments(_normalize(attrs), REFERENCES_ATTRIBUTES)
    st.in_references_group = args["group"] if args["group"] is not None else DEFAULT_GROUP
    try:
        error: str | None = "cite_error_references_invalid_parameters" if extra else None
        if content is not None and content.strip() != "":
            if _REFERENCES_MARKER.search(content):
                error = error or "cite_error_included_references"
            else:
                count = len(_REF_MARKER.findall(content))
                for text, argv in st.stack.rollback_refs(count):
                    guarded_ref(ctx, st, text, argv)
                ctx.recursive_tag_parse(content, frame)
        if error is not None:
            return error_html(ctx, error)
        out = _format(ctx, st, st.in_references_group, args["responsive"])
        return out + _references_errors(ctx, st)
    finally:
        st.in_references_group = None


@after_parse
def references_at_end(ctx: ParserContext, text: str) -> str:
    """Cite::checkRefsNoReferences: the list of the default group's remaining refs, and an
    error for every other group that has refs but no <references>."""
    st = ctx.ext_state.get("cite")
    if st is None or st.in_references_group is not None or st.in_ref_tag:
        return text
    out = ""
    for group in st.stack.groups():
        if group == DEFAULT_GROUP:
            st.in_references_group = group
            try:
                out += _format(ctx, st, group, None)
            finally:
                st.in_references_group = None
        else:
            out += "<br />" + error_html(ctx, "cite_error_group_refs_without_references", group)
    return text + ("\n" + out if out else "")


__all__ = ["message", "references_hook", "ref_hook", "references_at_end", "state"]
