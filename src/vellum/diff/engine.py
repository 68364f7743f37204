"""The sequence diff engine (lines, or words inside a line), as wikidiff2's DiffEngine.

This is the Dairiki / Algorithm::Diff LCS that MediaWiki and wikidiff2 use: trim the common
head and tail, drop items that occur on one side only, find the LCS by chunked diagonals
(``diag``/``compareseq``), then slide changed runs as GNU diff's ``shift_boundaries`` does.
Reproducing the same algorithm (not just *an* LCS) matters: among several LCS of equal length
it picks the one wikidiff2 picks, so the marks land on the same words.

Items (lines, or word keys) are compared by value and must be hashable. Operations are
``(op, i1, i2, j1, j2)`` ranges with op one of COPY, DEL, ADD, CHANGE. The LCS walk differs
from the C++ one only in speed: for an item that repeats, it visits just the positions not
yet in the LCS chain (kept in sorted "free" lists) instead of all of them, which yields the
same chain, split points and so the same edit script.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Sequence
from itertools import compress
from operator import not_

COPY, DEL, ADD, CHANGE = 0, 1, 2, 3
MAX_CHUNKS = 8

Op = tuple[int, int, int, int, int]


class TooComplex(Exception):
    """The diff would exceed its work budget (see ``Budget``)."""


class Budget:
    """A number of LCS steps several diffs may share; past it ``diff`` raises TooComplex.

    wikidiff2 (C++) only bounds the word diff by the product of the sizes; in Python the
    same pathological inputs (shuffled text, thousands of near-identical lines) would take
    minutes, so every diff of one revision pair draws on one budget of steps.
    """

    __slots__ = ("left",)

    def __init__(self, steps: int) -> None:
        self.left = steps


class DiffResult:
    """The edit script of one diff; ``bailout`` when it was too complex to compute."""

    __slots__ = ("ops", "bailout")

    def __init__(self, ops: list[Op], bailout: bool = False) -> None:
        self.ops = ops
        self.bailout = bailout


def _common_prefix(a: Sequence, b: Sequence, lim: int) -> int:
    """Length of the common head of a and b, at most lim (a plain loop over the first items,
    then galloping slice compares)."""
    n = 0
    m = lim if lim < 48 else 48
    while n < m and a[n] == b[n]:
        n += 1
    if n < m or n == lim:
        return n
    step = 16
    while n + step <= lim and a[n : n + step] == b[n : n + step]:
        n += step
        step *= 2
    hi = min(n + step, lim)
    while n < hi:
        mid = (n + hi + 1) // 2
        if a[n:mid] == b[n:mid]:
            n = mid
        else:
            hi = mid - 1
    return n


def _common_suffix(a: Sequence, b: Sequence, lim: int) -> int:
    """Length of the common tail of a and b, at most lim."""
    na, nb = len(a), len(b)
    n = 0
    m = lim if lim < 48 else 48
    while n < m and a[na - 1 - n] == b[nb - 1 - n]:
        n += 1
    if n < m or n == lim:
        return n
    step = 16
    while n + step <= lim and a[na - n - step : na - n] == b[nb - n - step : nb - n]:
        n += step
        step *= 2
    hi = min(n + step, lim)
    while n < hi:
        mid = (n + hi + 1) // 2
        if a[na - mid : na - n] == b[nb - mid : nb - n]:
            n = mid
        else:
            hi = mid - 1
    return n


def diff(
    a: Sequence, b: Sequence, bailout_complexity: int = 0, budget: Budget | None = None
) -> DiffResult:
    """Diff two sequences; past ``bailout_complexity`` (product of the trimmed sizes, 0 = no
    limit) the whole of ``a`` is shown replaced by the whole of ``b``. With a ``budget``,
    raises TooComplex when the LCS search would need more steps than it has left."""
    n_from, n_to = len(a), len(b)
    # Skip the common head and tail (the tail never reaches back to the head's end).
    skip = _common_prefix(a, b, min(n_from, n_to))
    if skip == n_from == n_to:
        return DiffResult([(COPY, 0, n_from, 0, n_to)] if n_from else [])
    endskip = _common_suffix(a, b, max(0, min(n_from, n_to) - 1 - skip))

    if bailout_complexity > 0:
        complexity = (n_from - skip - endskip) * (n_to - skip - endskip)
        if complexity > bailout_complexity:
            return DiffResult([(CHANGE, 0, n_from, 0, n_to)], True)

    xchanged = bytearray(n_from)
    ychanged = bytearray(n_to)
    xend, yend = n_from - endskip, n_to - endskip
    mid_a = a[skip:xend]
    mid_b = b[skip:yend]
    if not mid_a or not mid_b:
        # Pure insertion or deletion: no LCS to find.
        xchanged[skip:xend] = b"\x01" * (xend - skip)
        ychanged[skip:yend] = b"\x01" * (yend - skip)
    else:
        # Items found on one side only are changed; the LCS is searched among the others.
        yflags = list(map(set(mid_a).__contains__, mid_b))
        yv: list = list(compress(mid_b, yflags))
        yind: list[int] = list(compress(range(skip, yend), yflags))
        ychanged[skip:yend] = bytes(map(not_, yflags))
        xflags = list(map(set(yv).__contains__, mid_a))
        xv: list = list(compress(mid_a, xflags))
        xind: list[int] = list(compress(range(skip, xend), xflags))
        xchanged[skip:xend] = bytes(map(not_, xflags))
        if xv:
            _compareseq(xv, yv, xind, yind, xchanged, ychanged, budget or Budget(1 << 62))

    _shift_boundaries(a, xchanged, ychanged)
    _shift_boundaries(b, ychanged, xchanged)
    return DiffResult(_ops(xchanged, ychanged, n_from, n_to))


def _ops(xchanged: bytearray, ychanged: bytearray, n_from: int, n_to: int) -> list[Op]:
    ops: list[Op] = []
    xi = yi = 0
    xfind, yfind = xchanged.find, ychanged.find
    while xi < n_from or yi < n_to:
        px = xfind(1, xi)
        if px < 0:
            px = n_from
        py = yfind(1, yi)
        if py < 0:
            py = n_to
        n = min(px - xi, py - yi)
        if n > 0:
            ops.append((COPY, xi, xi + n, yi, yi + n))
            xi += n
            yi += n
        x0, y0 = xi, yi
        if xi < n_from and xchanged[xi]:
            xi = xfind(0, xi)
            if xi < 0:
                xi = n_from
        if yi < n_to and ychanged[yi]:
            yi = yfind(0, yi)
            if yi < 0:
                yi = n_to
        if xi > x0 and yi > y0:
            ops.append((CHANGE, x0, xi, y0, yi))
        elif xi > x0:
            ops.append((DEL, x0, xi, y0, y0))
        elif yi > y0:
            ops.append((ADD, x0, x0, y0, yi))
    return ops


def _compareseq(
    xv: list,
    yv: list,
    xind: list[int],
    yind: list[int],
    xchanged: bytearray,
    ychanged: bytearray,
    budget: Budget,
) -> None:
    """Mark the items of xv/yv outside their LCS as changed (iterative compareseq)."""
    seq = [0] * (max(len(xv), len(yv)) + 2)
    stack = [(0, len(xv), 0, len(yv))]
    while stack:
        xoff, xlim, yoff, ylim = stack.pop()
        # Slide down the initial diagonal, and up the final one.
        n = min(xlim - xoff, ylim - yoff)
        if n > 8:
            k = _common_prefix(xv[xoff:xlim], yv[yoff:ylim], n)
            xoff += k
            yoff += k
        else:
            while xoff < xlim and yoff < ylim and xv[xoff] == yv[yoff]:
                xoff += 1
                yoff += 1
        n = min(xlim - xoff, ylim - yoff)
        if n > 8:
            k = _common_suffix(xv[xoff:xlim], yv[yoff:ylim], n)
            xlim -= k
            ylim -= k
        else:
            while xlim > xoff and ylim > yoff and xv[xlim - 1] == yv[ylim - 1]:
                xlim -= 1
                ylim -= 1
        if xoff == xlim or yoff == ylim:
            lcs = 0
        else:
            nchunks = min(MAX_CHUNKS - 1, xlim - xoff, ylim - yoff) + 1
            lcs, seps = _diag(xv, yv, seq, xoff, xlim, yoff, ylim, nchunks, budget)
        if lcs == 0:
            for y in range(yoff, ylim):
                ychanged[yind[y]] = 1
            for x in range(xoff, xlim):
                xchanged[xind[x]] = 1
        else:
            # Sub-problems write disjoint ranges, so their order does not matter.
            for k in range(len(seps) - 1, 0, -1):
                p1, p2 = seps[k - 1], seps[k]
                stack.append((p1[0], p2[0], p1[1], p2[1]))


def _diag(
    xv: list,
    yv: list,
    seq: list[int],
    xoff: int,
    xlim: int,
    yoff: int,
    ylim: int,
    nchunks: int,
    budget: Budget,
) -> tuple[int, list[tuple[int, int]]]:
    """Divide the LCS of [xoff, xlim) x [yoff, ylim) into nchunks parts (see DiffEngine.h)."""
    flip = False
    if xlim - xoff > ylim - yoff:
        # The shorter sequence goes in X.
        flip = True
        xoff, yoff = yoff, xoff
        xlim, ylim = ylim, xlim
        xs, ys = yv, xv
    else:
        xs, ys = xv, yv

    # Positions of each item on the y side that are not in the current LCS chain, ascending.
    # wikidiff2 walks all positions of an item in descending order, skipping those in the
    # chain; a run of positions between two chain entries only leaves its lowest one in the
    # chain. Walking the free positions with bisect gives the same chain and ymids in far
    # fewer steps when items repeat (blank lines, table row markers).
    steps = (xlim - xoff) + (ylim - yoff)
    limit = budget.left
    if steps > limit:
        raise TooComplex
    free: dict = {}
    for i in range(yoff, ylim):
        item = ys[i]
        m = free.get(item)
        if m is None:
            free[item] = [i]
        else:
            m.append(i)

    nlines = ylim - yoff
    lcs = 0
    seq[0] = yoff - 1
    ymids = [0] * ((nlines + 1) * nchunks)
    numer = xlim - xoff + nchunks - 1
    span = xlim - xoff
    x = xoff
    for chunk in range(nchunks):
        if chunk > 0:
            # Row i of ymids, column chunk-1: where the chain of length i stood.
            ymids[chunk - 1 : (lcs + 1) * nchunks : nchunks] = seq[: lcs + 1]
            steps += lcs // 8
        x1 = xoff + (numer + span * chunk) // nchunks
        while x < x1:
            fl = free.get(xs[x])
            x += 1
            if not fl:
                continue
            idx = len(fl) - 1
            y = fl[idx]
            # Each step costs more on long free lists (list inserts and deletes move them).
            cost = 1 + (idx >> 5)
            while True:
                steps += cost
                if steps > limit:
                    raise TooComplex
                # lcs_pos(y): put y in the chain
                if lcs == 0 or y > seq[lcs]:
                    lcs += 1
                    k = lcs
                else:
                    k = bisect_left(seq, y, 1, lcs + 1)
                    old = seq[k]
                    insort(free[ys[old]], old)  # back among its item's free positions
                seq[k] = y
                del fl[idx]
                base = k * nchunks
                ymids[base : base + nchunks] = ymids[base - nchunks : base]
                # Positions between the previous chain entry and y replace y in turn.
                lo = seq[k - 1]
                j = bisect_right(fl, lo, 0, idx)
                if j < idx:
                    y2 = fl[j]
                    del fl[j]
                    insort(fl, y)
                    seq[k] = y2
                    idx = j
                if idx == 0:
                    break
                idx -= 1
                y = fl[idx]

    budget.left -= steps
    seps: list[tuple[int, int]] = [(yoff, xoff) if flip else (xoff, yoff)]
    ymid = lcs * nchunks
    for n in range(nchunks - 1):
        x1 = xoff + (numer + span * n) // nchunks
        y1 = ymids[ymid + n] + 1
        seps.append((y1, x1) if flip else (x1, y1))
    seps.append((ylim, xlim) if flip else (xlim, ylim))
    return lcs, seps


def _shift_boundaries(lines: Sequence, changed: bytearray, other_changed: bytearray) -> None:
    """Slide runs of changes so they merge where possible (GNU diffutils analyze.c).

    i and j move together so that changed[:i] and other_changed[:j] hold as many unchanged
    lines; stretches without changes are skipped with bytearray.find.
    """
    i = j = 0
    length = len(lines)
    other_len = len(other_changed)
    find, ofind = changed.find, other_changed.find
    while True:
        if j < other_len and other_changed[j]:
            j = ofind(0, j)
            if j < 0:
                j = other_len
        p = find(1, i)
        if p < 0:
            break
        # Consume p - i unchanged lines on the other side, skipping its changed runs.
        count = p - i
        i = p
        while count:
            q = ofind(1, j)
            if q < 0:
                j += count
                break
            run = q - j
            if run > count:
                j += count
                break
            count -= run
            j = ofind(0, q)
            if j < 0:
                j = other_len
        start = i
        i = find(0, i + 1)
        if i < 0:
            i = length
        while True:
            runlength = i - start
            # Move the changed region back while the previous unchanged line matches the
            # last changed one: this merges with earlier changed regions.
            while start > 0 and lines[start - 1] == lines[i - 1]:
                start -= 1
                changed[start] = 1
                i -= 1
                changed[i] = 0
                while start > 0 and changed[start - 1]:
                    start -= 1
                j -= 1
                while other_changed[j]:
                    j -= 1
            corresponding = i if j < other_len else length
            # Move it forward while the first changed line matches the following one.
            while i < length and lines[start] == lines[i]:
                changed[start] = 0
                start += 1
                changed[i] = 1
                i += 1
                while i < length and changed[i]:
                    i += 1
                j += 1
                if j < other_len and other_changed[j]:
                    corresponding = i
                    while j < other_len and other_changed[j]:
                        j += 1
            if runlength == i - start:
                break
        # Move the fully merged run back to a corresponding run in the other file.
        while corresponding < i:
            start -= 1
            changed[start] = 1
            i -= 1
            changed[i] = 0
            j -= 1
            while other_changed[j]:
                j -= 1
