"""URL functions: urlencode, anchorencode, localurl(e), fullurl(e), canonicalurl(e),
filepath (CoreParserFunctions)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..sanitizer import decode_char_references
from . import parser_function
from .util import kill_markers, php_urlencode, rawurlencode, wf_urlencode

if TYPE_CHECKING:
    from ..context import ParserContext
    from ..title import Title


@parser_function("urlencode", "URLENCODE:", no_hash=True)
def urlencode(ctx: ParserContext, s: str = "", arg: str | None = None, *rest: str) -> str:
    kind = (arg or "").strip().upper()
    s = kill_markers(s)
    if kind == "PATH":
        return rawurlencode(s)
    if kind == "WIKI":
        return wf_urlencode(s.replace(" ", "_"))
    return php_urlencode(s)


@parser_function("anchorencode", "ANCHORENCODE:", no_hash=True)
def anchorencode(ctx: ParserContext, text: str = "", *rest: str) -> str:
    from ..sanitizer import escape_id_for_link, safe_encode_attribute

    text = strip_section_name(ctx, kill_markers(text))
    text = decode_char_references(re.sub(r"[ _]+", " ", text).strip(" \t\n\r\0\x0b"))
    return safe_encode_attribute(escape_id_for_link(text, ctx.config.fragment_mode))


def _quotes(m: re.Match[str]) -> str:
    n = len(m.group(0))
    if n == 4:
        return "'"
    return "'" * (n - 5) if n > 5 else ""


def strip_section_name(ctx: ParserContext, text: str) -> str:
    """Parser::stripSectionName: links, external links, quotes and tags removed."""
    text = re.sub(r"\[\[:?([^[|]+)\|([^[]+)\]\]", r"\2", text)
    text = re.sub(r"\[\[:?([^[]+)\|?\]\]", r"\1", text)
    protocols = "|".join(re.escape(p) for p in ctx.config.url_protocols)
    text = re.sub(r"\[(?i:" + protocols + r")([^ ]+?) ([^[]+)\]", r"\2", text)
    text = re.sub(r"'{2,}", _quotes, text)
    return _strip_tags(text)


def _strip_tags(text: str) -> str:
    """StringUtils::delimiterReplace('<', '>', '', text)."""
    out = []
    pos = 0
    while True:
        start = text.find("<", pos)
        if start == -1:
            break
        end = text.find(">", start + 1)
        if end == -1:
            break
        out.append(text[pos:start])
        pos = end + 1
    out.append(text[pos:])
    return "".join(out)


def _page_url(ctx: ParserContext, title: Title, query: str, fragment: bool) -> str:
    """Title::getLocalURL (and the fragment that getFullURL/getCanonicalURL add)."""
    cfg = ctx.config
    if title.interwiki:
        iw = cfg.interwiki.get(title.interwiki)
        target = title.prefixed_dbkey.split(":", 1)[1] if ":" in title.prefixed_dbkey else ""
        url = iw.url.replace("$1", wf_urlencode(target)) if iw else ""
        if query:
            url += ("&" if "?" in url else "?") + query
    else:
        dbkey = wf_urlencode(title.prefixed_dbkey)
        if not query:
            url = cfg.article_url(dbkey)
        else:
            url = f"{cfg.script}?title={dbkey}&{query}"
    if fragment and title.fragment:
        from ..sanitizer import escape_id_for_link

        url += "#" + escape_id_for_link(title.fragment, cfg.fragment_mode)
    return url


def _url_function(ctx: ParserContext, s: str, arg: str | None, kind: str) -> str | None:
    """CoreParserFunctions::urlFunction; None when no title can be made."""
    from urllib.parse import unquote_plus

    title = ctx.config.try_title(s) if s else None
    if title is None and s:
        title = ctx.config.try_title(unquote_plus(s))
    if title is None:
        return None
    if title.namespace == -2:
        title = ctx.config.parse_title("File:" + title.dbkey)
    url = _page_url(ctx, title, arg or "", kind != "local")
    if kind in ("full", "canonical") and url.startswith("/") and not url.startswith("//"):
        server = ctx.config.canonical_server if kind == "canonical" else ctx.config.server
        url = (server or ctx.config.server) + url
    if kind == "canonical" and url.startswith("//"):
        url = "http:" + url
    return url


def _register(name: str, kind: str, escape: bool) -> None:
    def fn(ctx: ParserContext, s: str = "", arg: str | None = None, *rest: str) -> str | dict:
        url = _url_function(ctx, s, arg, kind)
        if url is None:
            return {"found": False}
        if escape:
            import html

            url = html.escape(url, quote=True)
        return url

    fn.__name__ = name
    parser_function(name, name.upper() + ":", no_hash=True)(fn)


for _kind in ("local", "full", "canonical"):
    _register(f"{_kind}url", _kind, False)
    _register(f"{_kind}urle", _kind, True)


@parser_function("filepath", "FILEPATH:", no_hash=True)
def filepath(ctx: ParserContext, name: str = "", arg: str = "", *rest: str) -> str:
    title = ctx.config.try_title(name, 6)
    if title is None or title.namespace not in (6, -2):
        return ""
    info = ctx.site.file_info(title.dbkey)
    if info is None:
        return ""
    ctx.add_image(title.dbkey)
    size = arg.strip().lower()
    if size == "nowiki" or not size:
        url = info.url
    else:
        width = size[:-2] if size.endswith("px") else size
        if width.isdigit() and int(width) < (info.width or 0) and info.thumb_url:
            url = f"{info.thumb_url}{width}px-{title.dbkey}"
        else:
            url = info.url
    if "nowiki" in size:
        return {"text": url, "nowiki": True}  # type: ignore[return-value]
    return url
