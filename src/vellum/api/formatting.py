"""Values the API writes the same way in many modules: hex SHA-1, user fields, edit summaries."""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import quote

from vellum.wiki.models import DELETED_COMMENT, DELETED_TEXT, DELETED_USER, Actor

_LINK = re.compile(r"\[\[:?([^\[\]|#]+)(?:#([^\[\]|]*))?(?:\|([^\[\]]*))?\]\]")
_AUTOCOMMENT = re.compile(r"/\*\s*(.*?)\s*\*/")


def sha1_hex(base36: str) -> str:
    """MediaWiki stores base-36 SHA-1s; the API shows 40 hex digits."""
    if not base36:
        return ""
    return format(int(base36, 36), "040x")


def user_fields(
    api: Any, d: dict[str, Any], actor: Actor, want_name: bool, want_id: bool, deleted: int = 0
) -> None:
    """`user`, `anon`, `userid` of a revision or log entry (hidden if DELETED_USER)."""
    if deleted & DELETED_USER:
        api.flag(d, "userhidden")
        return
    if want_name:
        d["user"] = actor.name
        if actor.is_anon:
            api.flag(d, "anon")
    if want_id:
        d["userid"] = actor.user_id or 0


def parsed_comment(text: str) -> str:
    """An edit summary as HTML: escaped, with [[links]] and /* section */ autocomments."""
    out = html.escape(text, quote=False)

    def link(m: re.Match[str]) -> str:
        target = html.unescape(m.group(1)).strip()
        label = m.group(3) if m.group(3) is not None else m.group(1)
        frag = m.group(2)
        href = "/wiki/" + quote(target.replace(" ", "_"), safe="/:")
        if frag:
            href += "#" + quote(frag.replace(" ", "_"))
        return f'<a href="{href}" title="{html.escape(target)}">{label}</a>'

    out = _LINK.sub(link, out)

    def auto(m: re.Match[str]) -> str:
        return f'<span dir="auto"><span class="autocomment">{m.group(1)}</span></span>'

    return _AUTOCOMMENT.sub(auto, out)


def comment_fields(
    api: Any, d: dict[str, Any], comment: str, want: bool, want_parsed: bool, deleted: int = 0
) -> None:
    if deleted & DELETED_COMMENT:
        api.flag(d, "commenthidden")
        return
    if want:
        d["comment"] = comment
    if want_parsed:
        d["parsedcomment"] = parsed_comment(comment)


def text_hidden(deleted: int) -> bool:
    return bool(deleted & DELETED_TEXT)
