"""The diff pipeline of MediaWiki's wikidiff2: line diff, line pairing, moved paragraphs.

1. Lines are diffed with ``engine.diff``.
2. Line pairing (wikidiff2's LineDiffProcessor): in a block of changed lines, the i-th old
   and i-th new line are shown side by side as one changed line only while their word-level
   similarity is above ``CHANGE_THRESHOLD``; a dissimilar pair becomes an added plus a deleted
   line, and unequal blocks leave their extra lines added or deleted.
3. Walking the ops, every added or deleted line is offered to the moved-paragraph detection
   (``_moved``): the most similar line on the other side (similarity above
   ``MOVED_LINE_THRESHOLD``) is shown at both places with links between them and the word
   diff of its edits. Past ``MAX_MOVED_LINES`` added+deleted lines nothing is detected.
4. Unchanged lines are shown ``context`` at a time around changes, after a line-number row.

The result is a list of ``Row`` events that the formatters (``table``, ``inline``,
``jsonfmt``) turn into HTML or JSON.
"""

from __future__ import annotations

from collections import Counter
from itertools import accumulate

from vellum.diff import engine
from vellum.diff.engine import ADD, CHANGE, COPY, DEL
from vellum.diff.words import explode_words

CHANGE_THRESHOLD = 0.2
MOVED_LINE_THRESHOLD = 0.4
MAX_MOVED_LINES = 100
MAX_WORD_LEVEL_DIFF_COMPLEXITY = 40_000_000
# Paragraph split detection (wikidiff2 1.14's max_split_size, initial_split_threshold and
# final_split_threshold). wikidiff2 1.13 has none, and 1.14 ships it off (max_split_size 1).
INITIAL_SPLIT_THRESHOLD = 0.1
FINAL_SPLIT_THRESHOLD = 0.6
NEWLINE = "\n"  # the word that joins the lines of a split paragraph

# Unchanged lines kept around the changed region when the rest of the texts is left out
# (beyond the context lines): changes that slide that far fall back to the whole texts.
WINDOW_MARGIN = 16

# Steps of LCS search allowed for all the diffs of one revision pair (see engine.Budget);
# the corpus of real edits needs at most a few percent of it.
WORK_BUDGET = 100_000
WORD_DIFF_COST = 40  # budget charged per word diff, plus a quarter of its words

_SPACES = (" ", "\t")

# Row kinds
HEADER, CONTEXT, ADDED, DELETED, WORDS, SPLIT = range(6)


def explode_lines(text: str) -> list[str]:
    """Lines as wikidiff2 splits them: on "\\n"; a final "\\n" starts no extra line."""
    if not text:
        return []
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    return lines


class Words:
    """One line split into words, with the character offset where each word starts."""

    __slots__ = ("text", "words", "keys", "offs", "ascii", "_counts", "_size")

    def __init__(self, text: str) -> None:
        self.text = text
        words = explode_words(text)
        self.words = words
        # Words are compared by their "body". A space or tab that starts a line and is not
        # followed by another one gets an empty body in wikidiff2 (it becomes the whitespace
        # suffix of an empty first word), so it only matches another such word.
        if text[:1] in _SPACES and text[1:2] not in _SPACES:
            self.keys = ["", *words[1:]]
        else:
            self.keys = words
        self.offs = [0, *accumulate(map(len, words))]
        self.ascii = text.isascii()
        self._counts: Counter[str] | None = None
        self._size = -1

    @classmethod
    def whole(cls, text: str) -> Words:
        """The line as a single word (once the work budget is spent)."""
        w = cls.__new__(cls)
        w.text = text
        w.words = w.keys = [text] if text else []
        w.offs = [0, len(text)] if text else [0]
        w.ascii = text.isascii()
        w._counts = None
        w._size = -1
        return w

    @classmethod
    def concat(cls, parts: list[Words]) -> Words:
        """Several lines as one word sequence, joined by a newline word."""
        w = cls.__new__(cls)
        w.text = NEWLINE.join(p.text for p in parts)
        words: list[str] = []
        keys: list[str] = []
        for k, p in enumerate(parts):
            if k:
                words.append(NEWLINE)
                keys.append(NEWLINE)
            words.extend(p.words)
            keys.extend(p.keys)
        w.words = words
        w.keys = keys
        w.offs = [0, *accumulate(map(len, words))]
        w.ascii = all(p.ascii for p in parts)
        w._counts = None
        w._size = -1
        return w

    def size(self) -> int:
        """UTF-8 size of the whole line."""
        n = self._size
        if n < 0:
            t = self.text
            n = self._size = len(t) if self.ascii else len(t.encode("utf-8", "surrogatepass"))
        return n

    def nbytes(self, i1: int, i2: int) -> int:
        """UTF-8 size of words [i1, i2): wikidiff2 measures similarity in bytes."""
        s, e = self.offs[i1], self.offs[i2]
        if self.ascii:
            return e - s
        return len(self.text[s:e].encode("utf-8", "surrogatepass"))

    def counts(self) -> Counter[str]:
        c = self._counts
        if c is None:
            c = self._counts = Counter(self.keys)
        return c


