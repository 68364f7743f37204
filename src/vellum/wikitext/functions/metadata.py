"""Page metadata and site functions: DISPLAYTITLE, DEFAULTSORT, ns, nse, #special,
#speciale, NUMBEROF*:R, PAGESIZE, PAGESINCATEGORY, PROTECTIONLEVEL,
REVISIONID and friends with a page argument (CoreParserFunctions)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..magicwords import VARIABLES, format_num
from ..sanitizer import decode_char_references
from . import parser_function
from .util import escape_wikitext, kill_markers, php_loose_equal, wf_urlencode

if TYPE_CHECKING:
    from ..context import ParserContext


@parser_function("ns", "NS:", no_hash=True)
def ns(ctx: ParserContext, part1: str = "", *rest: str) -> str | dict:
    from .strings import php_intval

    namespaces = ctx.config.namespaces
    number = php_intval(part1)
    index: int | None
    if number or php_loose_equal(part1, "0"):
        index = number
    else:
        index = namespaces.lookup(part1.replace(" ", "_"))
    if index is None:
        return {"found": False}
    return namespaces.text(index)


@parser_function("nse", "NSE:", no_hash=True)
def nse(ctx: ParserContext, part1: str = "", *rest: str) -> str | dict:
    ret = ns(ctx, part1)
    if isinstance(ret, str):
        return wf_urlencode(ret.replace(" ", "_"))
    return ret


@parser_function("displaytitle", "DISPLAYTITLE:", case_sensitive=True, no_hash=True)
def displaytitle(ctx: ParserContext, text: str = "", arg: str = "", *rest: str) -> str:
    if not ctx.config.allow_display_title:
        return {"found": False}  # type: ignore[return-value]
    text = kill_markers(text)
    plain = re.sub(r"<[^>]*>", "", text)
    title = ctx.config.try_title(decode_char_references(plain))
    restrict = ctx.options.config.get("wgRestrictDisplayTitle", ctx.config.restrict_display_title)
    if not restrict or (
        title is not None
        and not title.fragment
        and title.prefixed_dbkey == ctx.title.prefixed_dbkey
    ):
        old = ctx.output.display_title
        noreplace = arg.strip().lower() == "noreplace"
        if old is None or not noreplace:
            ctx.output.display_title = text
        if old is not None and old != text and not arg.strip():
            return (
                '<span class="error"><strong>Warning:</strong> Display title "'
                f'{escape_wikitext(text)}" overrides earlier display title "'
                f'{escape_wikitext(old)}".</span>'
            )
        return ""
    ctx.add_warning(
        f'Display title "{plain}" was ignored since it is not equivalent to the '
        "page's actual title."
    )
    ctx.add_tracking_category("restricted-displaytitle-ignored")
    return ""


@parser_function(
    "defaultsort",
    "DEFAULTSORT:",
    "DEFAULTSORTKEY:",
    "DEFAULTCATEGORYSORT:",
    case_sensitive=True,
    no_hash=True,
)
def defaultsort(ctx: ParserContext, text: str = "", arg: str = "", *rest: str) -> str:
    text = text.strip()
    if not text:
        return ""
    flag = arg.strip().lower()
    old = ctx.output.default_sort
    if old is None or flag != "noreplace":
        ctx.output.default_sort = text
    if old is None or old == text or flag in ("noerror", "noreplace"):
        return ""
    return (
        '<span class="error"><strong>Warning:</strong> Default sort key "'
        f'{escape_wikitext(text)}" overrides earlier default sort key "'
        f'{escape_wikitext(old)}".</span>'
    )


@parser_function("special")
def special(ctx: ParserContext, name: str = "", *rest: str) -> str:
    """The localised title of a special page: its canonical name, else the text given."""
    from .specialpages import canonical_name

    main, slash, sub = name.partition("/")
    known = canonical_name(main.strip())
    if known is None:
        title = ctx.config.try_title(name, -1)
        if title is None or title.namespace != -1:
            return "No such special page"
        return title.prefixed_text
    text = ctx.config.namespaces.text(-1) + ":" + known
    return text + (slash + sub if slash else "")


@parser_function("speciale")
def speciale(ctx: ParserContext, name: str = "", *rest: str) -> str:
    return wf_urlencode(special(ctx, name).replace(" ", "_"))


def _stat_function(word: str):
    def fn(ctx: ParserContext, raw: str | None = None, *rest: str) -> str:
        value = VARIABLES[word](ctx)
        if raw is not None and raw.strip().upper() in ("R", "NOSEP"):
            return value.replace(",", "")
        return value

    fn.__name__ = word
    parser_function(word, word.upper(), case_sensitive=True, no_hash=True)(fn)


for _word in (
    "numberofpages",
    "numberofarticles",
    "numberoffiles",
    "numberofusers",
    "numberofactiveusers",
    "numberofedits",
    "numberofadmins",
):
    _stat_function(_word)


@parser_function(
    "numberingroup", "NUMBERINGROUP:", "NUMINGROUP:", case_sensitive=True, no_hash=True
)
def numberingroup(ctx: ParserContext, group: str = "", raw: str = "", *rest: str) -> str:
    return "0"


@parser_function("pagesize", "PAGESIZE:", case_sensitive=True, no_hash=True)
def pagesize(ctx: ParserContext, page: str = "", raw: str = "", *rest: str) -> str:
    title = ctx.config.try_title(page)
    if title is None:
        return "0"
    text = ctx.site.page_text(title) or ""
    size = len(text.encode("utf-8"))
    return str(size) if raw.strip().upper() in ("R", "NOSEP") else format_num(size)


@parser_function("pagesincategory", "PAGESINCATEGORY:", "PAGESINCAT:", no_hash=True)
def pagesincategory(ctx: ParserContext, name: str = "", *rest: str) -> str:
    from ..preprocessor import get_state

    get_state(ctx).increment_expensive()
    return "0"


@parser_function("protectionlevel", "PROTECTIONLEVEL:", case_sensitive=True, no_hash=True)
def protectionlevel(ctx: ParserContext, kind: str = "", page: str = "", *rest: str) -> str:
    return ""


@parser_function("protectionexpiry", "PROTECTIONEXPIRY:", case_sensitive=True, no_hash=True)
def protectionexpiry(ctx: ParserContext, kind: str = "", page: str = "", *rest: str) -> str:
    return ""


def _revision_function(word: str):
    def fn(ctx: ParserContext, page: str | None = None, *rest: str) -> str:
        if page is not None and page.strip():
            title = ctx.config.try_title(page)
            if title is None or title.prefixed_dbkey != ctx.title.prefixed_dbkey:
                return ""
        return VARIABLES[word](ctx)

    fn.__name__ = word
    parser_function(word, word.upper(), case_sensitive=word != "pageid", no_hash=True)(fn)


for _word in (
    "pageid",
    "revisionid",
    "revisionday",
    "revisionday2",
    "revisionmonth",
    "revisionmonth1",
    "revisionyear",
    "revisiontimestamp",
    "revisionuser",
    "cascadingsources",
):
    _revision_function(_word)
