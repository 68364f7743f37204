"""The LCS engine: same edit scripts as wikidiff2's literal algorithm, and valid ones."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.diff import reference_engine
from vellum.diff import engine
from vellum.diff.engine import ADD, CHANGE, COPY, DEL


def _apply(a: list, b: list, ops: list) -> list:
    """Check the ops cover both sequences in order and rebuild b from a."""
    out: list = []
    xi = yi = 0
    for op, i1, i2, j1, j2 in ops:
        assert (i1, j1) == (xi, yi)
        if op == COPY:
            assert a[i1:i2] == b[j1:j2]
        elif op == DEL:
            assert i2 > i1 and j1 == j2
        elif op == ADD:
            assert j2 > j1 and i1 == i2
        else:
            assert op == CHANGE and i2 > i1 and j2 > j1
        out.extend(b[j1:j2])
        xi, yi = i2, j2
    assert (xi, yi) == (len(a), len(b))
    return out


def _mutate(rnd: random.Random, a: list, k: int) -> list:
    b = list(a)
    for _ in range(rnd.randint(0, 8)):
        r = rnd.random()
        if r < 0.4 and b:
            del b[rnd.randrange(len(b))]
        elif r < 0.8:
            b.insert(rnd.randint(0, len(b)), rnd.randint(0, k))
        elif b:
            b[rnd.randrange(len(b))] = rnd.randint(0, k)
    return b


@pytest.mark.parametrize("seed", range(4))
def test_same_edit_script_as_the_literal_algorithm(seed: int) -> None:
    rnd = random.Random(seed)
    for _ in range(1500):
        k = rnd.randint(1, 8)
        a = [rnd.randint(0, k) for _ in range(rnd.randint(0, 120 if seed == 3 else 40))]
        b = _mutate(rnd, a, k) if rnd.random() < 0.6 else [rnd.randint(0, k) for _ in a]
        got = engine.diff(a, b).ops
        assert got == reference_engine.diff(a, b).ops, (a, b)
        assert _apply(a, b, got) == b


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 5), max_size=60), st.lists(st.integers(0, 5), max_size=60))
def test_edit_script_is_valid_and_matches(a: list[int], b: list[int]) -> None:
    res = engine.diff(a, b)
    assert _apply(a, b, res.ops) == b
    assert res.ops == reference_engine.diff(a, b).ops


def test_identical_and_empty() -> None:
    assert engine.diff([], []).ops == []
    assert engine.diff([1, 2], [1, 2]).ops == [(COPY, 0, 2, 0, 2)]
    assert engine.diff([], [1]).ops == [(ADD, 0, 0, 0, 1)]
    assert engine.diff([1], []).ops == [(DEL, 0, 1, 0, 0)]


def test_bailout_past_the_complexity_limit() -> None:
    a, b = list(range(100)), list(range(100, 0, -1))
    res = engine.diff(a, b, bailout_complexity=50)
    assert res.bailout and res.ops == [(CHANGE, 0, 100, 0, 100)]
    assert not engine.diff(a, b).bailout


def test_shift_boundaries_merges_changes() -> None:
    # A repeated "x y" inserted after "x y": the inserted run slides back as far as it can,
    # as GNU diff's shift_boundaries (and so wikidiff2) places it.
    a = ["p", "x", "y", "q"]
    b = ["p", "x", "y", "x", "y", "q"]
    assert engine.diff(a, b).ops == [(COPY, 0, 1, 0, 1), (ADD, 1, 1, 1, 3), (COPY, 1, 4, 3, 6)]


def test_many_repeated_lines_are_fast_enough() -> None:
    a = ["|-", "x"] * 3000
    b = ["|-", "y"] * 3000
    ops = engine.diff(a, b).ops
    assert _apply(a, b, ops) == b
