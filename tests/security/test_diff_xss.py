"""Diffs of hostile text (table and inline formats): the text is shown, never interpreted."""

from __future__ import annotations

import pytest

from vellum.diff import diff_inline, diff_table

from .htmlcheck import dangers
from .vectors import CORPUS

PAIRS = [
    ("", "\n".join(CORPUS)),
    ("\n".join(CORPUS[::2]), "\n".join(CORPUS[1::2])),
    ("<scr", "<script>alert(1)</script>"),
    ('<a href="x">', '<a href="javascript:alert(1)">'),
    ("<span title='a'>", "<span title='a' onclick='alert(1)'>"),
    ("&lt;script&gt;", "&lt;script&gt;alert(1)"),
    ("x" * 50 + "<img", "x" * 50 + "<img src=x onerror=alert(1)>"),
    ("line\n<script>\n", "line\n</script>\n<script>"),
    ("\x7f'\"`UNIQ--nowiki-0-QINU`\"'\x7f", "<del>\x7f</ins><script>"),
]


@pytest.mark.parametrize("old,new", PAIRS)
@pytest.mark.parametrize("fmt", [diff_table, diff_inline])
def test_diff_shows_text(fmt, old: str, new: str) -> None:
    for a, b in ((old, new), (new, old)):
        html = fmt(a, b)
        assert dangers(f"<table>{html}</table>") == []
        assert dangers(html) == []
