"""Diffing only the changed region of long texts gives the same output as the whole texts."""

from __future__ import annotations

import random

import pytest

from vellum.diff import core, inline, table


def _render(old: str, new: str, context: int, window: bool) -> tuple[str, str]:
    d = core.Differ(old, new, context, 1, window)
    return table.render(d.rows), inline.render(d.rows)


@pytest.mark.parametrize("margin", [0, 1, core.WINDOW_MARGIN])
def test_window_gives_the_same_diff(monkeypatch, margin: int) -> None:
    monkeypatch.setattr(core, "WINDOW_MARGIN", margin)
    rnd = random.Random(margin)
    # Few distinct lines, so that changed runs can slide across the window's edges.
    pool = ["", "", "|-", "| a cell", "== Heading ==", "Some text here.", "More text, here."]
    for _ in range(400):
        lines = [rnd.choice(pool) for _ in range(rnd.randint(0, 40))]
        new = list(lines)
        for _ in range(rnd.randint(1, 3)):
            i = rnd.randint(0, len(new))
            r = rnd.random()
            if r < 0.3 and i < len(new):
                del new[i]
            elif r < 0.7:
                new.insert(i, rnd.choice(pool))
            elif i < len(new):
                new[i] += " changed"
        old_t = "\n".join(lines) + rnd.choice(["", "\n"])
        new_t = "\n".join(new) + rnd.choice(["", "\n"])
        context = rnd.choice([0, 1, 2, 3])
        assert _render(old_t, new_t, context, True) == _render(old_t, new_t, context, False)


def test_window_line_numbers() -> None:
    old = "".join(f"line {i}\n" for i in range(1, 501))
    new = old.replace("line 250\n", "line 250 changed\n")
    d = core.Differ(old, new)
    assert len(d.a) < 100  # only the region around the change was split
    out = table.render(d.rows)
    assert "<!--LINE 248-->" in out
    assert out == _render(old, new, 2, False)[0]


def test_text_head_and_tail_match_the_sequence_versions() -> None:
    from vellum.diff import engine, lines

    rnd = random.Random(9)
    for _ in range(3000):
        a = "".join(rnd.choice("ab\né") for _ in range(rnd.randint(0, 300)))
        b = a
        if rnd.random() < 0.8:
            i = rnd.randint(0, len(b))
            b = b[:i] + rnd.choice(["x", "", "é\n"]) + b[i + rnd.randint(0, 3) :]
        lim = rnd.randint(0, min(len(a), len(b)))
        assert lines.text_prefix(a, b, lim) == engine._common_prefix(a, b, lim)
        assert lines.text_suffix(a, b, lim) == engine._common_suffix(a, b, lim)
