"""Template filters for MediaWiki's ways of writing times, sizes, user links and summaries."""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Iterable
from datetime import UTC, datetime

from django import template
from django.core.signals import request_started
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


_user_pages = threading.local()  # per request: user name (DB key) -> namespaces of its pages


def _clear_user_pages(**kwargs: object) -> None:
    _user_pages.__dict__.pop("known", None)


request_started.connect(_clear_user_pages, dispatch_uid="vellum.wiki.userlinks")


def prefetch_user_pages(names: Iterable[str]) -> None:
    """Look up in one query which of these users have a user page and a talk page, for the
    red or blue user links of a history, RecentChanges, contributions or diff page."""
    from ..models import Page

    known: dict[str, set[int]] = _user_pages.__dict__.setdefault("known", {})
    wanted = list({n.replace(" ", "_") for n in names} - known.keys())
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        for key in chunk:
            known[key] = set()
        rows = Page.objects.filter(namespace__in=(2, 3), title__in=chunk)
        for ns, key in rows.values_list("namespace", "title"):
            known[key].add(ns)


def _user_page_namespaces(name: str) -> set[int]:
    key = name.replace(" ", "_")
    known = _user_pages.__dict__.get("known", {})
    if key not in known:
        prefetch_user_pages([name])
        known = _user_pages.__dict__["known"]
    return known[key]


def _page_link(target: str, exists: bool, cls: str, label: SafeString | str) -> SafeString:
    """A link to a user's page, red (class "new", the edit URL) when it does not exist, as
    LinkRenderer::makeLink writes it."""
    if exists:
        return format_html(
            '<a href="{}" class="{}" title="{}">{}</a>', wiki_url(target), cls, target, label
        )
    return format_html(
        '<a href="{}" class="new {}" title="{} (page does not exist)">{}</a>',
        wiki_url(target, action="edit", redlink="1"),
        cls,
        target,
        label,
    )


@register.filter
def userlinks(actor) -> SafeString:
    """User link plus '(talk | contribs)', as Linker::userLink + userToolLinks: the user
    page and talk page links are red (class "new", the edit URL) when those pages do not
    exist."""
    if actor is None:
        return mark_safe("")
    name = actor.name
    pages = _user_page_namespaces(name)
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
        user = _page_link(
            f"User:{name}", 2 in pages, "mw-userlink", format_html("<bdi>{}</bdi>", name)
        )
    talk = _page_link(f"User talk:{name}", 3 in pages, "mw-usertoollinks-talk", "talk")
    tools = format_html(
        ' <span class="mw-usertoollinks">({} | <a href="{}" class="mw-usertoollinks-contribs" '
        'title="Special:Contributions/{}">contribs</a>)</span>',
        talk,
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
