"""Headings: `== Title ==` lines become <h2>Title</h2> (Parser::handleHeadings)."""

from __future__ import annotations

import re

# One pass: the back-reference tries the longest '=' run first, as MediaWiki's six passes
# (from ====== down to =) do.
_HEADING = re.compile(r"^(={1,6})[ \t]*(.+?)[ \t]*\1\s*$", re.M)


def _heading(m: re.Match[str]) -> str:
    level = len(m.group(1))
    return f"<h{level}>{m.group(2)}</h{level}>"


def do_headings(text: str) -> str:
    # A heading starts a line with "=": try the pattern only there, not at every position.
    if text[:1] == "=":
        pos = 0
    else:
        pos = text.find("\n=") + 1
        if not pos:
            return text
    out: list[str] = []
    last = 0
    match = _HEADING.match
    find = text.find
    while True:
        m = match(text, pos)
        if m:
            out.append(text[last:pos])
            out.append(_heading(m))
            last = m.end()
            # a match ends at the end of the text or before a newline
            pos = find("\n=", last) + 1
        else:
            pos = find("\n=", pos) + 1
        if not pos:
            break
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)
