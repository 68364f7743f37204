"""Word diffs of lines: words with their offsets and sizes, and wikidiff2's similarity.

``Words`` holds a line split into words (``words.explode_words``), ``WordDiff`` the word diff
of two lines with ``similarity``, wikidiff2's WordDiffStats.charSimilarity: the share of
UTF-8 bytes left unchanged. Cheap upper bounds of that similarity (``similarity_bound``,
``length_bound``) let the pipeline skip word diffs that cannot matter.
"""

from __future__ import annotations

from collections import Counter
from itertools import accumulate

from vellum.diff import engine
from vellum.diff.engine import ADD, CHANGE, COPY, DEL
from vellum.diff.words import explode_words

# A changed line is shown side by side with its new version only above this similarity
# (wikidiff2.change_threshold); below it, as a deleted and an added line.
CHANGE_THRESHOLD = 0.2
MAX_WORD_LEVEL_DIFF_COMPLEXITY = 40_000_000  # wikidiff2.max_word_level_diff_complexity
WORD_DIFF_COST = 40  # work budget charged per word diff, plus a quarter of its words
NEWLINE = "\n"  # the word that joins the lines of a split paragraph
_SPACES = (" ", "\t")


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


def length_bound(a: Words, b: Words) -> float:
    """Similarity is at most the ratio of the shorter line's size to the longer one's."""
    la, lb = a.size(), b.size()
    if la > lb:
        la, lb = lb, la
    return la / lb if lb else 0.0
