"""Free external links (bare URLs) and the ISBN / RFC / PMID magic links
(Parser::handleMagicLinks, makeFreeExternalLink)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..linker import esc, local_url
from ..sanitizer import clean_url, decode_char_references
from .external_links import (
    EXT_LINK_ADDR,
    EXT_LINK_URL_CLASS,
    external_link_attribs,
    make_external_link,
    maybe_make_external_image,
)

if TYPE_CHECKING:
    from ..context import ParserContext

SPACE_NOT_NL = (
    r"(?:\t|&nbsp;|&\#0*160;|&\#[Xx]0*[Aa]0;|[^\S\n\r\t\x0b\x0c\x1c-\x1f\x85\u2028\u2029])"
)
_ANY_ENTITY = re.compile(r"&(?:[A-Za-z0-9]+|#\d+|#[xX][0-9A-Fa-f]+);")
_TRAIL_ENTITY = re.compile(r"&([a-z]+|#x[\da-f]+|#\d+)$", re.I)


# An <a>…</a> element or any other tag: the same split as `(<a[ \t\r\n>].*?</a>|<.*?>)`
# with re.S, written so that the engine does not try "</a>" after every character.
SKIP_TAGS_RE = re.compile(r"(<a[ \t\r\n>][^<]*+(?:<(?!/a>)[^<]*+)*+</a>|<[^>]*+>)")


def magic_links_re(protocols: tuple[str, ...]) -> re.Pattern[str]:
    """Free URLs (groups 1: the URL, 2: after the protocol), `RFC n` / `PMID n` (group 3:
    the number) and `ISBN n` (group 4).

    Every alternative starts at a word boundary; the lookahead rejects, with one character
    test, the positions where no protocol or keyword can start."""
    alt = "|".join(re.escape(p) for p in protocols)
    firsts = "".join(sorted({re.escape(p[0]) for p in protocols if p}))
    quick = r"(?=(?i:[" + firsts + r"])|[RPI])" if all(protocols) else ""
    spdash = f"(?:-|{SPACE_NOT_NL})"
    return re.compile(
        r"\b" + quick + r"(?:((?i:" + alt + r")(" + EXT_LINK_ADDR + EXT_LINK_URL_CLASS + r"*))"
        r"|(?:RFC|PMID)" + SPACE_NOT_NL + r"+([0-9]+)\b"
        r"|ISBN"
        + SPACE_NOT_NL
        + r"+((?:97[89]"
        + spdash
        + r"?)?(?:[0-9]"
        + spdash
        + r"?){9}[0-9Xx])\b)",
        re.S,
    )


@lru_cache(maxsize=8)
def protocol_colon_re(protocols: tuple[str, ...]) -> re.Pattern[str] | None:
    """A colon right after the name of a protocol without "//" (`mailto:`, `tel:`...):
    text with no such colon and no "//" holds no free URL. None when some protocol is
    neither of the two kinds (every text must then be scanned)."""
    by_len: dict[int, list[str]] = {}
    for p in protocols:
        if "//" in p:
            continue
        if not p.endswith(":") or len(p) < 2:
            return None
        by_len.setdefault(len(p) - 1, []).append(re.escape(p[:-1]))
    if not by_len:
        return re.compile(r"(?!)")
    # a look-behind has a fixed width: one per name length
    behind = "|".join(f"(?<=(?i:{'|'.join(names)}):)" for _, names in sorted(by_len.items()))
    return re.compile(":(?:" + behind + ")")


def make_free_external_link(ctx: ParserContext, url: str, num_post_proto: int) -> str:
    trail = ""
    # An entity for <, >, " or a space can't be part of a URL: the URL stops there.
    if "&" in url:
        for m2 in _ANY_ENTITY.finditer(url):
            ch = decode_char_references(m2.group(0))
            if len(ch) == 1 and (ch in '<>"' or ch.isspace()):
                trail = url[m2.start() :]
                url = url[: m2.start()]
                break
    sep = ",;\\.:!?"
    if "(" not in url:
        sep += ")"
    num_sep = len(url) - len(url.rstrip(sep))
    if num_sep and url[len(url) - num_sep] == ";":
        if _TRAIL_ENTITY.search(url[: len(url) - num_sep]):
            num_sep -= 1
    if num_sep:
        trail = url[-num_sep:] + trail
        url = url[:-num_sep]
    if len(trail) >= num_post_proto:
        return url + trail
    url = clean_url(url)
    text = maybe_make_external_image(ctx, url)
    if text is None:
        text = make_external_link(ctx, url, url, True, "free", external_link_attribs(ctx, url))
        ctx.add_external_link(url)
    return text + trail


def handle_magic_links(ctx: ParserContext, text: str) -> str:
    if ":" not in text and "RFC" not in text and "PMID" not in text and "ISBN" not in text:
        return text  # no segment would be scanned
    regex = ctx.parser.magic_links_re
    cfg = ctx.config

    def cb(m: re.Match[str]) -> str:
        if m.group(1):
            return make_free_external_link(ctx, m.group(0), len(m.group(2)))
        if m.group(3):
            whole = m.group(0)
            num = m.group(3)
            if whole.startswith("RFC"):
                if not cfg.magic_links.get("RFC"):
                    return whole
                keyword, msg, cls = "RFC", "rfcurl", "mw-magiclink-rfc"
                ctx.add_tracking_category("magiclink-tracking-rfc")
            else:
                if not cfg.magic_links.get("PMID"):
                    return whole
                keyword, msg, cls = "PMID", "pubmedurl", "mw-magiclink-pmid"
                ctx.add_tracking_category("magiclink-tracking-pmid")
            url = ctx.msg(msg, num)
            return make_external_link(ctx, url, f"{keyword} {num}", True, cls)
        if m.group(4) and cfg.magic_links.get("ISBN"):
            isbn = re.sub(SPACE_NOT_NL, " ", m.group(4))
            num = isbn.replace("-", "").replace(" ", "").replace("x", "X")
            ctx.add_tracking_category("magiclink-tracking-isbn")
            t = ctx.config.try_title("Special:BookSources/" + num)
            href = local_url(ctx, t) if t else ""
            return f'<a href="{esc(href)}" class="internal mw-magiclink-isbn">ISBN {isbn}</a>'
        return m.group(0)

    # Text inside <a>…</a> and inside tags is left alone; only the text between is scanned,
    # and only where it has a colon or a keyword, and could hold a match (the magic links
    # regex is slow to scan: it has no literal to look for).
    colon_re = ctx.parser.protocol_colon_re
    keywords = "RFC" in text or "PMID" in text or "ISBN" in text
    if not keywords and colon_re is not None and "//" not in text and not colon_re.search(text):
        return text  # no free URL anywhere
    parts = SKIP_TAGS_RE.split(text)
    texts = parts[::2]
    if keywords:
        found = [
            i
            for i, seg in enumerate(texts)
            if ":" in seg or "RFC" in seg or "PMID" in seg or "ISBN" in seg
        ]
    else:
        found = [i for i, seg in enumerate(texts) if ":" in seg]
    sub = regex.sub
    for i in found:
        seg = texts[i]
        if (
            colon_re is None
            or "//" in seg
            or colon_re.search(seg) is not None
            or (keywords and ("RFC" in seg or "PMID" in seg or "ISBN" in seg))
        ):
            parts[2 * i] = sub(cb, seg)
    return "".join(parts)
