"""Moved paragraphs, as wikidiff2's printMovedLineDiff finds them.

Each added or deleted line looks for the most similar line on the other side (similarity above
``MOVED_LINE_THRESHOLD``, wikidiff2.moved_line_threshold); a pair found is shown at both
places, with ``mw-diff-movedpara-left/right`` links and ``movedpara_*`` anchors, each side
with the word diff of the edit. Nothing is searched past ``MAX_MOVED_LINES`` added+deleted
lines (wikidiff2.moved_paragraph_detection_cutoff). A mixin of ``core.Differ``.
"""

from __future__ import annotations

from vellum.diff.engine import ADD, DEL
from vellum.diff.worddiff import MAX_WORD_LEVEL_DIFF_COMPLEXITY, Words, similarity_bound

MOVED_LINE_THRESHOLD = 0.4
MAX_MOVED_LINES = 100


class _Entry:
    """A moved-paragraph candidate pair (wikidiff2's DiffMapEntry)."""

    __slots__ = ("sim", "from_index", "from_line", "to_index", "to_line", "lhs", "rhs")

    def __init__(self, sim: float, fi: int, fl: int, ti: int, tl: int) -> None:
        self.sim = sim
        self.from_index, self.from_line = fi, fl
        self.to_index, self.to_line = ti, tl
        self.lhs = self.rhs = False


def _anchor(index: int, line: int, lhs: bool) -> str:
    return f"movedpara_{index}_{line}_{'lhs' if lhs else 'rhs'}"


def _is_next(op_index: int, op_line: int, other_index: int, other_line: int) -> bool:
    return (other_index == op_index and other_line == op_line + 1) or (
        other_index == op_index + 1 and other_line == 0
    )


