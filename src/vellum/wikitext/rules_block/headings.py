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
    if "=" not in text:
        return text
    return _HEADING.sub(_heading, text)
