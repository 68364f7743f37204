"""Link holders: internal links wait as `<!--LINK'" n-->` placeholders until one batch
existence check colours them blue, red or redirect (LinkHolderArray.php)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .linker import is_always_known, make_broken_link, make_known_link, split_trail

if TYPE_CHECKING:
    from .context import ParserContext
    from .title import Title

HOLDER_RE = re.compile(r"<!--(IW)?LINK'\" (\d+)-->")


class LinkHolders:
    def __init__(self) -> None:
        self.entries: list[tuple[Title, str]] = []

    def make_holder(self, title: Title, text: str = "", trail: str = "", prefix: str = "") -> str:
        inside, trail = split_trail(trail)
        self.entries.append((title, prefix + text + inside))
        kind = "IW" if title.interwiki else ""
        return f"<!--{kind}LINK'\" {len(self.entries) - 1}-->{trail}"

    def replace(self, ctx: ParserContext, text: str) -> str:
        """Replace every holder in `text` by its finished <a> element."""
        if "<!--" not in text:
            return text
        ids = {int(m.group(2)) for m in HOLDER_RE.finditer(text)}
        if not ids:
            return text
        to_check: dict[str, Title] = {}
        known: dict[str, bool] = {}
        for i in ids:
            if i < len(self.entries):
                t = self.entries[i][0]
                key = t.prefixed_dbkey
                if key not in known:
                    known[key] = bool(t.interwiki) or is_always_known(ctx, t)
                    if not known[key]:
                        to_check[key] = t
        info = ctx.site.link_info(to_check.values()) if to_check else {}
        rendered: dict[int, str] = {}
        for i in ids:
            if i >= len(self.entries):
                continue
            title, label = self.entries[i]
            if not title.interwiki:
                ctx.add_link(title)
            if known[title.prefixed_dbkey]:
                rendered[i] = make_known_link(ctx, title, label)
            else:
                li = info.get(title.prefixed_dbkey)
                if li is None:
                    rendered[i] = make_broken_link(ctx, title, label)
                else:
                    rendered[i] = make_known_link(ctx, title, label, redirect=li.is_redirect)

        def repl(m: re.Match[str]) -> str:
            return rendered.get(int(m.group(2)), m.group(0))

        return HOLDER_RE.sub(repl, text)

    def replace_text(self, text: str) -> str:
        """Replace holders by their link text (LinkHolderArray::replaceText)."""
        if "<!--" not in text:
            return text

        def repl(m: re.Match[str]) -> str:
            i = int(m.group(2))
            return self.entries[i][1] if i < len(self.entries) else m.group(0)

        return HOLDER_RE.sub(repl, text)
