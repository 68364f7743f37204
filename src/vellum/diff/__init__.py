"""Word-level diffs of wikitext revisions, as MediaWiki's wikidiff2 shows them ("Changes").

A pure library (no Django). The three formats share one pipeline (``core.Differ``):

    diff_table(old, new)   MediaWiki's table rows (<tr>...</tr>), as wikidiff2_do_diff
    diff_inline(old, new)  MediaWiki's inline format, as wikidiff2_inline_diff
    diff_json(old, new)    wikidiff2's inline JSON structure, as a dict
    diff_all(old, new)     (table, inline) from a single run
"""

from __future__ import annotations

from vellum.diff import inline, jsonfmt, table
from vellum.diff.core import Differ

__all__ = ["diff_table", "diff_inline", "diff_json", "diff_all"]


def _check(old: str, new: str, context: int) -> None:
    if not isinstance(old, str) or not isinstance(new, str):
        raise TypeError("diff texts must be str")
    if not isinstance(context, int) or context < 0:
        raise ValueError(f"context must be a non-negative int, not {context!r}")


def diff_table(old: str, new: str, context: int = 2, *, max_split_size: int = 1) -> str:
    """MediaWiki table-format rows for the change from ``old`` to ``new`` ("" if equal).

    ``max_split_size`` > 1 turns on wikidiff2 1.14's paragraph split detection: an old line
    split into up to that many new lines is shown as one change (off in wikidiff2 by default).
    """
    _check(old, new, context)
    return table.render(Differ(old, new, context, max_split_size).rows)


def diff_inline(old: str, new: str, context: int = 2, *, max_split_size: int = 1) -> str:
    """MediaWiki inline-format lines for the change from ``old`` to ``new``."""
    _check(old, new, context)
    return inline.render(Differ(old, new, context, max_split_size).rows)


def diff_json(old: str, new: str, context: int = 2, *, max_split_size: int = 1) -> dict:
    """The diff as wikidiff2's inline JSON: {"diff": [line, ...]} (see ``jsonfmt``)."""
    _check(old, new, context)
    d = Differ(old, new, context, max_split_size, use_window=False)
    return jsonfmt.render(d.rows, d.a, d.b)


def diff_all(old: str, new: str, context: int = 2, *, max_split_size: int = 1) -> tuple[str, str]:
    """(table, inline) computed from one run of the pipeline."""
    _check(old, new, context)
    rows = Differ(old, new, context, max_split_size).rows
    return table.render(rows), inline.render(rows)
