"""MediaWiki's diff table: the `vellum.diff` rows inside <table class="diff">."""

from __future__ import annotations

import difflib
import re

from django.core.cache import cache
from django.utils.html import escape

_LINE = re.compile(r"<!--LINE (\d+)-->")


def diff_rows(old: str, new: str) -> str:
    """Table rows from the diff engine (a plain difflib fallback if it is unavailable), with
    wikidiff2's <!--LINE N--> markers localised to "Line N:" as DifferenceEngine does."""
    try:
        from vellum.diff import diff_table
    except ImportError:
        return _difflib_rows(old, new)
    return _LINE.sub(lambda m: f"Line {int(m.group(1)):,}:", diff_table(old, new))


_LINES = re.compile(r"<!-- LINES (\d+),(\d+) -->")


def diff_inline_rows(old: str, new: str) -> str:
    """MediaWiki's inline diff (one column, <ins>/<del> in place) as a single table row."""
    try:
        from vellum.diff import diff_inline
    except ImportError:
        return diff_rows(old, new)
    body = _LINES.sub(lambda m: f"Line {int(m.group(2)):,}:", diff_inline(old, new))
    if not body.strip():
        return ""
    return f'<tr><td colspan="4" class="diff-inline">{body}</td></tr>'


def cached_diff_rows(old_id: int, new_id: int, old: str, new: str, inline: bool = False) -> str:
    """Rendered diffs are cached per revision pair (and format)."""
    key = f"diff:{'inline' if inline else 'table'}:{old_id}:{new_id}"
    rows = cache.get(key)
    if rows is None:
        rows = diff_inline_rows(old, new) if inline else diff_rows(old, new)
        cache.set(key, rows, 24 * 3600)
    return rows


def _difflib_rows(old: str, new: str) -> str:
    out = []
    a, b = old.split("\n"), new.split("\n")
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
        if op == "equal":
            continue
        out.append(
            f'<tr><td colspan="2" class="diff-lineno">Line {i1 + 1}:</td>'
            f'<td colspan="2" class="diff-lineno">Line {j1 + 1}:</td></tr>'
        )
        for k in range(max(i2 - i1, j2 - j1)):
            left = a[i1 + k] if i1 + k < i2 else None
            right = b[j1 + k] if j1 + k < j2 else None
            lhs = (
                f'<td class="diff-marker" data-marker="−"></td><td class="diff-deletedline">'
                f"<div>{escape(left)}</div></td>"
                if left is not None
                else '<td colspan="2" class="diff-empty diff-side-deleted"></td>'
            )
            rhs = (
                f'<td class="diff-marker" data-marker="+"></td><td class="diff-addedline">'
                f"<div>{escape(right)}</div></td>"
                if right is not None
                else '<td colspan="2" class="diff-empty diff-side-added"></td>'
            )
            out.append(f"<tr>{lhs}{rhs}</tr>")
    return "\n".join(out)


TABLE_HEAD = (
    '<table class="diff diff-contentalign-left diff-editfont-monospace" data-mw="interface">'
    '<colgroup><col class="diff-marker"><col class="diff-content">'
    '<col class="diff-marker"><col class="diff-content"></colgroup><tbody>'
)


def diff_table_html(old: str, new: str, old_label: str, new_label: str) -> str:
    """A complete diff table with simple headers (the edit form's "Show changes")."""
    rows = diff_rows(old, new)
    if not rows.strip():
        rows = (
            '<tr><td colspan="4" class="diff-notice"><div class="mw-diff-empty">'
            "(No difference)</div></td></tr>"
        )
    head = (
        f'<tr class="diff-title"><td colspan="2" class="diff-otitle">{escape(old_label)}</td>'
        f'<td colspan="2" class="diff-ntitle">{escape(new_label)}</td></tr>'
    )
    return f"{TABLE_HEAD}{head}{rows}</tbody></table>"
