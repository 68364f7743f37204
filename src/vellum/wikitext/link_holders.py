"""Link holders: internal links wait as `<!--LINK'" n-->` placeholders until one batch
existence check colours them blue, red or redirect (LinkHolderArray.php)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .linker import (
    broken_link_opener,
    is_always_known,
    known_link_open,
    split_trail,
)
from .namespaces import MAIN, SPECIAL

if TYPE_CHECKING:
    from .context import ParserContext
    from .title import Title

HOLDER_RE = re.compile(r"<!--(IW)?LINK'\" (\d+)-->")


class LinkHolders:
    def __init__(self) -> None:
        self.entries: list[tuple[Title, str]] = []
        # Opening <a> tags already made in this render: red links by prefixed DB key,
        # blue links by (title, is redirect). A page links to the same target many times.
        self._broken_open: dict[str, str] = {}
        self._known_open: dict[tuple[Title, bool], str] = {}

    def make_holder(self, title: Title, text: str = "", trail: str = "", prefix: str = "") -> str:
        """A holder for a link to `title`, followed by `trail` (its link-trail letters go
        into the link)."""
        inside, trail = split_trail(trail)
        return self.add(title, prefix + text + inside) + trail

    def add(self, title: Title, label: str) -> str:
        """A holder for a link to `title` with HTML `label`."""
        entries = self.entries
        entries.append((title, label))
        if title.interwiki:
            return f"<!--IWLINK'\" {len(entries) - 1}-->"
        return f"<!--LINK'\" {len(entries) - 1}-->"

    def replace(self, ctx: ParserContext, text: str) -> str:
        """Replace every holder in `text` by its finished <a> element."""
        if "<!--" not in text:
            return text
        # [text, "IW" or None, id, text, ...]
        parts = HOLDER_RE.split(text)
        if len(parts) == 1:
            return text
        ids = {int(x) for x in parts[2::3]}
        entries = self.entries
        n_entries = len(entries)
        to_check: dict[str, Title] = {}
        known: dict[str, bool] = {}
        for i in ids:
            if i < n_entries:
                t = entries[i][0]
                key = t.prefixed_dbkey
                if key not in known:
                    if t.interwiki:
                        known[key] = True
                    # is_always_known is false for a main-namespace page, the usual link
                    elif (t.namespace == MAIN and t.dbkey) or not is_always_known(ctx, t):
                        known[key] = False
                        to_check[key] = t
                    else:
                        known[key] = True
        info = ctx.site.link_info(to_check.values()) if to_check else {}
        ctx.add_links([t for i in ids if i < n_entries and not (t := entries[i][0]).interwiki])

        broken_open = self._broken_open
        known_open = self._known_open
        opener = None
        # The finished <a> element of each holder number, as written in the text.
        links: dict[str, str] = {}
        foreign = False
        for x in set(parts[2::3]):
            i = int(x)
            if i >= n_entries:  # not one of ours: left as it is
                foreign = True
                continue
            title, label = entries[i]
            key = title.prefixed_dbkey
            li = None if known[key] else info.get(key)
            if known[key] or li is not None:
                redirect = li is not None and li.is_redirect
                tag = known_open.get((title, redirect))
                if tag is None:
                    tag = known_open[title, redirect] = known_link_open(ctx, title, redirect)
            else:
                # A red link's tag depends on its key alone, except for special pages.
                special = title.namespace == SPECIAL
                tag = None if special else broken_open.get(key)
                if tag is None:
                    if opener is None:
                        opener = broken_link_opener(ctx)
                    tag = opener(title)
                    if not special:
                        broken_open[key] = tag
            links[x] = f"{tag}{label}</a>"
        if not foreign:
            parts[1::3] = [""] * (len(parts) // 3)
            parts[2::3] = [links[x] for x in parts[2::3]]
            return "".join(parts)
        for j in range(2, len(parts), 3):
            link = links.get(parts[j])
            if link is None:
                link = f"<!--{parts[j - 1] or ''}LINK'\" {parts[j]}-->"
            parts[j - 1] = ""
            parts[j] = link
        return "".join(parts)

    def replace_text(self, text: str) -> str:
        """Replace holders by their link text (LinkHolderArray::replaceText)."""
        if "<!--" not in text:
            return text

        def repl(m: re.Match[str]) -> str:
            i = int(m.group(2))
            return self.entries[i][1] if i < len(self.entries) else m.group(0)

        return HOLDER_RE.sub(repl, text)
