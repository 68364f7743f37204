"""Exact table and inline HTML, checked against wikidiff2 1.13.0's own output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vellum.diff import diff_all, diff_inline, diff_json, diff_table, thai

CASES = json.loads((Path(__file__).parent / "data" / "wikidiff2_cases.json").read_text("utf-8"))


@pytest.mark.parametrize("name", sorted(CASES))
def test_same_html_as_wikidiff2(name: str) -> None:
    case = CASES[name]
    if name == "thai" and not thai.working():
        pytest.skip("libthai is not installed")
    context = case.get("context", 2)
    assert diff_table(case["old"], case["new"], context) == case["table"]
    assert diff_inline(case["old"], case["new"], context) == case["inline"]


def test_changed_line_exact_html() -> None:
    assert diff_table("a b c\nline two\n", "a B c\nline two\n") == (
        "<tr>\n"
        '  <td colspan="2" class="diff-lineno"><!--LINE 1--></td>\n'
        '  <td colspan="2" class="diff-lineno"><!--LINE 1--></td>\n'
        "</tr>\n"
        "<tr>\n"
        '  <td class="diff-marker" data-marker="\u2212"></td>\n'
        '  <td class="diff-deletedline diff-side-deleted"><div>a '
        '<del class="diffchange diffchange-inline">b</del> c</div></td>\n'
        '  <td class="diff-marker" data-marker="+"></td>\n'
        '  <td class="diff-addedline diff-side-added"><div>a '
        '<ins class="diffchange diffchange-inline">B</ins> c</div></td>\n'
        "</tr>\n"
        "<tr>\n"
        '  <td class="diff-marker"></td>\n'
        '  <td class="diff-context diff-side-deleted"><div>line two</div></td>\n'
        '  <td class="diff-marker"></td>\n'
        '  <td class="diff-context diff-side-added"><div>line two</div></td>\n'
        "</tr>\n"
    )


def test_inline_exact_html() -> None:
    assert diff_inline("x\ny\n", "x\ny z\n\n") == (
        '<div class="mw-diff-inline-header"><!-- LINES 1,1 --></div>\n'
        '<div class="mw-diff-inline-context">x</div>\n'
        '<div class="mw-diff-inline-changed">y<ins> z</ins></div>\n'
        '<div class="mw-diff-inline-added mw-diff-empty-line"><ins>&#160;</ins></div>\n'
    )


def test_moved_paragraph_links_both_ways() -> None:
    table = CASES["moved_paragraph"]["table"]
    assert 'class="mw-diff-movedpara-left" href="#movedpara_3_1_rhs"' in table
    assert '<a name="movedpara_3_1_rhs"></a>' in table
    assert 'class="mw-diff-movedpara-right" href="#movedpara_1_1_lhs"' in table


def test_html_is_escaped() -> None:
    out = diff_table("<script>alert(1)</script>\n", "<script>alert(2)</script>\n")
    assert "<script>" not in out
    assert "&lt;script&gt;alert(" in out
    inline = diff_inline("<b>\n", '<img src=x onerror="y">\n')
    assert "<img" not in inline and "&lt;img" in inline


def test_identical_texts_give_nothing() -> None:
    text = "same\n\ntext with <tags> & more\n"
    assert diff_table(text, text) == ""
    assert diff_inline(text, text) == ""
    assert diff_json(text, text) == {"diff": []}
    assert diff_all("", "") == ("", "")


def test_json_format() -> None:
    d = diff_json("a b c\nsame\n", "a B c\nsame\nnew line\n")
    assert d == {
        "diff": [
            {
                "type": 3,
                "lineNumber": 1,
                "text": "a bB c",
                "offset": {"from": 0, "to": 0},
                "highlightRanges": [
                    {"start": 2, "length": 1, "type": 1},
                    {"start": 3, "length": 1, "type": 0},
                ],
            },
            {"type": 0, "lineNumber": 2, "text": "same", "offset": {"from": 6, "to": 6}},
            {"type": 1, "lineNumber": 3, "text": "new line", "offset": {"from": None, "to": 11}},
        ]
    }


def test_json_moved_paragraph() -> None:
    case = CASES["moved_paragraph"]
    items = diff_json(case["old"], case["new"])["diff"]
    kinds = [i["type"] for i in items]
    assert 4 in kinds and 5 in kinds
    src = next(i for i in items if i["type"] == 4)
    dst = next(i for i in items if i["type"] == 5)
    assert src["moveInfo"]["linkId"] == dst["moveInfo"]["id"]
    assert dst["moveInfo"]["linkId"] == src["moveInfo"]["id"]
    assert "highlightRanges" not in src and dst["highlightRanges"]


def test_bad_arguments() -> None:
    with pytest.raises(TypeError):
        diff_table(b"bytes", "str")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        diff_table("a", "b", -1)
