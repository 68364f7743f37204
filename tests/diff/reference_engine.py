"""A literal port of wikidiff2's DiffEngine (one step per match, as in C++), for tests.

vellum.diff.engine must give exactly the same edit scripts, only faster. Original notes:


This is the Dairiki / Algorithm::Diff LCS that MediaWiki and wikidiff2 use: trim the common
head and tail, drop items that occur on one side only, find the LCS by chunked diagonals
(``diag``/``compareseq``), then slide changed runs as GNU diff's ``shift_boundaries`` does.
Reproducing the same algorithm (not just *an* LCS) matters: among several LCS of equal length
it picks the one wikidiff2 picks, so the marks land on the same words.

Items are compared by value; callers pass small ints (interned lines or words) for speed.
Operations are ``(op, i1, i2, j1, j2)`` ranges with op one of COPY, DEL, ADD, CHANGE.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

COPY, DEL, ADD, CHANGE = 0, 1, 2, 3
MAX_CHUNKS = 8

Op = tuple[int, int, int, int, int]


class DiffResult:
    """The edit script of one diff; ``bailout`` when it was too complex to compute."""

    __slots__ = ("ops", "bailout")

    def __init__(self, ops: list[Op], bailout: bool = False) -> None:
        self.ops = ops
        self.bailout = bailout


def diff(a: Sequence, b: Sequence, bailout_complexity: int = 0) -> DiffResult:
    """Diff two sequences; past ``bailout_complexity`` (product of the trimmed sizes, 0 = no
    limit) the whole of ``a`` is shown replaced by the whole of ``b``."""
    n_from, n_to = len(a), len(b)
    # Skip the common head and tail.
    skip = 0
    lim = min(n_from, n_to)
    while skip < lim and a[skip] == b[skip]:
        skip += 1
    if skip == n_from == n_to:
        return DiffResult([(COPY, 0, n_from, 0, n_to)] if n_from else [])
    endskip = 0
    xi, yi = n_from - 1, n_to - 1
    while xi > skip and yi > skip and a[xi] == b[yi]:
        endskip += 1
        xi -= 1
        yi -= 1

    if bailout_complexity > 0:
        complexity = (n_from - skip - endskip) * (n_to - skip - endskip)
        if complexity > bailout_complexity:
            return DiffResult([(CHANGE, 0, n_from, 0, n_to)], True)

    xchanged = [False] * n_from
    ychanged = [False] * n_to
    mid_a = a[skip : n_from - endskip]
    mid_b = b[skip : n_to - endskip]
    if not mid_a or not mid_b:
        # Pure insertion or deletion: no LCS to find.
        for i in range(skip, n_from - endskip):
            xchanged[i] = True
        for j in range(skip, n_to - endskip):
            ychanged[j] = True
    else:
        xset = set(mid_a)
        yv: list = []
        yind: list[int] = []
        yset = set()
        for j, item in enumerate(mid_b, skip):
            if item in xset:
                yset.add(item)
                yv.append(item)
                yind.append(j)
            else:
                ychanged[j] = True
        xv: list = []
        xind: list[int] = []
        for i, item in enumerate(mid_a, skip):
            if item in yset:
                xv.append(item)
                xind.append(i)
            else:
                xchanged[i] = True
        if xv:
            _compareseq(xv, yv, xind, yind, xchanged, ychanged)

    _shift_boundaries(a, xchanged, ychanged)
    _shift_boundaries(b, ychanged, xchanged)
    return DiffResult(_ops(xchanged, ychanged, n_from, n_to))


def _ops(xchanged: list[bool], ychanged: list[bool], n_from: int, n_to: int) -> list[Op]:
    ops: list[Op] = []
    xi = yi = 0
    while xi < n_from or yi < n_to:
        x0, y0 = xi, yi
        while xi < n_from and yi < n_to and not xchanged[xi] and not ychanged[yi]:
            xi += 1
            yi += 1
        if xi > x0:
            ops.append((COPY, x0, xi, y0, yi))
        x0, y0 = xi, yi
        while xi < n_from and xchanged[xi]:
            xi += 1
        while yi < n_to and ychanged[yi]:
            yi += 1
        if xi > x0 and yi > y0:
            ops.append((CHANGE, x0, xi, y0, yi))
        elif xi > x0:
            ops.append((DEL, x0, xi, y0, y0))
        elif yi > y0:
            ops.append((ADD, x0, x0, y0, yi))
    return ops


def _compareseq(
    xv: list, yv: list, xind: list[int], yind: list[int], xchanged: list[bool], ychanged: list[bool]
) -> None:
    """Mark the items of xv/yv outside their LCS as changed (iterative compareseq)."""
    seq = [0] * (max(len(xv), len(yv)) + 2)
    stack = [(0, len(xv), 0, len(yv))]
    while stack:
        xoff, xlim, yoff, ylim = stack.pop()
        while xoff < xlim and yoff < ylim and xv[xoff] == yv[yoff]:
            xoff += 1
            yoff += 1
        while xlim > xoff and ylim > yoff and xv[xlim - 1] == yv[ylim - 1]:
            xlim -= 1
            ylim -= 1
        if xoff == xlim or yoff == ylim:
            lcs = 0
        else:
            nchunks = min(MAX_CHUNKS - 1, xlim - xoff, ylim - yoff) + 1
            lcs, seps = _diag(xv, yv, seq, xoff, xlim, yoff, ylim, nchunks)
        if lcs == 0:
            for y in range(yoff, ylim):
                ychanged[yind[y]] = True
            for x in range(xoff, xlim):
                xchanged[xind[x]] = True
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

    ymatches: dict = {}
    for i in range(ylim - 1, yoff - 1, -1):
        item = ys[i]
        m = ymatches.get(item)
        if m is None:
            ymatches[item] = [i]
        else:
            m.append(i)

    nlines = ylim - yoff
    lcs = 0
    seq[0] = yoff - 1
    in_seq: set[int] = set()
    ymids = [0] * ((nlines + 1) * nchunks)
    numer = xlim - xoff + nchunks - 1
    span = xlim - xoff
    x = xoff
    for chunk in range(nchunks):
        if chunk > 0:
            c = chunk - 1
            for i in range(lcs + 1):
                ymids[i * nchunks + c] = seq[i]
        x1 = xoff + (numer + span * chunk) // nchunks
        while x < x1:
            matches = ymatches.get(xs[x])
            x += 1
            if matches is None:
                continue
            k = 0
            n = len(matches)
            p = 0
            while p < n:
                y = matches[p]
                p += 1
                if y not in in_seq:
                    # lcs_pos(y)
                    if lcs == 0 or y > seq[lcs]:
                        lcs += 1
                        seq[lcs] = y
                        in_seq.add(y)
                        k = lcs
                    else:
                        k = bisect_left(seq, y, 1, lcs + 1)
                        in_seq.discard(seq[k])
                        seq[k] = y
                        in_seq.add(y)
                    base = k * nchunks
                    ymids[base : base + nchunks] = ymids[base - nchunks : base]
                    break
            while p < n:
                y = matches[p]
                p += 1
                if y > seq[k - 1]:
                    # The common case: the next match just replaces the previous one.
                    in_seq.discard(seq[k])
                    seq[k] = y
                    in_seq.add(y)
                elif y not in in_seq:
                    if lcs == 0 or y > seq[lcs]:
                        lcs += 1
                        seq[lcs] = y
                        in_seq.add(y)
                        k = lcs
                    else:
                        k = bisect_left(seq, y, 1, lcs + 1)
                        in_seq.discard(seq[k])
                        seq[k] = y
                        in_seq.add(y)
                    base = k * nchunks
                    ymids[base : base + nchunks] = ymids[base - nchunks : base]

    seps: list[tuple[int, int]] = [(yoff, xoff) if flip else (xoff, yoff)]
    ymid = lcs * nchunks
    for n in range(nchunks - 1):
        x1 = xoff + (numer + span * n) // nchunks
        y1 = ymids[ymid + n] + 1
        seps.append((y1, x1) if flip else (x1, y1))
    seps.append((ylim, xlim) if flip else (xlim, ylim))
    return lcs, seps


def _shift_boundaries(lines: Sequence, changed: list[bool], other_changed: list[bool]) -> None:
    """Slide runs of changes so they merge where possible (GNU diffutils analyze.c)."""
    i = j = 0
    length = len(lines)
    other_len = len(other_changed)
    while True:
        while j < other_len and other_changed[j]:
            j += 1
        while i < length and not changed[i]:
            i += 1
            j += 1
            while j < other_len and other_changed[j]:
                j += 1
        if i == length:
            break
        start = i
        i += 1
        while i < length and changed[i]:
            i += 1
        while True:
            runlength = i - start
            # Move the changed region back while the previous unchanged line matches the
            # last changed one: this merges with earlier changed regions.
            while start > 0 and lines[start - 1] == lines[i - 1]:
                start -= 1
                changed[start] = True
                i -= 1
                changed[i] = False
                while start > 0 and changed[start - 1]:
                    start -= 1
                j -= 1
                while other_changed[j]:
                    j -= 1
            corresponding = i if j < other_len else length
            # Move it forward while the first changed line matches the following one.
            while i < length and lines[start] == lines[i]:
                changed[start] = False
                start += 1
                changed[i] = True
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
            changed[start] = True
            i -= 1
            changed[i] = False
            j -= 1
            while other_changed[j]:
                j -= 1
