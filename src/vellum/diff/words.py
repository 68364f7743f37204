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
    "[0-9A-Za-z_\u00c0-\u2fff\ua000-\ud7ff\ue000-\U0001ffff\U0002a001-\U0010ffff]+|.",
    re.DOTALL,
)
# A lone surrogate never occurs in text decoded from UTF-8; it serves as a word separator.
_SEP = "\udfff"
_findall = _WORD.findall


def explode_words(line: str) -> list[str]:
    """The words of one line, in order; joined they give the line back."""
    if thai.AVAILABLE and thai.has_thai(line):
        breaks = thai.thai_breaks(line)
        if breaks:
            return _split_at(line, breaks)
    return _findall(line)


def _split_at(line: str, breaks: list[int]) -> list[str]:
    """Words of ``line`` with extra word breaks at the given offsets."""
    n = len(line)
    cuts = [0, *sorted(b for b in breaks if 0 < b < n), n]
    parts = [line[i:j] for i, j in zip(cuts, cuts[1:], strict=False) if j > i]
    if _SEP not in line:
        # One regex pass over the parts joined by a separator that is a word of its own.
        return [w for w in _findall(_SEP.join(parts)) if w != _SEP]
    return [w for part in parts for w in _findall(part)]
