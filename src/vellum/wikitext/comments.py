"""Edit summaries as HTML: `/* section */` autocomments and `[[links]]`
(Linker::formatComment / CommentParser in MediaWiki 1.39).

    format_comment("/* History */ fixed [[Foo|typo]]", "Main Page", site)

Everything else in the summary is escaped text (entities allowed); no other wikitext is
interpreted.
"""

from __future__ import annotations

import html
import re

from .linker import esc, is_always_known, make_broken_link, make_known_link, split_trail
from .rules_inline.internal_links import normalize_subpage_link
from .sanitizer import decode_char_references, escape_id_for_link
from .site import Site
from .title import Title
from .toc import normalize_section_name_whitespace

_AUTOCOMMENT = re.compile(r"(?:(?<=(.)))?/\*\s*(.*?)\s*\*/(?:(?=(.)))?", re.S)
_LINK = re.compile(r"\[\[\s*+:?([^\[\]|]+)(?:\|((?:\]?[^\]])*+))?\]\]([^\[]*)")
_LINK_TRAIL = re.compile(r"^([a-z]+)(.*)$", re.S)
ARROW = "→\u200e"


def escape_html_allow_entities(text: str) -> str:
    """Sanitizer::escapeHtmlAllowEntities."""
    return html.escape(decode_char_references(text), quote=True).replace("&#x27;", "&#039;")


def format_comment(comment: str, title: str | Title | None, site: Site, local: bool = False) -> str:
    """An edit summary as HTML; `local` links section names to `#anchor` only."""
    from .parser import make_context

    ctx = make_context("", title or "Main Page", site, None)
    self_title = ctx.title if title is not None else None
    comment = comment.replace("\n", " ")
    comment = escape_html_allow_entities(comment)
    comment = _autocomments(ctx, comment, self_title, local)
    return _wiki_links(ctx, comment, self_title, local)


def _autocomments(ctx, comment: str, self_title: Title | None, local: bool) -> str:
    append: list[str] = []
    fmode = ctx.config.fragment_mode

    def repl(m: re.Match[str]) -> str:
        pre = m.group(1) is not None and m.group(1) != ""
        auto = m.group(2)
        post = m.group(3) is not None and m.group(3) != ""
        if self_title is not None:
            section = auto.replace("[[:", "").replace("[[", "").replace("]]", "")
            section_text = auto.replace("[[", "&#91;[")
            section = normalize_section_name_whitespace(decode_char_references(section))
            anchor = escape_id_for_link(section, fmode) if section else ""
            if anchor:
                if local:
                    href = "#" + anchor
                    link = f'<a href="{esc(href)}">{ARROW}{section_text}</a>'
                else:
                    target = Title(
                        self_title.namespace,
                        self_title.dbkey,
                        section,
                        self_title.interwiki,
                        self_title.ns_name,
                    )
                    link = make_known_link(ctx, target, ARROW + section_text)
                auto = link
        out = ""
        if pre:
            out = ""  # 'autocomment-prefix' is empty in English
        if post:
            auto += ": "
        if auto:
            auto = '<span dir="auto"><span class="autocomment">' + auto + "</span>"
            append.append("</span>")
        return out + auto

    result = _AUTOCOMMENT.sub(repl, comment)
    return result + "".join(append)


def _wiki_links(ctx, comment: str, self_title: Title | None, local: bool) -> str:
    media_names = {"media", ctx.config.namespaces.text(-2).lower()}

    def repl(m: re.Match[str]) -> str:
        whole = m.group(0)
        target_text = m.group(1)
        if "%" in target_text:
            from urllib.parse import unquote

            target_text = unquote(target_text).replace("<", "&lt;").replace(">", "&gt;")
        text = m.group(2) if m.group(2) else target_text
        marker = None
        link_re = None
        prefix, sep, rest = target_text.partition(":")
        if sep and prefix.strip().lower() in media_names:
            link_re = re.compile(r"\[\[(.*?)\]\]")
            ft = ctx.config.try_title(rest, 6)
            if ft is not None:
                info = ctx.site.file_info(ft.dbkey)
                if info is not None and info.url:
                    marker = (
                        f'<a href="{esc(info.url)}" class="internal" title="{esc(ft.text)}">'
                        f"{text}</a>"
                    )
                else:
                    marker = make_broken_link(ctx, ft, text)
        else:
            if target_text.startswith(":"):
                target_text = target_text[1:]
            if target_text:
                tm = _LINK_TRAIL.match(m.group(3))
                trail = tm.group(1) if tm else ""
                link_re = re.compile(r"\[\[(.*?)\]\]" + re.escape(trail))
                inside, trail = split_trail(trail)
                link_text = text
                if self_title is not None:
                    link_target, link_text = normalize_subpage_link(
                        self_title, target_text, link_text, ctx
                    )
                else:
                    link_target = target_text
                target = ctx.config.try_title(link_target)
                if target is not None:
                    if (
                        target.dbkey == ""
                        and not target.interwiki
                        and not local
                        and self_title is not None
                    ):
                        target = Title(
                            self_title.namespace,
                            self_title.dbkey,
                            target.fragment,
                            self_title.interwiki,
                            self_title.ns_name,
                        )
                    marker = _page_link(ctx, target, link_text + inside) + trail
        if marker is not None and link_re is not None:
            return link_re.sub(lambda _m: marker, whole, count=1)
        return whole

    return _LINK.sub(repl, comment)


def _page_link(ctx, target: Title, text: str) -> str:
    if target.interwiki or is_always_known(ctx, target):
        return make_known_link(ctx, target, text)
    info = ctx.site.link_info([target]).get(target.prefixed_dbkey)
    if info is None:
        return make_broken_link(ctx, target, text)
    return make_known_link(ctx, target, text, redirect=info.is_redirect)
