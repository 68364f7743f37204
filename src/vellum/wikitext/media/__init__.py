"""Media: [[File:…]] images and [[Media:…]] links (Parser::makeImage, Linker).

`make_image(ctx, title, options)` renders `[[File:X|options]]`; `make_media_link(ctx,
title, text)` renders `[[Media:X|text]]`. Both return HTML that continues through the
later inline stages, as in MediaWiki.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

from ..context import ParserContext
from ..title import Title
from .badimages import is_bad_file
from .handlers import handler_for
from .legacy import make_image_link
from .links import attr, upload_url
from .options import parse_image_options, split_options

__all__ = [
    "is_bad_file",
    "make_image",
    "make_media_link",
    "parse_link_parameter",
    "strip_alt_text",
]

# Entities that HTML decodes without a semicolon; '&' before them is escaped (T209236).
_LEGACY_ENTITY = re.compile(
    r"&(?=(?:A(?:Elig|MP|acute|circ|grave|ring|tilde|uml)|C(?:OPY|cedil)"
    r"|E(?:TH|acute|circ|grave|uml)|GT|I(?:acute|circ|grave|uml)|LT|Ntilde"
    r"|O(?:acute|circ|grave|slash|tilde|uml)|QUOT|REG|THORN|U(?:acute|circ|grave|uml)|Yacute"
    r"|a(?:acute|c(?:irc|ute)|elig|grave|mp|ring|tilde|uml)|brvbar|c(?:cedil|edil|opy|urren)"
    r"|d(?:eg|ivide)|e(?:acute|circ|grave|th|uml)|frac(?:1(?:2|4)|34)|gt"
    r"|i(?:acute|circ|excl|grave|quest|uml)|laquo|lt|m(?:acr|icro|iddot)|n(?:bsp|ot|tilde)"
    r"|o(?:acute|circ|grave|rd(?:f|m)|slash|tilde|uml)|p(?:lusmn|ound)|para|quot|r(?:aquo|eg)"
    r"|s(?:ect|hy|up(?:1|2|3)|zlig)|thorn|times|u(?:acute|circ|grave|ml)|yacute|y(?:en|uml))"
    r"(?:[^;]|$))"
)
_TAG = re.compile(r"<!--.*?(?:-->|$)|</?[A-Za-z][^>]*>?", re.S)
_URL_CHARS = r"[^\]\[<>\"\x00-\x20\x7f\s\ufffd]"
_EXT_ADDR = r"(?:[0-9.]+|\[(?i:[0-9a-f:.]+)\]|" + _URL_CHARS + ")"


def strip_all_tags(text: str) -> str:
    """Sanitizer::stripAllTags: the text of an HTML fragment, entities decoded."""
    import html

    return html.unescape(_TAG.sub("", text))


def strip_alt_text(ctx: ParserContext, text: str) -> str:
    """Parser::stripAltText: wikitext of an option -> plain text for an attribute."""
    if not text:
        return text
    replace = getattr(ctx.parser, "replace_link_holders_text", None)
    if replace is not None:
        text = replace(ctx, text)
    text = ctx.strip.unstrip_both(text)
    text = _LEGACY_ENTITY.sub("&amp;", text)
    return strip_all_tags(text)


def parse_link_parameter(ctx: ParserContext, value: str) -> tuple[str | None, Any]:
    """Parser::parseLinkParameter: ('no-link', True), ('link-url', url),
    ('link-title', Title) or (None, None) for an invalid target."""
    if value == "":
        return "no-link", True
    protocols = ctx.config.url_protocols
    low = value.lower()
    if any(low.startswith(p.lower()) for p in protocols):
        for p in protocols:
            if low.startswith(p.lower()):
                rest = value[len(p) :]
                if re.fullmatch(_EXT_ADDR + _URL_CHARS + "*", rest):
                    ctx.add_external_link(value)
                    return "link-url", value
        return None, None
    if "%" in value:
        value = unquote(value, errors="surrogateescape")
    t = ctx.config.try_title(value)
    if t is None:
        return None, None
    ctx.add_link(t)
    return "link-title", t


def make_image(ctx: ParserContext, title: Title, options: str | None) -> str:
    """Parser::makeImage for [[File:title|options]]."""
    file_title = title
    if title.namespace != 6:
        file_title = Title.make(6, title.dbkey, ctx.config.namespaces, title.fragment)
    info = ctx.site.file_info(file_title.dbkey)
    ctx.add_image(file_title.dbkey)
    if info is None:
        ctx.add_tracking_category("broken-file-category")
    handler = handler_for(info)
    parts = split_options(options) if options is not None else []
    params = parse_image_options(
        parts,
        handler,
        lambda v: strip_alt_text(ctx, v),
        lambda v: parse_link_parameter(ctx, v),
    )
    frame = params.frame
    caption = params.caption
    framed = any(k in frame for k in ("framed", "thumbnail", "manualthumb"))
    if framed:
        if caption == "" and "alt" not in frame:
            frame["alt"] = file_title.text
    else:
        if "alt" not in frame:
            frame["alt"] = strip_alt_text(ctx, caption) if caption != "" else file_title.text
        frame["title"] = strip_alt_text(ctx, caption)
    params.handler["targetlang"] = ctx.options.language or ctx.config.language
    return make_image_link(ctx, file_title, info, handler, frame, params.handler)


def make_media_link(ctx: ParserContext, title: Title, text: str | None) -> str:
    """Linker::makeMediaLinkFile for [[Media:title|text]]: a link to the file itself."""
    info = ctx.site.file_info(title.dbkey)
    file_title = Title.make(6, title.dbkey, ctx.config.namespaces)
    ctx.add_image(title.dbkey)
    if info is not None:
        url, cls = info.url, "internal"
    else:
        url, cls = upload_url(ctx.config, file_title), "new"
    alt = title.text
    body = text if text else attr(alt)
    return f'<a href="{attr(url)}" class="{cls}" title="{attr(alt)}">{body}</a>'
