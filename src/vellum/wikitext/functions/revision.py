"""Revision magic words with a page argument ({{REVISIONID:Page}}, {{REVISIONTIMESTAMP:}},
{{REVISIONDAY:}} ..., {{REVISIONUSER:}}, {{PAGEID:}}) and the ParserOutput flags that
tell the wiki a saved page must be parsed again (CoreParserFunctions::revisionid ...,
getCachedRevisionObject)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..magicwords import current_revision_exists, revision_datetime, revision_user
from . import parser_function
from .util import make_title

if TYPE_CHECKING:
    from ..context import ParserContext
    from ..title import Title

VARY_REVISION_ID = "vary-revision-id"
VARY_REVISION_TIMESTAMP = "vary-revision-timestamp"
VARY_USER = "vary-user"


def _self_referential(ctx: ParserContext, title: Title) -> bool:
    return title.prefixed_dbkey == ctx.title.prefixed_dbkey


def _revision_of(ctx: ParserContext, title: Title, vary: str) -> bool:
    """Whether `title` has a current revision we know; records the dependency and, for the
    page itself, the flag `vary`."""
    if _self_referential(ctx, title):
        ctx.output.flags.add(vary)
        if current_revision_exists(ctx):
            return True
    from ..preprocessor import get_state

    state = get_state(ctx)
    known: set[str] = ctx.ext_state.setdefault("revision_lookups", set())
    key = title.prefixed_dbkey
    if key not in known:
        known.add(key)
        if not state.increment_expensive():
            return False
    ctx.add_template(title)
    return False


def _title(ctx: ParserContext, page: str | None) -> Title | None:
    return make_title(ctx, page if page is not None and page != "" else None)


@parser_function("revisionid", "REVISIONID", case_sensitive=True, no_hash=True)
def revisionid(ctx: ParserContext, page: str | None = None, *rest: str) -> str:
    title = _title(ctx, page)
    if title is None:
        return ""
    if page is None or page == "":
        ctx.output.flags.add(VARY_REVISION_ID)
        return "" if ctx.options.revision_id is None else str(ctx.options.revision_id)
    if _revision_of(ctx, title, VARY_REVISION_ID) and ctx.options.revision_id is not None:
        return str(ctx.options.revision_id)
    return ""


def _timestamp_function(word: str, fmt):
    def fn(ctx: ParserContext, page: str | None = None, *rest: str) -> str:
        title = _title(ctx, page)
        if title is None:
            return ""
        if page is None or page == "":
            dt = revision_datetime(ctx)
            if not current_revision_exists(ctx):
                ctx.output.flags.add(VARY_REVISION_TIMESTAMP)
            return "" if dt is None else fmt(dt)
        if _revision_of(ctx, title, VARY_REVISION_TIMESTAMP):
            dt = revision_datetime(ctx)
            return "" if dt is None else fmt(dt)
        return ""

    fn.__name__ = word
    parser_function(word, word.upper(), case_sensitive=True, no_hash=True)(fn)
    return fn


TIMESTAMP_FUNCTIONS = {
    "revisionday": lambda d: str(d.day),
    "revisionday2": lambda d: f"{d.day:02d}",
    "revisionmonth": lambda d: f"{d.month:02d}",
    "revisionmonth1": lambda d: str(d.month),
    "revisionyear": lambda d: str(d.year),
    "revisiontimestamp": lambda d: d.strftime("%Y%m%d%H%M%S"),
}
for _word, _fmt in TIMESTAMP_FUNCTIONS.items():
    _timestamp_function(_word, _fmt)


@parser_function("revisionuser", "REVISIONUSER", case_sensitive=True, no_hash=True)
def revisionuser(ctx: ParserContext, page: str | None = None, *rest: str) -> str:
    title = _title(ctx, page)
    if title is None:
        return ""
    if page is None or page == "":
        ctx.output.flags.add(VARY_USER)
        return revision_user(ctx)
    if _revision_of(ctx, title, VARY_USER):
        return revision_user(ctx)
    return ""


@parser_function("pageid", "PAGEID", no_hash=True)
def pageid(ctx: ParserContext, page: str | None = None, *rest: str) -> str:
    title = _title(ctx, page)
    if title is None:
        return ""
    if _self_referential(ctx, title):
        return "" if ctx.options.page_id is None else str(ctx.options.page_id)
    info = ctx.site.link_info([title]).get(title.prefixed_dbkey)
    ctx.add_link(title)
    return str(info.page_id) if info is not None and info.page_id else ""


@parser_function("cascadingsources", "CASCADINGSOURCES", case_sensitive=True, no_hash=True)
def cascadingsources(ctx: ParserContext, page: str | None = None, *rest: str) -> str:
    return ""