class WordDiff:
    """The word diff of two lines, with wikidiff2's character similarity."""

    __slots__ = ("a", "b", "ops", "bailout", "_sim")

    def __init__(
        self, a: Words, b: Words, budget: engine.Budget | None = None, segment: bool = False
    ) -> None:
        self.a = a
        self.b = b
        na, nb = len(a.words), len(b.words)
        res = None
        if budget is not None:
            # Each word diff has a cost of its own besides the LCS steps.
            cost = WORD_DIFF_COST + (na + nb) // 4
            if budget.left >= cost:
                budget.left -= cost
            else:
                budget.left = 0
                res = _whole_line(na, nb)
        if res is None:
            try:
                res = engine.diff(a.keys, b.keys, MAX_WORD_LEVEL_DIFF_COMPLEXITY, budget)
            except engine.TooComplex:
                if budget is not None:
                    budget.left = 0
                res = _whole_line(na, nb)
        self.ops = _segment(res.ops, b.words) if segment else res.ops
        self.bailout = res.bailout
        self._sim: float | None = None

    @property
    def similarity(self) -> float:
        """Share of the bytes that are unchanged (WordDiffStats.charSimilarity)."""
        if self._sim is None:
            if self.bailout:
                self._sim = 0.0
                return 0.0
            a, b = self.a, self.b
            copy = total = 0
            for op, i1, i2, j1, j2 in self.ops:
                if op == COPY:
                    n = a.nbytes(i1, i2)
                    copy += n
                elif op == DEL:
                    n = a.nbytes(i1, i2)
                elif op == ADD:
                    n = b.nbytes(j1, j2)
                else:
                    n = max(a.nbytes(i1, i2), b.nbytes(j1, j2))
                total += n
            self._sim = copy / total if copy and total else 0.0
        return self._sim


def _whole_line(na: int, nb: int) -> engine.DiffResult:
    """Past the work budget: the whole line shown replaced, as past wikidiff2's own limit."""
    if na and nb:
        return engine.DiffResult([(CHANGE, 0, na, 0, nb)], True)
    if na:
        return engine.DiffResult([(DEL, 0, na, 0, 0)], True)
    return engine.DiffResult([(ADD, 0, 0, 0, nb)] if nb else [], True)


def _segment(ops: list[engine.Op], to_words: list[str]) -> list[engine.Op]:
    """Cut the added side of a split paragraph's word diff at its newline words, each newline
    becoming an added op of its own (wikidiff2 1.14's WordDiffSegmenter)."""
    out: list[engine.Op] = []
    for op in ops:
        kind, i1, i2, j1, j2 = op
        if kind not in (CHANGE, ADD):
            out.append(op)
            continue
        seg = j1
        first = True
        for p in range(j1, j2):
            if to_words[p] != NEWLINE:
                continue
            if kind == CHANGE and first:
                # The old side goes with the part before the first line break.
                out.append((CHANGE, i1, i2, seg, p) if p > seg else (DEL, i1, i2, seg, seg))
            elif p > seg:
                out.append((ADD, i2, i2, seg, p))
            first = False
            out.append((ADD, i2, i2, p, p + 1))
            seg = p + 1
        if first:
            out.append(op)
        elif j2 > seg:
            out.append((ADD, i2, i2, seg, j2))
    return out


