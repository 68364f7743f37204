"""Template filters for MediaWiki's ways of writing times, sizes, user links and summaries."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from ..views.common import special_url, wiki_url

register = template.Library()


@register.filter
def mwtime(dt: datetime | None) -> str:
    """'09:26, 27 November 2026' as MediaWiki's default date format."""
    if dt is None:
        return ""
    dt = dt.astimezone(UTC)
    return f"{dt:%H:%M}, {dt.day} {dt:%B %Y}"


@register.filter
def mwdate(dt: datetime | None) -> str:
    if dt is None:
        return ""
    dt = dt.astimezone(UTC)
    return f"{dt.day} {dt:%B %Y}"


@register.filter
def clock(dt: datetime | None) -> str:
    return "" if dt is None else f"{dt.astimezone(UTC):%H:%M}"


@register.filter
def formatnum(n: int | None) -> str:
    return f"{n or 0:,}"


@register.filter
def sizediff(new: int | None, old: int | None) -> SafeString:
    """MediaWiki's ChangesList::showCharacterDifference."""
    new, old = new or 0, old or 0
    d = new - old
    cls = "mw-plusminus-pos" if d > 0 else "mw-plusminus-neg" if d < 0 else "mw-plusminus-null"
    tag = "strong" if abs(d) > 500 else "span"
    sign = "+" if d > 0 else ""
    return format_html(
        '<{} dir="ltr" class="{} mw-diff-bytes" title="{} bytes after change">{}{}</{}>',
        tag,
        cls,
        f"{new:,}",
        sign,
        f"{d:,}",
        tag,
    )


@register.filter
def userlinks(actor) -> SafeString:
    """User link plus '(talk | contribs)', as Linker::userLink + userToolLinks."""
    if actor is None:
        return mark_safe("")
    name = actor.name
    if actor.user_id is None and not actor.imported:
        user = format_html(
            '<a href="{}" class="mw-userlink mw-anonuserlink" title="Special:Contributions/{}">'
            "<bdi>{}</bdi></a>",
            special_url("Contributions", name),
            name,
            name,
        )
    elif actor.imported:
        user = format_html(
            '<span class="mw-userlink mw-extuserlink" title="Imported contributor">'
            "<bdi>{}</bdi></span>",
            name,
        )
    else:
        user = format_html(
            '<a href="{}" class="mw-userlink" title="User:{}"><bdi>{}</bdi></a>',
            wiki_url(f"User:{name}"),
            name,
            name,
        )
    tools = format_html(
        ' <span class="mw-usertoollinks">(<a href="{}" class="mw-usertoollinks-talk" '
        'title="User talk:{}">talk</a> | <a href="{}" class="mw-usertoollinks-contribs" '
        'title="Special:Contributions/{}">contribs</a>)</span>',
        wiki_url(f"User talk:{name}"),
        name,
        special_url("Contributions", name),
        name,
    )
    return mark_safe(user + tools)


_LINK = re.compile(r"\[\[:?([^\[\]|]+)(?:\|([^\[\]]*))?\]\]")
_SECTION = re.compile(r"/\*\s*(.*?)\s*\*/")


def format_comment(text: str) -> str:
    """An edit summary as HTML: escaped, with [[links]] and /* section */ arrows."""
    out = escape(text)

    def link(m: re.Match) -> str:
        target = m.group(1)  # escaped text, as is the label
        label = m.group(2) if m.group(2) is not None else target
        href = escape(wiki_url(html.unescape(target).strip()))
        return f'<a href="{href}" title="{target}">{label}</a>'

    out = _LINK.sub(link, out)
    out = _SECTION.sub(
        lambda m: f'<span dir="auto"><span class="autocomment">→{m.group(1)}</span></span>', out
    )
    return out


@register.filter
def comment(text: str) -> SafeString:
    """' <span class="comment">(summary)</span>', or nothing for an empty summary."""
    if not text:
        return mark_safe("")
    return mark_safe(f' <span class="comment">({format_comment(text)})</span>')


@register.filter
def comment_or_none(text: str) -> SafeString:
    """The summary, or '(no edit summary)' as the diff page shows an empty one."""
    if not text:
        return mark_safe('<span class="comment mw-comment-none">(no edit summary)</span>')
    return mark_safe(f'<span class="comment">({format_comment(text)})</span>')


@register.simple_tag
def url(title, **query) -> str:
    return wiki_url(title, **query)


@register.simple_tag
def special(name: str, sub: str = "", **query) -> str:
    return special_url(name, sub, **query)


@register.filter
def ptitle(obj) -> str:
    """Prefixed title text of a Page / RecentChange / LogEntry / Archive."""
    from ..services.titles import make_title

    ns = obj.namespace
    return make_title(ns, obj.title).prefixed_text


@register.filter
def get_item(d, key):
    return d.get(key, "") if isinstance(d, dict) else ""


_REMOVED_USER = mark_safe('<span class="history-deleted">(username removed)</span>')


@register.filter
def revuser(rev) -> SafeString:
    """The revision's author, or "(username removed)" when hidden (rev_deleted & 4)."""
    if rev.deleted & 4:
        return _REMOVED_USER
    return userlinks(rev.actor)


@register.filter
def revcomment(rev) -> SafeString:
    """The revision's summary, or "(edit summary removed)" when hidden (rev_deleted & 2)."""
    if rev.deleted & 2:
        return mark_safe(' <span class="history-deleted comment">(edit summary removed)</span>')
    return comment(rev.comment)


@register.filter
def revcomment_or_none(rev) -> SafeString:
    if rev.deleted & 2:
        return mark_safe('<span class="history-deleted comment">(edit summary removed)</span>')
    return comment_or_none(rev.comment)


@register.filter
def spaces(dbkey: str) -> str:
    """A DB key as text: underscores to spaces."""
    return str(dbkey).replace("_", " ")
