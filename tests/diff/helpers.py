"""Rebuild both revisions from a table or inline diff, to check that no text is lost."""

from __future__ import annotations

import html
import re

_TR = re.compile(r"<tr>\n(.*?)</tr>\n", re.S)
_TD = re.compile(r"<td([^>]*)>(.*?)</td>", re.S)
_LINE = re.compile(r"<!--LINE (\d+)-->")
_DIV = re.compile(r'<div class="([^"]*)">(.*?)</div>\n', re.S)
_LINES = re.compile(r"<!-- LINES (\d+),(\d+) -->")


def _text(cell: str, drop: str | None = None) -> str:
    """Cell text: tags stripped (and the content of <drop> elements removed), unescaped."""
    if drop:
        cell = re.sub(rf"<{drop}[^>]*>.*?</{drop}>", "", cell, flags=re.S)
    cell = re.sub(r"<a [^>]*>(&#x26AB;|&#9650;|&#9660;)?</a>", "", cell)
    cell = re.sub(r"</?(div|del|ins)[^>]*>|<br />", "", cell)
    return html.unescape(cell)


def table_hunks(table: str) -> list[tuple[int, int, list]]:
    hunks: list[tuple[int, int, list]] = []
    assert _TR.sub("", table) == "", "text outside rows"
    for row in _TR.findall(table):
        cells = _TD.findall(row)
        if "diff-lineno" in row:
            o, n = (int(_LINE.search(body).group(1)) for _, body in cells)
            hunks.append((o, n, []))
            continue
        k = 0
        sides = []
        while k < len(cells):
            attrs, body = cells[k]
            if "diff-empty" in attrs:
                sides.append(None)
                k += 1
            else:
                cls, content = cells[k + 1]
                sides.append((cls, content))
                k += 2
        left, right = sides
        ctx = left is not None and "diff-context" in left[0]
        old_t = _text(left[1]) if left else None
        new_t = _text(right[1]) if right else None
        hunks[-1][2].append((old_t, new_t, ctx))
    return hunks


def inline_hunks(inline: str) -> list[tuple[int, int, list]]:
    hunks: list[tuple[int, int, list]] = []
    assert _DIV.sub("", inline) == "", "text outside lines"
    for cls, body in _DIV.findall(inline):
        if "mw-diff-inline-header" in cls:
            o, n = _LINES.search(body).groups()
            hunks.append((int(o), int(n), []))
            continue
        if "mw-diff-empty-line" in cls or body in (
            "&#160;",
            "<ins>&#160;</ins>",
            "<del>&#160;</del>",
        ):
            body = ""
        if "context" in cls:
            item = (_text(body), _text(body), True)
        elif "added" in cls:
            item = (None, _text(body), False)
        elif "deleted" in cls:
            item = (_text(body), None, False)
        elif "changed" in cls:
            item = (_text(body, "ins"), _text(body, "del"), False)
        elif "moved-source" in cls:
            item = (_text(body, "ins"), None, False)
        else:
            item = (None, _text(body, "del"), False)
        hunks[-1][2].append(item)
    return hunks


def rebuild_errors(hunks, old_lines: list[str], new_lines: list[str]) -> list[str]:
    """Check hunks against both revisions; lines between hunks must be equal on both sides."""
    errors = []
    po = pn = 0
    for o1, n1, items in hunks:
        if old_lines[po : o1 - 1] != new_lines[pn : n1 - 1]:
            errors.append(f"hidden lines before LINE {o1},{n1} differ")
        po, pn = o1 - 1, n1 - 1
        for old_t, new_t, ctx in items:
            if ctx and old_t != new_t:
                errors.append(f"context differs at {po + 1}")
            if old_t is not None:
                if po >= len(old_lines) or old_lines[po] != old_t:
                    errors.append(f"old line {po + 1} shown as {old_t!r}")
                po += 1
            if new_t is not None:
                if pn >= len(new_lines) or new_lines[pn] != new_t:
                    errors.append(f"new line {pn + 1} shown as {new_t!r}")
                pn += 1
    if old_lines[po:] != new_lines[pn:]:
        errors.append("hidden lines after the last hunk differ")
    return errors
