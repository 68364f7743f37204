"""HTML escaping shared by the diff formatters (only <, > and &, as wikidiff2 escapes)."""

from __future__ import annotations


def esc(text: str) -> str:
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text
