"""Splitting a line into words for the word-level diff, as wikidiff2's TextUtil does.

A word is a run of "letters" or a single other character. Letters are ASCII letters, digits
and underscore, and every character from U+00C0 up, except the CJK ranges U+3000-U+9FFF and
U+20000-U+2A000 whose characters are each a word of their own (Chinese and Japanese use no
spaces). Spaces and punctuation below U+00C0 are one-character words. Thai text is further
broken into words by libthai's dictionary (see ``thai``). Words are compared as strings.
"""

from __future__ import annotations

import re

from vellum.diff import thai

_WORD = re.compile(
    "[0-9A-Za-z_\u00c0-\u2fff\ua000-\U0001ffff\U0002a001-\U0010ffff]+|.",
    re.DOTALL,
)
_findall = _WORD.findall


def explode_words(line: str) -> list[str]:
    """The words of one line, in order; joined they give the line back."""
    words = _findall(line)
    if thai.AVAILABLE and thai.has_thai(line):
        extra = thai.thai_breaks(line)
        if extra:
            breaks = set(extra)
            pos = 0
            for w in words:
                pos += len(w)
                breaks.add(pos)
            n = len(line)
            out = []
            start = 0
            for b in sorted(breaks):
                if start < b <= n:
                    out.append(line[start:b])
                    start = b
            return out
    return words
