"""Property: every output rebuilds both texts; identical texts show no change."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.diff.helpers import inline_hunks, rebuild_errors, table_hunks
from vellum.diff import diff_all, diff_json, diff_table
from vellum.diff.core import explode_lines

# Pieces that exercise the word splitter and the HTML escaping: words, spaces, punctuation,
# markup characters, CJK, Thai, Cyrillic, and line ends.
PIECES = [
    "the", "cat", "sat", "on", "mat", "a", " ", "  ", ",", ".", "[[", "]]", "{{", "}}", "|",
    "<b>", "&amp;", "&", "\t", "\r", "—", "“x”", "我", "爱", "北京", "ภาษา", "ไทย", "Москва",
    "\n", "\n", "\n", "\n\n",
]  # fmt: skip

texts = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)


def _edit(data, base: str) -> str:
    lines = base.split("\n")
    for _ in range(data.draw(st.integers(0, 4))):
        i = data.draw(st.integers(0, len(lines)))
        kind = data.draw(st.integers(0, 3))
        if kind == 0 and i < len(lines):
            del lines[i]
        elif kind == 1:
            lines.insert(i, data.draw(texts))
        elif kind == 2 and i < len(lines):
            lines[i] = lines[i] + data.draw(texts)
        elif i < len(lines):
            j = data.draw(st.integers(0, len(lines) - 1))
            lines.insert(j, lines.pop(i))  # a moved line
    return "\n".join(lines)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), texts)
def test_output_rebuilds_both_texts(data, old: str) -> None:
    how = data.draw(st.sampled_from(["other", "same", "edited"]))
    new = data.draw(texts) if how == "other" else old if how == "same" else _edit(data, old)
    table, inline = diff_all(old, new)
    a, b = explode_lines(old), explode_lines(new)
    assert rebuild_errors(table_hunks(table), a, b) == []
    assert rebuild_errors(inline_hunks(inline), a, b) == []
    if a == b:
        assert table == "" and inline == ""
    else:
        assert table and inline
    for item in diff_json(old, new)["diff"]:
        assert isinstance(item["text"], str)
    split_table = diff_table(old, new, max_split_size=3)
    assert rebuild_errors(table_hunks(split_table), a, b) == []


@settings(max_examples=100, deadline=None)
@given(texts)
def test_identical_texts_have_no_changes(text: str) -> None:
    assert diff_all(text, text) == ("", "")
    assert diff_json(text, text) == {"diff": []}


def test_the_rebuild_check_catches_lost_text() -> None:
    old, new = "a\nb\nc\nd\n", "a\nB\nc\nd\n"
    table, _ = diff_all(old, new)
    a, b = explode_lines(old), explode_lines(new)
    assert rebuild_errors(table_hunks(table), a, b) == []
    broken = table.replace("<div>B</div>", "<div>X</div>").replace(">B</ins>", ">X</ins>")
    assert rebuild_errors(table_hunks(broken), a, b)
    assert rebuild_errors(table_hunks(table), a, explode_lines("a\nB\nc\nz\n"))
