"""External links: `[url label]`, numbered `[url]`, and the link/rel/class attributes
(Parser::handleExternalLinks, Linker::makeExternalLink, external images)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..linker import esc, split_trail
from ..sanitizer import clean_url

if TYPE_CHECKING:
    from ..context import ParserContext

EXT_LINK_URL_CLASS = r"[^\]\[<>\"\x00-\x20\x7f\s\ufffd]"
EXT_LINK_ADDR = r"(?:[0-9.]+|\[(?i:[0-9a-f:.]+)\]|" + EXT_LINK_URL_CLASS + ")"
EXT_IMAGE_RE = re.compile(
    r"^(http://|https://)((?:\[(?i:[0-9a-f:.]+)\])?" + EXT_LINK_URL_CLASS + r"+)"
    r"/([A-Za-z0-9_.,~%\-+&;#*?!=()@\x80-\U0010FFFF]+)\.((?i:gif|png|jpg|jpeg))$",
)
_ENTITY_STOP = re.compile(r"&(lt|gt|quot);")
_URL_HOST = re.compile(r"^(?:[a-z][a-z0-9+.\-]*:)?//([^/?#:@]+)", re.I)


def _zs_class(s: str) -> str:
    # \s in Python includes newlines; MediaWiki's class excludes \p{Zs} and \x00-\x20 only,
    # which together cover the same characters as \s minus a few separators; close enough.
    return s


def bracketed_re(protocols_re: str) -> re.Pattern[str]:
    return re.compile(
        r"\[((?i:" + protocols_re + r")" + EXT_LINK_ADDR + EXT_LINK_URL_CLASS + r"*)"
        r"[^\S\n\r\t\x0b\x0c\x1c-\x1f\x85\u2028\u2029]*"
        r"([^\]\x00-\x08\x0a-\x1f\ufffd]*?)\]"
    )


def external_link_rel(ctx: ParserContext, url: str) -> str | None:
    cfg = ctx.config
    if not cfg.nofollow:
        return None
    m = _URL_HOST.match(url)
    host = m.group(1).lower() if m else ""
    for dom in cfg.nofollow_domain_exceptions:
        if host == dom or host.endswith("." + dom):
            return None
    return "nofollow"


def external_link_attribs(ctx: ParserContext, url: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    rel = external_link_rel(ctx, url) or ""
    target = ctx.config.external_link_target
    if target:
        attrs["target"] = target
        if target not in ("_self", "_parent", "_top"):
            rel = (rel + " " if rel else "") + "noreferrer noopener"
    if rel:
        attrs["rel"] = rel
    return attrs


def make_external_link(
    ctx: ParserContext,
    url: str,
    text: str,
    escape: bool = True,
    linktype: str = "",
    attribs: dict[str, str] | None = None,
) -> str:
    attribs = dict(attribs) if attribs is not None else {}
    cls = "external" + (f" {linktype}" if linktype else "")
    if attribs.get("class"):
        cls += " " + attribs["class"]
    attribs["class"] = cls
    if escape:
        text = esc(text).replace("&#039;", "'")
    if "rel" not in attribs:
        rel = external_link_rel(ctx, url)
        if rel:
            attribs["rel"] = rel
    attribs["href"] = url
    parts = " ".join(f'{k}="{esc(v)}"' for k, v in attribs.items())
    return f"<a {parts}>{text}</a>"


def make_external_image(url: str, alt: str = "") -> str:
    if alt == "":
        alt = url.rsplit("/", 1)[-1] if "/" in url else url
    return f'<img src="{esc(url)}" alt="{esc(alt)}" />'


def maybe_make_external_image(ctx: ParserContext, url: str) -> str | None:
    if ctx.config.allow_external_images and EXT_IMAGE_RE.match(url):
        return make_external_image(url)
    return None


def handle_external_links(ctx: ParserContext, text: str) -> str:
    if "[" not in text:
        return text
    regex = ctx.parser.ext_link_bracketed_re
    bits = regex.split(text)
    if len(bits) == 1:
        return text
    out = [bits[0]]
    i = 1
    while i + 2 < len(bits) + 1 and i < len(bits):
        url = bits[i]
        label = bits[i + 1] or ""
        trail = bits[i + 2] if i + 2 < len(bits) else ""
        i += 3
        m2 = _ENTITY_STOP.search(url)
        if m2:
            label = url[m2.start() :] + " " + label
            url = url[: m2.start()]
        img = maybe_make_external_image(ctx, label)
        if img is not None:
            label = img
        dtrail = ""
        linktype = "text"
        if label == "":
            ctx.parser.autonumber += 1
            label = f"[{ctx.parser.autonumber}]"
            linktype = "autonumber"
        else:
            dtrail, trail = split_trail(trail)
        url = clean_url(url)
        out.append(
            make_external_link(ctx, url, label, False, linktype, external_link_attribs(ctx, url))
            + dtrail
            + trail
        )
        ctx.add_external_link(url)
    return "".join(out)
