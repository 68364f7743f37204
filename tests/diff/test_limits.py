"""Guard rails: pathological revision pairs get a coarser diff that still shows everything."""

from __future__ import annotations

import random

from tests.diff.helpers import inline_hunks, rebuild_errors, table_hunks
from vellum.diff import core, diff_all, engine
from vellum.diff.core import Differ, explode_lines


def _valid(old: str, new: str) -> None:
    table, inline = diff_all(old, new)
    a, b = explode_lines(old), explode_lines(new)
    assert rebuild_errors(table_hunks(table), a, b) == []
    assert rebuild_errors(inline_hunks(inline), a, b) == []


def test_budget_stops_the_lcs_search() -> None:
    a, b = [1, 2] * 200, [2, 1] * 200
    budget = engine.Budget(50)
    try:
        engine.diff(a, b, 0, budget)
    except engine.TooComplex:
        pass
    else:
        raise AssertionError("no TooComplex past the budget")
    assert engine.diff(a, b, 0, engine.Budget(10**9)).ops == engine.diff(a, b).ops


def test_shuffled_paragraph_falls_back_to_a_whole_line_change() -> None:
    rnd = random.Random(1)
    words = ["".join(rnd.choice("abcdefgh") for _ in range(rnd.randint(1, 5))) for _ in range(400)]
    old = " ".join(rnd.choice(words) for _ in range(2500))
    shuffled = old.split(" ")
    rnd.shuffle(shuffled)
    new = " ".join(shuffled)
    d = Differ(old + "\n", new + "\n")
    (row,) = [r for r in d.rows if r.kind == core.WORDS]
    assert row.wd is not None and row.wd.bailout
    _valid(old + "\n", new + "\n")


def test_many_similar_lines_fall_back_to_deleted_and_added() -> None:
    rnd = random.Random(2)
    pool = [f"line {i}" for i in range(6)]
    old = "\n".join(rnd.choice(pool) for _ in range(6000))
    new = "\n".join(rnd.choice(pool) for _ in range(6000))
    d = Differ(old, new)
    assert d.coarse
    _valid(old, new)


def test_moves_not_searched_past_the_cutoff() -> None:
    def pair(n: int) -> tuple[str, str]:
        old = "".join(f"old paragraph {i} with words\n" for i in range(n))
        new = "".join(f"new text {i} quite unlike\n" for i in range(n))
        return old + "a moved paragraph of text\n", "a moved paragraph of text!\n" + new

    assert "movedpara" in diff_all(*pair(10))[0]
    assert "movedpara" not in diff_all(*pair(60))[0]


def test_thousands_of_changed_lines_end_with_whole_line_marks(monkeypatch) -> None:
    monkeypatch.setattr(core, "WORK_BUDGET", 30_000)  # a smaller budget, to keep this quick
    rnd = random.Random(3)
    old = "\n".join(f"line {i} {rnd.random()}" for i in range(1500))
    new = "\n".join(f"row {i} {rnd.random()}" for i in range(1500))
    d = Differ(old, new)
    words = [r for r in d.rows if r.kind == core.WORDS]
    assert words and not words[0].wd.bailout  # the first ones get a word diff
    assert words[-1].wd.bailout  # the budget ran out before the last ones
    _valid(old, new)
