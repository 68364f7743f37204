"""Transcluded special pages ({{Special:PrefixIndex/Foo}}), as MediaWiki includes them.

Only special pages that can be included and need nothing but the page list are
supported: PrefixIndex (alias AllPages with a prefix). The page list comes from the
Site's optional `prefix_index(namespace, prefix, limit)` method, or from a MemorySite's
pages; any other special page stays a link.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from ..functions.util import wf_urlencode
from ..title import Title

if TYPE_CHECKING:
    from ..context import ParserContext

LIMIT = 345
_PREFIX_INDEX = {"prefixindex", "allpages"}


def _pages_with_prefix(ctx: ParserContext, namespace: int, prefix: str) -> list[Title]:
    site = ctx.site
    finder = getattr(site, "prefix_index", None)
    if callable(finder):
        return list(finder(namespace, prefix, LIMIT))
    pages = getattr(site, "pages", None)
    if not isinstance(pages, dict):
        return []
    out = []
    for key in pages:
        title = ctx.config.try_title(key)
        if title is not None and title.namespace == namespace and title.dbkey.startswith(prefix):
            out.append(title)
    out.sort(key=lambda t: t.dbkey)
    return out[:LIMIT]


def transclude_special(ctx: ParserContext, title: Title, args: dict[str, str]) -> str | None:
    """HTML of an includable special page, or None when it cannot be included."""
    name, _, sub = title.dbkey.partition("/")
    if name.lower() not in _PREFIX_INDEX:
        return None
    prefix = (sub or args.get("prefix", "")).replace(" ", "_")
    namespace = 0
    ns_arg = args.get("namespace", "")
    if ns_arg.lstrip("-").isdigit():
        namespace = int(ns_arg)
    if name.lower() == "allpages" and not prefix:
        return None
    if prefix:
        parsed = ctx.config.try_title(prefix)
        if parsed is not None and ":" in prefix:
            namespace, prefix = parsed.namespace, parsed.dbkey
    items = []
    for page in _pages_with_prefix(ctx, namespace, prefix):
        text = page.text if args.get("stripprefix") is None else page.text[len(prefix) :]
        href = html.escape(ctx.config.article_url(wf_urlencode(page.prefixed_dbkey)))
        label = html.escape(page.prefixed_text)
        items.append(f'<li><a href="{href}" title="{label}">{html.escape(text)}</a></li>\n')
    if not items:
        return ""
    return '<ul class="mw-prefixindex-list">' + "".join(items) + "</ul>"
