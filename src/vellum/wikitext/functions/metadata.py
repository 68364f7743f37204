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


# Tags DISPLAYTITLE escapes although they are allowed in wikitext.
_DISPLAYTITLE_BAD_TAGS = re.compile(
    r"<(/?(?:h[1-6]|div|blockquote|ol|ul|li|hr|table|tr|th|td|dl|dd|caption|p|ruby|rb|rt|rtc"
    r"|rp|br)\b)",
    re.I,
)
_BYPASS_STYLE = re.compile(r"(display|user-select|visibility)\s*:", re.I)


def _restricted_attributes(params: str) -> str:
    """Styles that could hide the real title are refused ($wgRestrictDisplayTitle)."""
    from ..sanitizer import check_css, decode_tag_attributes, safe_encode_tag_attributes

    decoded = decode_tag_attributes(params)
    if "style" in decoded:
        decoded["style"] = check_css(decoded["style"])
        if _BYPASS_STYLE.search(decoded["style"]):
            decoded["style"] = "/* attempt to bypass $wgRestrictDisplayTitle */"
    return safe_encode_tag_attributes(decoded)


def _strip_all_tags(text: str) -> str:
    return decode_char_references(re.sub(r"<[^>]*>", "", text))


@parser_function("displaytitle", "DISPLAYTITLE:", case_sensitive=True, no_hash=True)
def displaytitle(ctx: ParserContext, text: str = "", arg: str = "", *rest: str) -> str | dict:
    """CoreParserFunctions::displaytitle."""
    from ..sanitizer import normalize_char_references, remove_html_tags

    config = ctx.options.config
    if not config.get("wgAllowDisplayTitle", ctx.config.allow_display_title):
        return {"found": False}
    restrict = config.get("wgRestrictDisplayTitle", ctx.config.restrict_display_title)
    flag = arg.strip().lower()
    quotes = getattr(ctx.parser, "do_all_quotes", None)
    if callable(quotes):
        text = quotes(ctx, text)
    text = kill_markers(text)
    text = _DISPLAYTITLE_BAD_TAGS.sub(r"&lt;\1", text)
    text = remove_html_tags(
        text, ctx.config.fragment_mode, attr_callback=_restricted_attributes if restrict else None
    )
    text = normalize_char_references(text)
    title = ctx.config.try_title(_strip_all_tags(text))
    filtered = decode_char_references(text)
    if not restrict or (
        title is not None
        and not title.fragment
        and title.prefixed_dbkey == ctx.title.prefixed_dbkey
    ):
        old = ctx.output.display_title
        if old is None or flag != "noreplace":
            ctx.output.display_title = text
        if old is not None and old != text and not flag:
            return (
                '<span class="error"><strong>Warning:</strong> Display title "'
                f'{escape_wikitext(filtered)}" overrides earlier display title "'
                f'{escape_wikitext(old)}".</span>'
            )
        return ""
    ctx.add_warning(
        f'<strong>Warning:</strong> Display title "{filtered}" was ignored since it is not '
        "equivalent to the page's actual title."
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
