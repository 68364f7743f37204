"""Opt-in paragraph split detection (wikidiff2 1.14's max_split_size; off by default)."""

from __future__ import annotations

from tests.diff.helpers import rebuild_errors, table_hunks
from vellum.diff import diff_inline, diff_table
from vellum.diff.core import explode_lines

OLD = "Head.\n\nFirst sentence of the paragraph. Second sentence follows it here.\n\nTail.\n"
NEW = "Head.\n\nFirst sentence of the paragraph.\nSecond sentence follows it here.\n\nTail.\n"
DEL = '<del class="diffchange diffchange-inline">'


def test_off_by_default_as_in_wikidiff2() -> None:
    table = diff_table(OLD, NEW)
    assert f"{DEL}. Second sentence follows it here</del>" in table
    assert diff_table(OLD, NEW, max_split_size=1) == table


def test_split_paragraph_is_one_change() -> None:
    table = diff_table(OLD, NEW, max_split_size=4)
    rows = table.split("<tr>\n")[1:]
    split_rows = [r for r in rows if "diff-addedline" in r]
    assert len(split_rows) == 2
    # The old paragraph beside its first part, only the removed line break (a space) marked.
    assert (
        "<div>First sentence of the paragraph."
        f"{DEL} </del>Second sentence follows it here.</div>" in split_rows[0]
    )
    assert "<div>First sentence of the paragraph.</div>" in split_rows[0]
    # The second part below it, with no old side.
    assert 'class="diff-empty diff-side-deleted"' in split_rows[1]
    assert "<div>Second sentence follows it here.</div>" in split_rows[1]
    assert rebuild_errors(table_hunks(table), explode_lines(OLD), explode_lines(NEW)) == []


def test_split_with_blank_line_and_inline_marker() -> None:
    new = NEW.replace("paragraph.\n", "paragraph.\n\n")
    table = diff_table(OLD, new, max_split_size=4)
    assert table.count('data-marker="+"') == 3
    assert rebuild_errors(table_hunks(table), explode_lines(OLD), explode_lines(new)) == []
    inline = diff_inline(OLD, NEW, max_split_size=4)
    assert '<span class="mw-inline-diff-newline"></span><br>' in inline


def test_dissimilar_lines_are_not_a_split() -> None:
    old = "alpha beta gamma delta\n"
    new = "completely other words\nand more of them\n"
    assert diff_table(old, new, max_split_size=4) == diff_table(old, new)
