"""The diff pipeline of MediaWiki's wikidiff2: line diff, line pairing, moved paragraphs.

1. Lines are diffed with ``engine.diff``.
2. Line pairing (wikidiff2's LineDiffProcessor): in a block of changed lines, the i-th old
   and i-th new line are shown side by side as one changed line only while their word-level
   similarity is above ``CHANGE_THRESHOLD``; a dissimilar pair becomes an added plus a deleted
   line, and unequal blocks leave their extra lines added or deleted.
   With ``max_split_size`` above 1, paragraph splits are detected instead (``split``).
3. Walking the ops, every added or deleted line is offered to the moved-paragraph detection
   (``moves``): the most similar line on the other side is shown at both places with links
   between them and the word diff of its edits.
4. Unchanged lines are shown ``context`` at a time around changes, after a line-number row.

Long texts are only split into lines around their changes (``lines.window``), and all the
diffs of a pair share a work budget (``engine.Budget``) past which they get coarser. The
result is a list of ``rows.Row`` that the formatters (``table``, ``inline``, ``jsonfmt``) turn
into HTML or JSON.
"""

from __future__ import annotations

from vellum.diff import engine
from vellum.diff.engine import ADD, CHANGE, COPY, DEL
from vellum.diff.lines import explode_lines, window
from vellum.diff.moves import MovedParagraphs
from vellum.diff.rows import ADDED, CONTEXT, DELETED, HEADER, SPLIT, WORDS, Row
from vellum.diff.split import ParagraphSplits
from vellum.diff.worddiff import (
    CHANGE_THRESHOLD,
    MAX_WORD_LEVEL_DIFF_COMPLEXITY,
    WordDiff,
    Words,
    length_bound,
)

# Unchanged lines kept around the changed region when the rest of the texts is left out
# (beyond the context lines): changes that slide that far fall back to the whole texts.
WINDOW_MARGIN = 16

# Work allowed for all the diffs of one revision pair (LCS steps, see engine.Budget, plus a
# cost per word diff); the real edits of the corpus use at most 5% of it.
WORK_BUDGET = 250_000

__all__ = [
    "Differ",
    "Row",
    "explode_lines",
    "ADDED",
    "CONTEXT",
    "DELETED",
    "HEADER",
    "SPLIT",
    "WORDS",
]