def is_newline_marker(op: engine.Op, to_words: list[str]) -> bool:
    return op[0] == ADD and op[4] - op[3] == 1 and to_words[op[3]] == NEWLINE


def similarity_bound(a: Words, b: Words, limit: float = 0.0) -> float:
    """An upper bound of the similarity of the word diff of a and b, cheap to compute.

    The unchanged bytes are at most the bytes of the words both lines share (as multisets),
    and the total is at least the size of the longer line. The sizes alone may already show
    that the similarity is at most ``limit``: their ratio is returned then.
    """
    la, lb = a.size(), b.size()
    if la > lb:
        la, lb = lb, la
    if lb == 0:
        return 0.0
    if la / lb <= limit:
        return la / lb
    ca, cb = a.counts(), b.counts()
    common = 0
    for w in ca.keys() & cb.keys():
        n, m = ca[w], cb[w]
        # The empty key is a line-initial space or tab: one byte.
        size = (len(w) or 1) if w.isascii() else len(w.encode("utf-8", "surrogatepass"))
        common += (n if n < m else m) * size
    return common / lb


def _text_prefix(a: str, b: str, lim: int) -> int:
    """Length of the common head of two strings, at most lim (galloping; one side sliced)."""
    n = 0
    step = 64
    while n + step <= lim and a.startswith(b[n : n + step], n):
        n += step
        step *= 2
    hi = min(n + step, lim)
    while n < hi:
        mid = (n + hi + 1) // 2
        if a.startswith(b[n:mid], n):
            n = mid
        else:
            hi = mid - 1
    return n


def _text_suffix(a: str, b: str, lim: int) -> int:
    """Length of the common tail of two strings, at most lim."""
    na, nb = len(a), len(b)
    n = 0
    step = 64
    while n + step <= lim and a.endswith(b[nb - n - step : nb - n], 0, na - n):
        n += step
        step *= 2
    hi = min(n + step, lim)
    while n < hi:
        mid = (n + hi + 1) // 2
        if a.endswith(b[nb - mid : nb - n], 0, na - n):
            n = mid
        else:
            hi = mid - 1
    return n


def _window(
    old: str, new: str, margin: int
) -> tuple[list[str], list[str], int, int, tuple[bool, bool]] | None:
    """The lines of both texts from ``margin`` lines before their first difference to
    ``margin`` lines after their last one, without splitting the rest: (old lines, new lines,
    lines left out before, the same for new, (left out before?, left out after?)), or None
    when nothing would be left out."""
    n = min(len(old), len(new))
    cut = old.rfind("\n", 0, _text_prefix(old, new, n)) + 1
    tail = len(old) - _text_suffix(old, new, n - cut)
    nl = old.find("\n", tail)
    tail = len(old) if nl < 0 else nl + 1  # the first line wholly in the common tail
    start = cut
    for _ in range(margin):
        if start == 0:
            break
        start = old.rfind("\n", 0, start - 1) + 1
    end = tail
    for _ in range(margin):
        if end >= len(old):
            break
        nl = old.find("\n", end)
        end = len(old) if nl < 0 else nl + 1
    if start == 0 and end >= len(old):
        return None
    shift = len(new) - len(old)
    before = old.count("\n", 0, start)
    a = explode_lines(old[start:end])
    b = explode_lines(new[start : end + shift])
    return a, b, before, before, (start > 0, end < len(old))


class Row:
    """One output event: a line-number row, a context / added / deleted line, or a word diff
    (a changed line, or one side of a moved paragraph)."""

    __slots__ = ("kind", "text", "o", "n", "wd", "left", "right", "src", "dst", "down")

    def __init__(self, kind: int, text: str = "", o: int = 0, n: int = 0) -> None:
        self.kind = kind
        self.text = text
        self.o = o  # 1-based old line number (header: first old line of the hunk)
        self.n = n
        self.wd: WordDiff | None = None
        self.left = self.right = True
        self.src = self.dst = ""
        self.down = False


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


