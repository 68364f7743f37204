"""Internal links `[[Target|label]]trail` (Parser::handleInternalLinks2): link holders,
link trails, interwiki and interlanguage links, categories, images, Media: links, self
links."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import unquote

from ..linker import make_self_link, split_trail
from ..namespaces import CATEGORY, FILE, MEDIA, SPECIAL
from ..sanitizer import decode_char_references
from ..strip import StripState
from .quotes import do_quotes

if TYPE_CHECKING:
    from ..context import ParserContext
    from ..title import Title

_TC = r" %!\"$&'()*,\-./0-9:;=?@A-Z\\^_`a-z~\x80-\U0010FFFF+#%"
E1 = re.compile(rf"([{_TC}]+)(?:\|(.+?))?]]([a-z]*)(.*)\Z", re.S)
E1_IMG = re.compile(rf"([{_TC}]+)\|(.*)\Z", re.S)
MAX_DEPTH = 40
# Links to these are images, categories or media links, unless forced with a colon.
_SPECIAL_LINK_NAMESPACES = frozenset((FILE, CATEGORY, MEDIA))


def armor_links(ctx: ParserContext, text: str) -> str:
    """Hide URLs from handleExternalLinks (Parser::armorLinks)."""
    protocols = ctx.config.url_protocols
    found = _schemes(protocols)
    if found is not None and "//" not in text and text.isascii():
        schemes, longest = found
        # Most image HTML has no URL: then no colon has a protocol's scheme before it, which
        # is quicker to check than to run the full regex.
        i = text.find(":")
        while i != -1:
            if text[max(0, i - longest) : i].lower().endswith(schemes):
                break
            i = text.find(":", i + 1)
        else:
            return text
    return _armor_re(protocols).sub(_ARMOR, text)


@lru_cache(maxsize=8)
def _schemes(protocols: tuple[str, ...]) -> tuple[tuple[str, ...], int] | None:
    """The protocols' letters before their ':' when every protocol is letters then ':',
    or '//': then ASCII text with no '//' holds a URL only where a colon follows one of
    them, and the longest one's length. None for other protocol lists."""
    schemes = []
    for p in protocols:
        if p == "//":
            continue
        scheme = p.split(":", 1)[0]
        if ":" not in p or not scheme or not (scheme.isascii() and scheme.isalpha()):
            return None
        schemes.append(scheme.lower())
    return tuple(schemes), max(map(len, schemes), default=0)


_ARMOR = "\x7f'\"`UNIQ-NOPARSE\\1"


@lru_cache(maxsize=8)
def _armor_re(protocols: tuple[str, ...]) -> re.Pattern[str]:
    """Parser.proto_word_re with the protocols' first letters checked first, which lets
    the regex engine pass over most positions quickly: the same matches, faster."""
    alt = "|".join(re.escape(p) for p in protocols)
    if not all(protocols):
        return re.compile(r"\b((?i:" + alt + "))")
    firsts = re.escape("".join(sorted({p[0] for p in protocols})))
    return re.compile(rf"(?=(?i:[{firsts}]))\b((?i:{alt}))")


@lru_cache(maxsize=8)
def _protocols_have_colon_or_slashes(protocols: tuple[str, ...]) -> bool:
    """Every URL protocol has a ':' or starts with '//' (MediaWiki's all do): then a link
    target with neither cannot start with one."""
    return all(":" in p or p.startswith("//") for p in protocols)


