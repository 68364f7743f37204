"""The rows a diff is made of, which the formatters (table, inline, JSON) render."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vellum.diff.worddiff import WordDiff

# Row kinds
HEADER, CONTEXT, ADDED, DELETED, WORDS, SPLIT = range(6)


class Row:
    """One output event: a line-number row, a context / added / deleted line, or a word diff
    (a changed line, or one side of a moved paragraph)."""

    __slots__ = ("kind", "text", "o", "n", "wd", "left", "right", "src", "dst", "down")

    def __init__(self, kind: int, text: str = "", o: int = 0, n: int = 0) -> None:
        self.kind = kind
        self.text = text
        self.o = o  # 1-based old line number (header: first old line of the hunk)
        self.n = n
        self.wd: WordDiff | None = None
        self.left = self.right = True
        self.src = self.dst = ""
        self.down = False
