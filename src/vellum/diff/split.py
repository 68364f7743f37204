"""Paragraph split detection (wikidiff2 1.14's max_split_size), off by default.

wikidiff2 1.13 has none, and 1.14 ships it off (max_split_size 1). With ``max_split_size``
above 1, an old line split into up to that many new lines, similar enough to their joined
text (``INITIAL_SPLIT_THRESHOLD``, ``FINAL_SPLIT_THRESHOLD``), is shown as one change.
A mixin of ``core.Differ``.
"""

from __future__ import annotations

from vellum.diff.engine import ADD, CHANGE, DEL
from vellum.diff.worddiff import CHANGE_THRESHOLD, WordDiff, Words

INITIAL_SPLIT_THRESHOLD = 0.1
FINAL_SPLIT_THRESHOLD = 0.6


class ParagraphSplits:
    """The split-detection part of ``core.Differ``."""

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
