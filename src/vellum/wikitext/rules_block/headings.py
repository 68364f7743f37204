"""Headings: `== Title ==` lines become <h2>Title</h2> (Parser::handleHeadings)."""

from __future__ import annotations

import re

_HEADINGS = [
    (i, re.compile(rf"^(?:{'=' * i})[ \t]*(.+?)[ \t]*(?:{'=' * i})\s*$", re.M))
    for i in range(6, 0, -1)
]


def do_headings(text: str) -> str:
    if "=" not in text:
        return text
    for level, regex in _HEADINGS:
        text = regex.sub(rf"<h{level}>\1</h{level}>", text)
    return text