class MovedParagraphs:
    """The moved-paragraph part of ``core.Differ``."""

    def _count_moves(self) -> bool:
        adds = dels = 0
        for op, frm, to in self.ops:
            if op == ADD:
                adds += len(to)
            elif op == DEL:
                dels += len(frm)
            if adds + dels > MAX_MOVED_LINES:
                return False
        return True

    def _bound_le(self, a: Words, b: Words, limit: float) -> bool:
        """Whether the similarity of a and b is certainly at most ``limit``."""
        self.budget.left -= 1 + (len(a.words) + len(b.words)) // 64
        return similarity_bound(a, b, limit) <= limit

    def _moved(self, op_index: int, op_line: int, left_line: int, right_line: int) -> bool:
        """wikidiff2's printMovedLineDiff: show this added/deleted line as moved if it can."""
        if not self._allow_moves:
            return False
        ops = self.ops
        diff_map = self.diff_map
        op = ops[op_index][0]
        print_left = op == DEL

        def cmp_entries(other_index: int, other_line: int) -> bool:
            other = diff_map.get((other_index, other_line))
            if other is not None:
                if print_left:
                    same = other.from_index == op_index and other.from_line == op_line
                    shown = other.lhs
                else:
                    same = other.to_index == op_index and other.to_line == op_line
                    shown = other.rhs
                if not same and shown:
                    return False
            return True

        key = (op_index, op_line)
        best = diff_map.get(key)
        if best is not None:
            if op == ADD:
                other_index, other_line = best.from_index, best.from_line
            else:
                other_index, other_line = best.to_index, best.to_line
            if not cmp_entries(other_index, other_line):
                return False
            if _is_next(other_index, other_line, op_index, op_line):
                return True  # already shown as a changed line
            self._moved_row(best, print_left, op_index, op_line, other_index, other_line)
            if print_left:
                best.lhs = True
            else:
                best.rhs = True
            return True

        other_op = DEL if op == ADD else ADD
        if op == ADD:
            this_line = ops[op_index][2][op_line]
            this_words = self.words_b(this_line)
        else:
            this_line = ops[op_index][1][op_line]
            this_words = self.words_a(this_line)
        found: _Entry | None = None
        found_sim = 0.0
        diffs = self._diffs
        budget = self.budget
        get_words = self.words_a if op == ADD else self.words_b
        this_size = this_words.size()
        this_n = len(this_words.words)
        for i, k, line, other_size in self._candidates(other_op):
            if diff_map:
                entry = diff_map.get((i, k))
                if entry is not None and (entry.lhs if print_left else entry.rhs):
                    continue
                potential = cmp_entries(i, k)
                if found is not None and not potential:
                    continue  # cannot replace the current candidate
            else:
                potential = True
            # The similarity is that of the diff from the added to the deleted line.
            if op == ADD:
                old_i, new_j = line, this_line
            else:
                old_i, new_j = this_line, line
            key3 = (old_i, new_j, True)
            known = diffs.get(key3)
            if known is not None:
                sim = known.similarity
            elif budget.left <= 0:
                sim = 0.0  # out of budget: as a word diff past its limit, no move
            else:
                floor = MOVED_LINE_THRESHOLD if found_sim < MOVED_LINE_THRESHOLD else found_sim
                # Cheap bounds first: the similarity cannot beat the current candidate or
                # pass the threshold; as a first candidate it only needs a similarity no
                # higher than its bound.
                lo, hi = (
                    (this_size, other_size) if this_size < other_size else (other_size, this_size)
                )
                if hi and lo / hi <= floor:
                    if found is not None:
                        continue
                    sim = lo / hi
                else:
                    other_words = get_words(line)
                    if this_n * len(other_words.words) <= MAX_WORD_LEVEL_DIFF_COMPLEXITY and (
                        self._bound_le(this_words, other_words, floor)
                    ):
                        if found is not None:
                            continue
                        sim = similarity_bound(this_words, other_words)
                    else:
                        sim = self.word_diff(old_i, new_j, True).similarity
            if found is None or (sim > found_sim and potential):
                if op == ADD:
                    found = _Entry(sim, i, k, op_index, op_line)
                else:
                    found = _Entry(sim, op_index, op_line, i, k)
                found_sim = sim

        if found is not None and found.sim > MOVED_LINE_THRESHOLD:
            if op == ADD:
                other_index, other_line = found.from_index, found.from_line
            else:
                other_index, other_line = found.to_index, found.to_line
            if not cmp_entries(other_index, other_line):
                return False
            if (other_index, other_line) in diff_map:
                return False
            if print_left:
                found.lhs = True
            else:
                found.rhs = True
            diff_map[key] = found
            diff_map[(other_index, other_line)] = found
            if _is_next(op_index, op_line, other_index, other_line):
                self._words_row(
                    ops[found.from_index][1][found.from_line], ops[found.to_index][2][found.to_line]
                )
                found.lhs = found.rhs = True
            else:
                self._moved_row(found, print_left, op_index, op_line, other_index, other_line)
            return True
        return False

    def _candidates(self, op: int) -> list[tuple[int, int, int, int]]:
        """(op index, line in op, line number, UTF-8 size) of every added (or deleted) line."""
        cands = self._cands.get(op)
        if cands is None:
            cands = []
            texts = self.b if op == ADD else self.a
            for i, (opi, frm, to) in enumerate(self.ops):
                if opi == op:
                    for k, line in enumerate(to if op == ADD else frm):
                        t = texts[line]
                        size = len(t) if t.isascii() else len(t.encode("utf-8", "surrogatepass"))
                        cands.append((i, k, line, size))
            self._cands[op] = cands
        return cands

    def _moved_row(
        self,
        entry: _Entry,
        print_left: bool,
        op_index: int,
        op_line: int,
        other_index: int,
        other_line: int,
    ) -> None:
        ops = self.ops
        r = self._words_row(
            ops[entry.from_index][1][entry.from_line], ops[entry.to_index][2][entry.to_line]
        )
        r.left = print_left
        r.right = not print_left
        r.src = _anchor(op_index, op_line, print_left)
        r.dst = _anchor(other_index, other_line, not print_left)
        r.down = other_index > op_index or (other_index == op_index and other_line > op_line)
