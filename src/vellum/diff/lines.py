"""Texts as lines, and the changed region of two long texts (the "window").

Lines are split as wikidiff2 splits them. ``window`` finds where two texts start and stop
differing without splitting the rest, so that a small edit of a long article only splits and
diffs the lines around it.
"""

from __future__ import annotations


def explode_lines(text: str) -> list[str]:
    """Lines as wikidiff2 splits them: on "\\n"; a final "\\n" starts no extra line."""
    if not text:
        return []
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    return lines


def text_prefix(a: str, b: str, lim: int) -> int:
    """Length of the common head of two strings, at most lim (galloping; one side sliced)."""
    n = 0
    step = 64
    while n + step <= lim and a.startswith(b[n : n + step], n):
        n += step
        step *= 2
    hi = min(n + step, lim)
    while n < hi:
        mid = (n + hi + 1) // 2
        if a.startswith(b[n:mid], n):
            n = mid
        else:
            hi = mid - 1
    return n


def text_suffix(a: str, b: str, lim: int) -> int:
    """Length of the common tail of two strings, at most lim."""
    na, nb = len(a), len(b)
    n = 0
    step = 64
    while n + step <= lim and a.endswith(b[nb - n - step : nb - n], 0, na - n):
        n += step
        step *= 2
    hi = min(n + step, lim)
    while n < hi:
        mid = (n + hi + 1) // 2
        if a.endswith(b[nb - mid : nb - n], 0, na - n):
            n = mid
        else:
            hi = mid - 1
    return n


def window(
    old: str, new: str, margin: int
) -> tuple[list[str], list[str], int, int, tuple[bool, bool]] | None:
    """The lines of both texts from ``margin`` lines before their first difference to
    ``margin`` lines after their last one, without splitting the rest: (old lines, new lines,
    lines left out before, the same for new, (left out before?, left out after?)), or None
    when nothing would be left out."""
    n = min(len(old), len(new))
    cut = old.rfind("\n", 0, text_prefix(old, new, n)) + 1
    tail = len(old) - text_suffix(old, new, n - cut)
    nl = old.find("\n", tail)
    tail = len(old) if nl < 0 else nl + 1  # the first line wholly in the common tail
    start = cut
    for _ in range(margin):
        if start == 0:
            break
        start = old.rfind("\n", 0, start - 1) + 1
    end = tail
    for _ in range(margin):
        if end >= len(old):
            break
        nl = old.find("\n", end)
        end = len(old) if nl < 0 else nl + 1
    if start == 0 and end >= len(old):
        return None
    shift = len(new) - len(old)
    before = old.count("\n", 0, start)
    a = explode_lines(old[start:end])
    b = explode_lines(new[start : end + shift])
    return a, b, before, before, (start > 0, end < len(old))