def normalize_subpage_link(
    context: Title, target: str, text: str, ctx: ParserContext
) -> tuple[str, str]:
    """Linker::normalizeSubpageLink: `/Sub` and `../Sibling` relative to `context`."""
    if not ctx.config.namespaces.has_subpages(context.namespace):
        return target, text
    suffix = ""
    if "#" in target:
        target, suffix = target[: target.index("#")], target[target.index("#") :]
    target = target.strip()
    ctx_text = context.prefixed_text
    ret = target + suffix
    if target.startswith("/"):
        m = re.search(r"(/+)$", target)
        if m:
            noslash = target = target[1 : -len(m.group(1))]
        else:
            noslash = target[1:]
        ret = ctx_text + "/" + noslash.strip() + suffix
        if text == "":
            text = target + suffix
    else:
        dotdot = 0
        nodotdot = target
        while nodotdot.startswith("../"):
            dotdot += 1
            nodotdot = nodotdot[3:]
        if dotdot > 0:
            parts = ctx_text.split("/")
            if len(parts) > dotdot:
                ret = "/".join(parts[:-dotdot])
                if nodotdot.endswith("/"):
                    nodotdot = nodotdot.rstrip("/")
                    if text == "":
                        text = nodotdot + suffix
                nodotdot = nodotdot.strip()
                if nodotdot:
                    ret += "/" + nodotdot
                ret += suffix
            else:
                ret = target + suffix
    return ret, text


def is_bad_file(ctx: ParserContext, name: str) -> bool:
    """The file is on MediaWiki:Bad image list and this page is not an exception."""
    cache = ctx.ext_state.get("bad_image_list")
    if cache is None:
        cache = {}
        t = ctx.config.try_title("MediaWiki:Bad image list")
        text = ctx.site.page_text(t) if t is not None else None
        for line in (text or "").split("\n"):
            if not line.startswith("*"):
                continue
            links = re.findall(r"\[\[:?([^\]|]+)", line)
            titles = [ctx.config.try_title(x) for x in links]
            titles = [x for x in titles if x is not None]
            if not titles or titles[0].namespace != FILE:
                continue
            cache[titles[0].dbkey] = {x.prefixed_dbkey for x in titles[1:]}
        ctx.ext_state["bad_image_list"] = cache
    exceptions = cache.get(name)
    if exceptions is None:
        return False
    return ctx.title.prefixed_dbkey not in exceptions


def _is_language_prefix(ctx: ParserContext, iw: str) -> bool:
    info = ctx.config.interwiki.get(iw)
    return bool(info and info.language) or iw in ctx.config.extra_interlanguage_prefixes


