"""Section headings: anchors, the table of contents, section edit links and the sections
metadata (Parser::finalizeHeadings / formatHeadings, Linker::toc*)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .linker import esc, wf_urlencode
from .result import Section
from .rules_block.behaviour_switches import TOC_PLACEHOLDER
from .sanitizer import (
    decode_char_references,
    escape_id,
    escape_id_for_attribute,
    escape_id_for_link,
)
from .strip import MARKER_PREFIX, MARKER_SUFFIX

if TYPE_CHECKING:
    from .context import ParserContext

HEADLINE_RE = re.compile(r"<H([1-6])(.*?>)([\s\S]*?)</H[1-6] *>", re.I)
SPLIT_RE = re.compile(r"<H[1-6].*?>[\s\S]*?</H[1-6]>", re.I)
MARKER_RE = re.compile(re.escape(MARKER_PREFIX) + r"-h-(\d+)-" + re.escape(MARKER_SUFFIX))
_TOC_STRIP1 = re.compile(r"<(?!/?(span|sup|sub|bdi|i|b|s|strike|q)(?: [^>]*)?>).*?>")
_TOC_STRIP2 = re.compile(
    r"<(/?(?:span(?: dir=\"(?:rtl|ltr)\")?|sup|sub|bdi|i|b|s|strike))(?: .*?)?>"
)
_STYLE_SCRIPT = re.compile(r"<(style|script)(?: [^>]*[^>/])?>[^<]*</\1>")
_URL_PLAIN = re.compile(r"[A-Za-z0-9_.\-]*\Z")  # what wf_urlencode leaves as it is
EDITSECTION_RE = re.compile(
    r'<mw:editsection page="(.*?)" section="(.*?)"(?:/>|>(.*?)(</mw:editsection>))', re.S
)

_NO_SWITCHES: frozenset[str] = frozenset()
_EDITSECTION_START = '<mw:editsection page="'  # where every EDITSECTION_RE match starts


def toc_line(anchor: str, tocline: str, number: str, level: int, section: str | None) -> str:
    cls = f"toclevel-{level}"
    if section is not None:
        cls += f" tocsection-{section}"
    return (
        f'<li class="{cls}"><a href="#{esc(anchor)}"><span class="tocnumber">{esc(number)}'
        f'</span> <span class="toctext">{tocline}</span></a>'
    )


def toc_unindent(level: int) -> str:
    return "</li>\n" + "</ul>\n</li>\n" * max(level, 0)


def toc_list(ctx: ParserContext, toc: str) -> str:
    title = esc(ctx.msg("toc"))
    lang = ctx.config.language
    return (
        '<div id="toc" class="toc" role="navigation" aria-labelledby="mw-toc-heading">'
        '<input type="checkbox" role="button" id="toctogglecheckbox" class="toctogglecheckbox"'
        ' style="display:none" />'
        f'<div class="toctitle" lang="{lang}" dir="ltr"><h2 id="mw-toc-heading">{title}</h2>'
        '<span class="toctogglespan"><label class="toctogglelabel" for="toctogglecheckbox">'
        "</label></span></div>\n" + toc + "</ul>\n</div>\n"
    )


_SPACES_RE = re.compile(r"[ _]+")
_ANY_TAG_RE = re.compile(r"<.*?>")


def normalize_section_name_whitespace(s: str) -> str:
    return _SPACES_RE.sub(" ", s).strip() if "_" in s or "  " in s else s.strip()


@lru_cache(maxsize=4096)
def _heading_names(safe: str, fmode: tuple[str, ...]) -> tuple[str, str, str, str, str | None]:
    """From a headline's HTML (link holders and strip markers replaced): its TOC line, the
    edit-link hint, the link anchor, the id and the fallback id (None when not needed)."""
    if "<" in safe:
        safe = _STYLE_SCRIPT.sub("", safe)
        tocline = _TOC_STRIP1.sub("", safe)
        tocline = _TOC_STRIP2.sub(r"<\1>", tocline)
        tocline = tocline.replace("<span></span>", "").strip()
        safe = _ANY_TAG_RE.sub("", safe)
    else:
        tocline = safe.strip()
    safe = normalize_section_name_whitespace(safe)
    hint = safe
    safe = decode_char_references(safe)
    safe = normalize_section_name_whitespace(safe)
    link_anchor = escape_id_for_link(safe, fmode)
    anchor = escape_id_for_attribute(safe, fmode)
    fallback = escape_id(safe, fmode[1]) if len(fmode) > 1 else None
    if fallback == anchor:
        fallback = None
    return tocline, hint, link_anchor, anchor, fallback


def format_headings(ctx: ParserContext, text: str, is_main: bool = True) -> str:
    state = ctx.page
    dus = state.get("double_underscores", _NO_SWITCHES)
    if "<h" not in text and "<H" not in text:  # nothing else matches "h" case-insensitively
        if "forcetoc" in dus:
            state["show_toc"] = True
        return text
    show_edit = "noeditsection" not in dus and ctx.options.edit_section_links
    matches = list(HEADLINE_RE.finditer(text))
    show_toc = state.get("show_toc", True)
    force_pos = state.get("force_toc_position", False)
    enough_toc = show_toc and (len(matches) >= 4 or force_pos)
    if "forcetoc" in dus:
        state["show_toc"] = True
        enough_toc = True
    if not matches:
        # the placeholder stays (a block for tidy) and goes in ParserOutput::getText
        return text
    headings = ctx.ext_state.get("headings") or []
    max_toc = ctx.config.max_toc_level
    toc: list[str] = []
    head: list[str] = []
    sublevel_count: dict[int, int] = {}
    level_count: dict[int, int] = {}
    level = prevlevel = toclevel = prevtoclevel = 0
    num_visible = 0
    refers: set[str] = set()
    next_suffix: dict[str, int] = {}
    fmode = tuple(ctx.config.fragment_mode)  # hashable, for the _heading_names cache
    holders = ctx.parser.link_holders(ctx)
    page_attr: str | None = None  # the page's title for the edit links, escaped
    for m in matches:
        headline = m.group(3)
        is_template = False
        section_index: str | None = None
        from_title: str | None = None
        byte_offset: int | None = None
        mm = MARKER_RE.match(headline)
        if mm:
            serial = int(mm.group(1))
            if serial < len(headings):
                h = headings[serial]
                is_template = bool(h.get("is_template"))
                section_index = str(h.get("section", h.get("index")))
                from_title = h.get("title")
                byte_offset = h.get("byte_offset")
            headline = headline[mm.end() :].lstrip()  # the marker and the spaces after it
        if toclevel:
            prevlevel = level
        level = int(m.group(1))
        if level > prevlevel:
            toclevel += 1
            sublevel_count[toclevel] = 0
            if toclevel < max_toc:
                prevtoclevel = toclevel
                toc.append("\n<ul>\n")
                num_visible += 1
        elif level < prevlevel and toclevel > 1:
            i = toclevel
            while i > 0:
                if level_count.get(i, 0) == level:
                    toclevel = i
                    break
                if level_count.get(i, 0) < level:
                    toclevel = i + 1
                    break
                i -= 1
            if i == 0:
                toclevel = 1
            if toclevel < max_toc:
                if prevtoclevel < max_toc:
                    toc.append(toc_unindent(prevtoclevel - toclevel))
                    prevtoclevel = toclevel
                else:
                    toc.append("</li>\n")
        else:
            if toclevel < max_toc:
                toc.append("</li>\n")
        level_count[toclevel] = level
        sublevel_count[toclevel] = sublevel_count.get(toclevel, 0) + 1
        numbering = ".".join(
            [str(count) for i in range(1, toclevel + 1) if (count := sublevel_count.get(i))]
        )
        safe = ctx.strip.unstrip_both(holders.replace_text(headline))
        tocline, hint, link_anchor, anchor, fallback = _heading_names(safe, fmode)
        key = anchor.lower()
        if key in refers:
            i = next_suffix.get(key, 2)
            while f"{key}_{i}" in refers:
                i += 1
            next_suffix[key] = i + 1
            anchor += f"_{i}"
            link_anchor += f"_{i}"
            refers.add(f"{key}_{i}")
        else:
            refers.add(key)
        if fallback is not None:
            fkey = fallback.lower()
            if fkey in refers:
                i = next_suffix.get(fkey, 2)
                while f"{fkey}_{i}" in refers:
                    i += 1
                next_suffix[fkey] = i + 1
                fallback += f"_{i}"
                refers.add(f"{fkey}_{i}")
            else:
                refers.add(fkey)
        if enough_toc and toclevel < max_toc:
            toc.append(
                toc_line(
                    link_anchor,
                    tocline,
                    numbering,
                    toclevel,
                    None if is_template else section_index,
                )
            )
        if is_main:
            ctx.output.sections.append(
                Section(
                    level=level,
                    toclevel=toclevel,
                    line=tocline,
                    number=numbering,
                    index=("T-" if is_template else "") + (section_index or ""),
                    anchor=anchor,
                    byte_offset=None if is_template else byte_offset,
                    from_title=from_title,
                )
            )
        editlink = ""
        if show_edit and section_index is not None:
            if is_template:
                editlink = (
                    f'<mw:editsection page="{esc(from_title or "")}" '
                    f'section="T-{esc(section_index)}">{hint}</mw:editsection>'
                )
            else:
                if page_attr is None:
                    page_attr = esc(ctx.title.prefixed_text)
                editlink = (
                    f'<mw:editsection page="{page_attr}" '
                    f'section="{esc(section_index)}">{hint}</mw:editsection>'
                )
        fallback_span = (
            f'<span id="{esc(fallback)}"></span>'
            if fallback is not None and fallback != anchor
            else ""
        )
        head.append(
            f'<h{level}{m.group(2)}{fallback_span}<span class="mw-headline" id="{esc(anchor)}">'
            f"{headline}</span>{editlink}</h{level}>"
        )
    if num_visible < 1:
        enough_toc = False
    toc_html = ""
    if enough_toc:
        if 0 < prevtoclevel < max_toc:
            toc.append(toc_unindent(prevtoclevel - 1))
        toc_html = toc_list(ctx, "".join(toc))
        if is_main:
            ctx.output.flags.add("show-toc")
    if any(m.group(0)[-2] == " " for m in matches):  # "</h2 >" ends no SPLIT_RE match
        blocks = SPLIT_RE.split(text)
    else:
        # SPLIT_RE finds the same headings: cut the text around the matches
        ends = [0]
        for m in matches:
            ends += m.span()
        ends.append(len(text))
        blocks = [text[ends[i] : ends[i + 1]] for i in range(0, len(ends), 2)]
    sections = [blocks[0]]
    allow_toc = ctx.options.allow_toc
    if enough_toc and is_main and not force_pos and allow_toc:
        sections.append(TOC_PLACEHOLDER + "\n")
    for i in range(1, len(blocks)):
        if i - 1 < len(head):
            sections.append(head[i - 1])
        sections.append(blocks[i])
    full = "".join(sections)
    if is_main:
        state["toc_html"] = toc_html if allow_toc else ""
    return full


def replace_edit_sections(ctx: ParserContext, text: str) -> str:
    """<mw:editsection> markers -> the [edit] links (ParserOutput::getText)."""
    if "<mw:editsection" not in text:
        return text
    cfg = ctx.config
    edit = esc(ctx.msg("editsection"))
    script = cfg.script
    hint_msg = ctx.msg("editsectionhint")  # $1: the section's hint, filled per link
    page_hrefs: dict[str, str] = {}  # page -> the start of its edit URL, HTML-escaped

    def repl(m: re.Match[str]) -> str:
        page = _unesc(m.group(1))
        section = _unesc(m.group(2))
        content = m.group(3)
        href_start = page_hrefs.get(page)
        if href_start is None:
            t = cfg.try_title(page)
            key = wf_urlencode(t.prefixed_dbkey if t else page.replace(" ", "_"))
            href_start = esc(f"{script}?title={key}&action=edit&section=")
            page_hrefs[page] = href_start
        if not _URL_PLAIN.match(section):  # section numbers need no encoding
            section = wf_urlencode(section)
        hint = content if content is not None else page
        tip = hint_msg.replace("$1", _unesc(hint))
        return (
            '<span class="mw-editsection"><span class="mw-editsection-bracket">[</span>'
            f'<a href="{href_start}{esc(section)}" title="{esc(tip)}">{edit}</a>'
            '<span class="mw-editsection-bracket">]</span></span>'
        )

    # str.find skips to the markers far faster than the regex engine scans
    out: list[str] = []
    last = 0
    find = text.find
    match = EDITSECTION_RE.match
    pos = find(_EDITSECTION_START)
    while pos >= 0:
        m = match(text, pos)
        if m is None:
            pos = find(_EDITSECTION_START, pos + 1)
            continue
        out.append(text[last:pos])
        out.append(repl(m))
        last = m.end()
        pos = find(_EDITSECTION_START, last)
    out.append(text[last:])
    return "".join(out)


def _unesc(s: str) -> str:
    return decode_char_references(s)
