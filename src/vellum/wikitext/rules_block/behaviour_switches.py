"""Behaviour switches `__NOTOC__`, `__TOC__`, `__FORCETOC__`, ... (Parser::handleDoubleUnderscore)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..context import ParserContext

TOC_PLACEHOLDER = "<mw:tocplace></mw:tocplace>"

# name -> (case sensitive, synonyms), from MessagesEn.php
DOUBLE_UNDERSCORES: dict[str, tuple[bool, tuple[str, ...]]] = {
    "notoc": (False, ("__NOTOC__",)),
    "nogallery": (False, ("__NOGALLERY__",)),
    "forcetoc": (False, ("__FORCETOC__",)),
    "toc": (False, ("__TOC__",)),
    "noeditsection": (False, ("__NOEDITSECTION__",)),
    "newsectionlink": (True, ("__NEWSECTIONLINK__",)),
    "nonewsectionlink": (True, ("__NONEWSECTIONLINK__",)),
    "hiddencat": (True, ("__HIDDENCAT__",)),
    "expectunusedcategory": (True, ("__EXPECTUNUSEDCATEGORY__",)),
    "index": (True, ("__INDEX__",)),
    "noindex": (True, ("__NOINDEX__",)),
    "staticredirect": (True, ("__STATICREDIRECT__",)),
    "notitleconvert": (False, ("__NOTITLECONVERT__", "__NOTC__")),
    "nocontentconvert": (False, ("__NOCONTENTCONVERT__", "__NOCC__")),
}

_PARTS = []
for _name, (_cs, _syns) in DOUBLE_UNDERSCORES.items():
    if _name == "toc":
        continue
    for _s in _syns:
        _rest = re.escape(_s[2:])  # every switch starts with "__"
        _PARTS.append(_rest if _cs else "(?i:" + _rest + ")")
# The literal "__" in front lets the regex engine skip quickly to the candidates.
_ALL_RE = re.compile("__(?:" + "|".join(sorted(_PARTS, key=len, reverse=True)) + ")")
_TOC_RE = re.compile(r"__(?i:TOC__)")
_LOOKUP = {s.lower(): n for n, (_, syns) in DOUBLE_UNDERSCORES.items() for s in syns}


def do_double_underscore(ctx: ParserContext, text: str) -> str:
    if "__" not in text:
        return text
    state = ctx.page
    if _TOC_RE.search(text):
        state["show_toc"] = True
        state["force_toc_position"] = True
        text = _TOC_RE.sub(TOC_PLACEHOLDER, text, count=1)
        text = _TOC_RE.sub("", text)
        ctx.output.behaviour_switches.add("TOC")
    found: set[str] = set()

    def repl(m: re.Match[str]) -> str:
        found.add(_LOOKUP[m.group(0).lower()])
        return ""

    text = _ALL_RE.sub(repl, text)
    for name in found:
        ctx.output.behaviour_switches.add(name.upper())
    state.setdefault("double_underscores", set()).update(found)
    if "notoc" in found and not state.get("force_toc_position"):
        state["show_toc"] = False
    return text
