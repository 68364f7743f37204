"""Sections of wikitext (MediaWiki's Parser::getSection / replaceSection).

Section 0 is the text before the first heading; section N runs from the Nth heading to the
next heading of the same or a higher level. Headings inside comments, <nowiki>, <pre> and
similar blocks are not section boundaries.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"^(={1,6})(.+?)\1[ \t]*$", re.M)
_OPAQUE = re.compile(
    r"<!--.*?(?:-->|\Z)|<(nowiki|pre|source|syntaxhighlight|math|ref)\b[^>]*>.*?(?:</\1\s*>|\Z)",
    re.S | re.I,
)


def _headings(text: str) -> list[tuple[int, int]]:
    """(offset, level) of each section heading, in order."""
    hidden = [(m.start(), m.end()) for m in _OPAQUE.finditer(text)]
    out = []
    for m in _HEADING.finditer(text):
        if any(a <= m.start() < b for a, b in hidden):
            continue
        level = min(len(m.group(1)), 6)
        inner = m.group(2)
        if not inner.strip("="):
            continue
        out.append((m.start(), level))
    return out


def _bounds(text: str, section: int) -> tuple[int, int] | None:
    heads = _headings(text)
    if section == 0:
        return 0, heads[0][0] if heads else len(text)
    if section < 1 or section > len(heads):
        return None
    start, level = heads[section - 1]
    end = len(text)
    for off, lvl in heads[section:]:
        if lvl <= level:
            end = off
            break
    return start, end


def get_section(text: str, section: int) -> str | None:
    b = _bounds(text, section)
    if b is None:
        return None
    return text[b[0] : b[1]].rstrip("\n")


def replace_section(text: str, section: int, new: str) -> str | None:
    """The text with section `section` replaced by `new`; None if there is no such section."""
    b = _bounds(text, section)
    if b is None:
        return None
    before, after = text[: b[0]], text[b[1] :]
    if section == 0:
        return new.rstrip("\n") + ("\n\n" + after.lstrip("\n") if after.strip() else "")
    joined = before.rstrip("\n")
    head = joined + "\n\n" if joined else ""
    tail = "\n\n" + after.lstrip("\n") if after.strip() else ""
    return head + new.strip("\n") + tail


def add_section(text: str, title: str, body: str) -> str:
    """section=new: a new level-2 section at the end."""
    heading = f"== {title} ==\n\n" if title else ""
    base = text.rstrip()
    return (base + "\n\n" if base else "") + heading + body
