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
E1 = re.compile(rf"([{_TC}]+)(?:\|(.+?))?]](.*)\Z", re.S)
E1_IMG = re.compile(rf"([{_TC}]+)\|(.*)\Z", re.S)
MAX_DEPTH = 40


def armor_links(ctx: ParserContext, text: str) -> str:
    """Hide URLs from handleExternalLinks (Parser::armorLinks)."""
    return _armor_re(ctx.config.url_protocols).sub(_ARMOR, text)


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
    pieces = s.split("[[")
    out = [pieces[0]]
    page = ctx.title
    page_ns, page_dbkey = page.namespace, page.dbkey
    nottalk = page_ns < 0 or page_ns % 2 == 0
    subpages = ctx.config.namespaces.has_subpages(page_ns)
    proto_re = parser.proto_start_re
    colon_or_slashes = _protocols_have_colon_or_slashes(ctx.config.url_protocols)
    memo = ctx.title_memo(0)
    try_title = ctx.config.try_title
    k = 1
    n = len(pieces)
    while k < n:
        line = pieces[k]
        k += 1
        might_be_img = False
        m = E1.match(line)
        if m:
            # the label (.+?) is None or not empty
            link_target, text, trail = m.groups("")
            if text and trail[:1] == "]" and "[" in text:
                text += "]"
                trail = trail[1:]
        else:
            m = E1_IMG.match(line)
            if m:
                might_be_img = True
                link_target, text, trail = m.group(1), m.group(2), ""
            else:
                out.append("[[" + line)
                continue
        if "%" in link_target:
            link_target = unquote(link_target).replace("<", "&lt;").replace(">", "&gt;")
        orig_link = link_target.lstrip(" ")
        if (not colon_or_slashes or ":" in orig_link or orig_link[:2] == "//") and proto_re.match(
            orig_link
        ):
            out.append("[[" + line)
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
            out.append("[[" + line)
            continue
        ns = nt.namespace
        iw = nt.interwiki
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
                    out.append(f"[[{link}|{text}")
                    continue
            else:
                out.append(f"[[{link}|{text}")
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
                joined = "".join(out).rstrip()
                out = [joined, trail]  # T175416
                continue
            if ns == FILE and not iw:
                if not is_bad_file(ctx, nt.dbkey):
                    if wasblank:
                        opts = None
                    else:
                        opts = parser.handle_external_links(ctx, text)
                        opts = handle_internal_links(ctx, opts, depth + 1)
                    html = parser.make_image(ctx, nt, opts)
                    out.append(armor_links(ctx, html) + trail)
                    continue
            elif ns == CATEGORY and not iw:
                joined = "".join(out).rstrip()
                out = [joined]
                sortkey = (ctx.output.default_sort or "") if wasblank else text
                sortkey = decode_char_references(sortkey).replace("\n", "")
                ctx.add_category(nt.dbkey, sortkey)
                out.append(trail)
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
            out.append(make_self_link(nt, text + inside, ctx.config.fragment_mode) + trail)
            continue

        if ns == MEDIA and not iw:
            html = parser.make_media_link(ctx, nt, text)
            out.append(armor_links(ctx, html) + trail)
            continue

        if trail and "a" <= trail[0] <= "z":
            inside, trail = split_trail(trail)
            text += inside
        out.append(holders.add(nt, text))
        out.append(trail)
    return "".join(out)