def handle_internal_links(ctx: ParserContext, s: str, depth: int = 0) -> str:
    """`[[Target|label]]trail` to link holders, images, categories and language links."""
    if "[[" not in s:
        return s
    parser = ctx.parser
    holders = parser.link_holders(ctx)
    entries = holders.entries
    add_entry = entries.append
    pieces = s.split("[[")
    out = [pieces[0]]
    append = out.append
    page = ctx.title
    page_ns, page_dbkey = page.namespace, page.dbkey
    nottalk = page_ns < 0 or page_ns % 2 == 0
    subpages = ctx.config.namespaces.has_subpages(page_ns)
    proto_re = parser.proto_start_re
    colon_or_slashes = _protocols_have_colon_or_slashes(ctx.config.url_protocols)
    memo = ctx.title_memo(0)
    try_title = ctx.config.try_title
    e1_match = E1.match
    k = 1
    n = len(pieces)
    while k < n:
        line = pieces[k]
        k += 1
        might_be_img = False
        m = e1_match(line)
        if m:
            # the label (.+?) is None or not empty; the trail is split into its leading
            # link-trail letters and the rest
            link_target, text, letters, rest = m.groups("")
            if text and not letters and rest[:1] == "]" and "[" in text:
                text += "]"
                rest = rest[1:]
                letters, rest = split_trail(rest)
        else:
            m = E1_IMG.match(line)
            if m:
                might_be_img = True
                link_target, text, letters, rest = m.group(1), m.group(2), "", ""
            else:
                append("[[" + line)
                continue
        if "%" in link_target:
            link_target = unquote(link_target).replace("<", "&lt;").replace(">", "&gt;")
        orig_link = link_target.lstrip(" ")
        if (not colon_or_slashes or ":" in orig_link or orig_link[:2] == "//") and proto_re.match(
            orig_link
        ):
            append("[[" + line)
            continue
        if subpages:
            link, text = normalize_subpage_link(page, orig_link, text, ctx)
        else:
            link = orig_link
        nt = None
        if "\x7f" not in link or StripState.kill_markers(link) == link:
            if link in memo:
                nt = memo[link]
            else:
                nt = memo[link] = try_title(link)
        if nt is None:
            append("[[" + line)
            continue
        ns = nt.namespace
        iw = nt.interwiki

        if (
            not iw
            and ns not in _SPECIAL_LINK_NAMESPACES
            and not might_be_img
            and (nt.dbkey != page_dbkey or ns != page_ns)
        ):
            # The common case: a link to another page ([[Target]], [[Target|label]]).
            if not text:
                text = link if orig_link[:1] != ":" else link[1:]
            elif "''" in text:
                text = do_quotes(text)
            add_entry((nt, text + letters))
            append(f"<!--LINK'\" {len(entries) - 1}-->")
            append(rest)
            continue

        trail = letters + rest
        noforce = orig_link[:1] != ":"
        if might_be_img:
            if ns == FILE and noforce and depth < MAX_DEPTH:
                found = False
                while k < n:
                    next_line = pieces[k]
                    k += 1
                    parts = next_line.split("]]", 2)
                    if len(parts) == 3:
                        found = True
                        text += f"[[{parts[0]}]]{parts[1]}"
                        trail = parts[2]
                        break
                    if len(parts) == 2:
                        text += f"[[{parts[0]}]]{parts[1]}"
                    else:
                        text += "[[" + next_line
                        break
                if not found:
                    text = handle_internal_links(ctx, text, depth + 1)
                    append(f"[[{link}|{text}")
                    continue
            else:
                append(f"[[{link}|{text}")
                continue

        wasblank = text == ""
        if wasblank:
            text = link if noforce else link[1:]
        elif "''" in text:
            text = do_quotes(text)

        if noforce and not nt.was_local_interwiki:
            if iw and ctx.config.interwiki_magic and nottalk and _is_language_prefix(ctx, iw):
                lang_link = nt.full_text
                if lang_link not in ctx.output.language_links:
                    if not any(x.split(":", 1)[0] == iw for x in ctx.output.language_links):
                        ctx.output.language_links.append(lang_link)
                _rstrip_pieces(out)
                append(trail)  # T175416
                continue
            if ns == FILE and not iw:
                if not is_bad_file(ctx, nt.dbkey):
                    if wasblank:
                        opts = None
                    else:
                        opts = parser.handle_external_links(ctx, text)
                        opts = handle_internal_links(ctx, opts, depth + 1)
                    html = parser.make_image(ctx, nt, opts)
                    append(armor_links(ctx, html) + trail)
                    continue
            elif ns == CATEGORY and not iw:
                _rstrip_pieces(out)
                sortkey = (ctx.output.default_sort or "") if wasblank else text
                sortkey = decode_char_references(sortkey).replace("\n", "")
                ctx.add_category(nt.dbkey, sortkey)
                append(trail)
                continue

        if (
            nt.dbkey == page_dbkey
            and ns == page_ns
            and ns != SPECIAL
            and not iw
            and not page.interwiki
            and not nt.fragment
        ):
            inside, trail = split_trail(trail)
            append(make_self_link(nt, text + inside, ctx.config.fragment_mode) + trail)
            continue

        if ns == MEDIA and not iw:
            html = parser.make_media_link(ctx, nt, text)
            append(armor_links(ctx, html) + trail)
            continue

        if trail and "a" <= trail[0] <= "z":
            inside, trail = split_trail(trail)
            text += inside
        append(holders.add(nt, text))
        append(trail)
    return "".join(out)


def _rstrip_pieces(out: list[str]) -> None:
    """Strip trailing whitespace from the text `out` joins to, as `"".join(out).rstrip()`
    would, without joining it (a page's categories each strip what comes before them)."""
    while out:
        last = out[-1].rstrip()
        if last:
            out[-1] = last
            return
        out.pop()