class Differ:
    """Runs the pipeline on two texts; ``rows`` is the result."""

    def __init__(
        self,
        old: str,
        new: str,
        context: int = 2,
        max_split_size: int = 1,
        window: bool = True,
    ) -> None:
        self.max_split_size = max_split_size
        self.context = context
        if window and old != new:
            w = _window(old, new, max(context, 0) + WINDOW_MARGIN)
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
        self.diff_map: dict[tuple[int, int], _Entry] = {}
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

    def _bound_le(self, a: Words, b: Words, limit: float) -> bool:
        """Whether the similarity of a and b is certainly at most ``limit``."""
        self.budget.left -= 1 + (len(a.words) + len(b.words)) // 64
        return similarity_bound(a, b, limit) <= limit

    def _looks_like_change(self, i: int, j: int) -> bool:
        wa, wb = self.words_a(i), self.words_b(j)
        if (
            (i, j, False) not in self._diffs
            and len(wa.words) * len(wb.words) <= MAX_WORD_LEVEL_DIFF_COMPLEXITY
            and _length_bound(wa, wb) <= CHANGE_THRESHOLD
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

    def _concat_diff(self, i: int, js: list[int]) -> WordDiff:
        key = (i, tuple(js), False)
        d = self._diffs.get(key)
        if d is None:
            if len(js) == 1:
                d = self.word_diff(i, js[0])
            else:
                b = Words.concat([self.words_b(j) for j in js])
                d = WordDiff(self.words_a(i), b, self.budget, segment=True)
            self._diffs[key] = d  # type: ignore[index]
        return d

    def _get_split(self, i: int, adds: list[int]) -> tuple[int, float]:
        """How many new lines old line i was split into, and their similarity."""
        size = best = 0
        best_sim = single = -1.0
        while size < len(adds) and size < self.max_split_size:
            size += 1
            d = self._concat_diff(i, adds[:size])
            sim = d.similarity
            if size == 1:
                single = sim
                if d.bailout:
                    sim = 1.0  # too complex to tell: taken as similar
            if sim > best_sim:
                best_sim, best = sim, size
            if d.bailout or sim <= INITIAL_SPLIT_THRESHOLD:
                break
        if best > 1 and best_sim < FINAL_SPLIT_THRESHOLD:
            return 1, single
        return best, best_sim

    def _detect_changes(
        self, result: list[tuple[int, list[int], list[int]]], dels: list[int], adds: list[int]
    ) -> None:
        pd = pa = saved = 0

        def flush() -> None:
            nonlocal saved
            if saved:
                result.append((CHANGE, dels[pd - saved : pd], adds[pa - saved : pa]))
                saved = 0

        while pa < len(adds) and pd < len(dels):
            size, sim = self._get_split(dels[pd], adds[pa:])
            if size > 1:
                flush()
                result.append((CHANGE, [dels[pd]], adds[pa : pa + size]))
            elif sim >= CHANGE_THRESHOLD:
                saved += 1
            else:
                flush()
                result.append((ADD, [], [adds[pa]]))
                result.append((DEL, [dels[pd]], []))
                size = 1
            pd += 1
            pa += size
        flush()
        if pd < len(dels):
            result.append((DEL, dels[pd:], []))
        elif pa < len(adds):
            result.append((ADD, [], adds[pa:]))

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


def _is_next(op_index: int, op_line: int, other_index: int, other_line: int) -> bool:
    return (other_index == op_index and other_line == op_line + 1) or (
        other_index == op_index + 1 and other_line == 0
    )


def _length_bound(a: Words, b: Words) -> float:
    """Similarity is at most the ratio of the shorter line's size to the longer one's."""
    la, lb = a.size(), b.size()
    if la > lb:
        la, lb = lb, la
    return la / lb if lb else 0.0