class Differ(MovedParagraphs, ParagraphSplits):
    """Runs the pipeline on two texts; ``rows`` is the result."""

    def __init__(
        self,
        old: str,
        new: str,
        context: int = 2,
        max_split_size: int = 1,
        use_window: bool = True,
    ) -> None:
        self.max_split_size = max_split_size
        self.context = context
        if use_window and old != new:
            w = window(old, new, max(context, 0) + WINDOW_MARGIN)
            if w is not None:
                self.a, self.b, self.off_a, self.off_b, ends = w
                if self._run(ends):
                    return
        # The whole texts (no window, or a change reached the window's edge).
        self.a = explode_lines(old)
        self.b = explode_lines(new)
        self.off_a = self.off_b = 0
        self._run((False, False))

    def _run(self, ends: tuple[bool, bool]) -> bool:
        """Diff self.a and self.b. ``ends`` says whether unchanged lines were left out before
        and after them: then the first and last ops must be unchanged lines, else False."""
        self._wa: dict[int, Words] = {}
        self._wb: dict[int, Words] = {}
        self._diffs: dict[tuple, WordDiff] = {}
        self.rows: list[Row] = []
        self.diff_map: dict = {}  # moves: (op index, line) -> candidate pair
        self._cands: dict[int, list[tuple[int, int, int, int]]] = {}
        self.budget = engine.Budget(WORK_BUDGET)
        self.coarse = False
        try:
            line_ops = engine.diff(self.a, self.b, 0, self.budget).ops
        except engine.TooComplex:
            self.budget.left = 0
            line_ops = self._coarse_line_ops()
        if ends[0] or ends[1]:
            # The unchanged lines at each cut end must cover the context and more.
            need = max(self.context, 0) + 1
            if not line_ops:
                return False
            op, i1, i2, _, _ = line_ops[0]
            if ends[0] and (op != COPY or i2 - i1 < need):
                return False
            op, i1, i2, _, _ = line_ops[-1]
            if ends[1] and (op != COPY or i2 - i1 < need):
                return False
        self.ops = self._process(line_ops)
        self._allow_moves = self._count_moves()
        self._print()
        return True

    def _coarse_line_ops(self) -> list[engine.Op]:
        """Past the work budget: the lines between the common head and tail are shown as
        deleted, then added (a coarser diff, still showing every change)."""
        self.coarse = True
        a, b = self.a, self.b
        head = engine._common_prefix(a, b, min(len(a), len(b)))
        tail = engine._common_suffix(a, b, min(len(a), len(b)) - head)
        ea, eb = len(a) - tail, len(b) - tail
        ops: list[engine.Op] = []
        if head:
            ops.append((COPY, 0, head, 0, head))
        if ea > head:
            ops.append((DEL, head, ea, head, head))
        if eb > head:
            ops.append((ADD, ea, ea, head, eb))
        if tail:
            ops.append((COPY, ea, len(a), eb, len(b)))
        return ops

    # -- word diffs, cached per pair of lines ---------------------------------------------

    def words_a(self, i: int) -> Words:
        w = self._wa.get(i)
        if w is None:
            text = self.a[i]
            w = self._wa[i] = Words(text) if self.budget.left > 0 else Words.whole(text)
        return w

    def words_b(self, j: int) -> Words:
        w = self._wb.get(j)
        if w is None:
            text = self.b[j]
            w = self._wb[j] = Words(text) if self.budget.left > 0 else Words.whole(text)
        return w

    def word_diff(self, i: int, j: int, reverse: bool = False) -> WordDiff:
        """Word diff of old line i to new line j (new to old with ``reverse``)."""
        key = (i, j, reverse)
        d = self._diffs.get(key)
        if d is None:
            if reverse:
                d = WordDiff(self.words_b(j), self.words_a(i), self.budget)
            else:
                d = WordDiff(self.words_a(i), self.words_b(j), self.budget)
            self._diffs[key] = d
        return d

    def _looks_like_change(self, i: int, j: int) -> bool:
        wa, wb = self.words_a(i), self.words_b(j)
        if (
            (i, j, False) not in self._diffs
            and len(wa.words) * len(wb.words) <= MAX_WORD_LEVEL_DIFF_COMPLEXITY
            and length_bound(wa, wb) <= CHANGE_THRESHOLD
        ):
            return False
        d = self.word_diff(i, j)
        return d.bailout or d.similarity > CHANGE_THRESHOLD

    # -- line pairing ---------------------------------------------------------------------

    def _process(self, line_ops: list[engine.Op]) -> list[tuple[int, list[int], list[int]]]:
        result: list[tuple[int, list[int], list[int]]] = []
        for op, i1, i2, j1, j2 in line_ops:
            if op != CHANGE:
                result.append((op, list(range(i1, i2)), list(range(j1, j2))))
                continue
            dels = list(range(i1, i2))
            adds = list(range(j1, j2))
            if self.max_split_size > 1:
                self._detect_changes(result, dels, adds)
                continue
            i = 0
            while i < len(dels) and i < len(adds):
                if not self._looks_like_change(dels[i], adds[i]):
                    if i > 0:
                        result.append((CHANGE, dels[:i], adds[:i]))
                        del dels[:i]
                        del adds[:i]
                        i = 0
                    result.append((ADD, [], [adds[i]]))
                    result.append((DEL, [dels[i]], []))
                    del adds[i]
                    del dels[i]
                    i -= 1
                i += 1
            if dels and adds:
                common = min(len(dels), len(adds))
                result.append((CHANGE, dels[:common], adds[:common]))
                if len(dels) > common:
                    result.append((DEL, dels[common:], []))
                if len(adds) > common:
                    result.append((ADD, [], adds[common:]))
            elif dels:
                result.append((DEL, dels, []))
            elif adds:
                result.append((ADD, [], adds))
        return result

    # -- paragraph splits (wikidiff2 1.14, off unless max_split_size > 1) ---------------

    # -- output -------------------------------------------------------------------------

    def _words_row(self, i: int, j: int) -> Row:
        r = Row(WORDS, "", i + 1 + self.off_a, j + 1 + self.off_b)
        r.wd = self.word_diff(i, j)
        self.rows.append(r)
        return r

    def _print(self) -> None:
        rows = self.rows
        ops = self.ops
        a, b = self.a, self.b
        ctx = self.context
        from_index = 1 + self.off_a
        to_index = 1 + self.off_b
        show_line_number = True
        last = len(ops) - 1
        for i, (op, frm, to) in enumerate(ops):
            if op != COPY and i == 0:
                rows.append(Row(HEADER, "", 1, 1))
            if op == ADD:
                for j, line in enumerate(to):
                    if not self._moved(i, j, from_index, to_index + j):
                        rows.append(Row(ADDED, b[line], 0, line + 1 + self.off_b))
                to_index += len(to)
            elif op == DEL:
                for j, line in enumerate(frm):
                    if not self._moved(i, j, from_index + j, to_index):
                        rows.append(Row(DELETED, a[line], line + 1 + self.off_a, 0))
                from_index += len(frm)
            elif op == COPY:
                n = len(frm)
                # Trailing context of the previous change, leading context of the next one.
                head = range(min(ctx, n)) if i != 0 else range(0)
                tail = range(max(n - ctx, 0), n) if i != last else range(0)
                if head and tail and tail.start <= head.stop:
                    shown: range | list[int] = range(n)
                else:
                    shown = [*head, *tail]
                prev = -1
                for j in shown:
                    if j > prev + 1:
                        show_line_number = True
                    if show_line_number:
                        rows.append(Row(HEADER, "", from_index + j, to_index + j))
                        show_line_number = False
                    rows.append(Row(CONTEXT, a[frm[j]], from_index + j, to_index + j))
                    prev = j
                from_index += n
                to_index += n
            elif len(frm) != len(to):
                # One old paragraph split into several new lines.
                r = Row(SPLIT, "", frm[0] + 1 + self.off_a, to[0] + 1 + self.off_b)
                r.wd = self._concat_diff(frm[0], to)
                rows.append(r)
                from_index += len(frm)
                to_index += len(to)
            else:
                for x, y in zip(frm, to, strict=False):
                    self._words_row(x, y)
                n = min(len(frm), len(to))
                from_index += n
                to_index += n
            show_line_number = False

    # -- moved paragraphs -----------------------------------------------------------------
