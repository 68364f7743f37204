"""MediaWiki's table diff format: the <tr> rows of wikidiff2_do_diff (two columns per side)."""

from __future__ import annotations

from vellum.diff.engine import ADD, CHANGE, COPY, DEL
from vellum.diff.html import esc
from vellum.diff.rows import ADDED, CONTEXT, DELETED, HEADER, SPLIT, Row
from vellum.diff.worddiff import WordDiff, is_newline_marker

DEL_OPEN = '<del class="diffchange diffchange-inline">'
INS_OPEN = '<ins class="diffchange diffchange-inline">'
MINUS = "\u2212"


def _cell(text: str) -> str:
    # An empty line is a <br /> so that copying the diff keeps the line break.
    return "<div>" + esc(text) + "</div>" if text else "<br />"


def word_side(wd: WordDiff, added: bool) -> str:
    """One side of a word diff: unchanged text, and <del>/<ins> around changed words."""
    out = []
    if added:
        side = wd.b
        text, offs = side.text, side.offs
        for op, _i1, _i2, j1, j2 in wd.ops:
            if op == COPY:
                out.append(esc(text[offs[j1] : offs[j2]]))
            elif op == ADD or op == CHANGE:
                out.append(INS_OPEN + esc(text[offs[j1] : offs[j2]]) + "</ins>")
    else:
        side = wd.a
        text, offs = side.text, side.offs
        for op, i1, i2, _j1, _j2 in wd.ops:
            if op == COPY:
                out.append(esc(text[offs[i1] : offs[i2]]))
            elif op == DEL or op == CHANGE:
                out.append(DEL_OPEN + esc(text[offs[i1] : offs[i2]]) + "</del>")
    return "".join(out)


def render(rows: list[Row]) -> str:
    out: list[str] = []
    add = out.append
    for r in rows:
        kind = r.kind
        if kind == CONTEXT:
            t = _cell(r.text)
            add(
                '<tr>\n  <td class="diff-marker"></td>\n  <td class="diff-context diff-side-deleted">'
                + t
                + '</td>\n  <td class="diff-marker"></td>\n  <td class="diff-context diff-side-added">'
                + t
                + "</td>\n</tr>\n"
            )
        elif kind == HEADER:
            add(
                f'<tr>\n  <td colspan="2" class="diff-lineno"><!--LINE {r.o}--></td>\n'
                f'  <td colspan="2" class="diff-lineno"><!--LINE {r.n}--></td>\n</tr>\n'
            )
        elif kind == ADDED:
            add(
                '<tr>\n  <td colspan="2" class="diff-empty diff-side-deleted"></td>\n'
                '  <td class="diff-marker" data-marker="+"></td>\n'
                '  <td class="diff-addedline diff-side-added">' + _cell(r.text) + "</td>\n</tr>\n"
            )
        elif kind == DELETED:
            add(
                f'<tr>\n  <td class="diff-marker" data-marker="{MINUS}"></td>\n'
                '  <td class="diff-deletedline diff-side-deleted">'
                + _cell(r.text)
                + '</td>\n  <td colspan="2" class="diff-empty diff-side-added"></td>\n</tr>\n'
            )
        elif kind == SPLIT:
            _split(r, add)
        else:
            _words(r, add)
    return "".join(out)


def _segment(wd: WordDiff, offset: int, added: bool, out: list[str]) -> int:
    """One side of a split paragraph's word diff from op ``offset``; on the new side stop at
    the next line break and return where the next line starts."""
    ops = wd.ops
    n = len(ops)
    ta, oa, tb, ob = wd.a.text, wd.a.offs, wd.b.text, wd.b.offs
    words = wd.b.words
    for i in range(offset, n):
        op, i1, i2, j1, j2 = ops[i]
        if added and is_newline_marker(ops[i], words):
            # A line break ending the diff leaves an empty last line, unless it is all there is.
            return i if (i > offset and i == n - 1) else i + 1
        if op == COPY:
            out.append(esc(tb[ob[j1] : ob[j2]] if added else ta[oa[i1] : oa[i2]]))
        elif not added and (op == DEL or op == CHANGE):
            out.append(DEL_OPEN + esc(ta[oa[i1] : oa[i2]]) + "</del>")
        elif added and (op == ADD or op == CHANGE):
            out.append(INS_OPEN + esc(tb[ob[j1] : ob[j2]]) + "</ins>")
    return n


def _split(r: Row, add) -> None:
    """A paragraph split into several lines: the old line beside the first new one, then one
    row per further new line."""
    wd = r.wd
    seg = 0
    while True:
        parts = ["<tr>\n"]
        if seg == 0:
            parts.append(
                f'  <td class="diff-marker" data-marker="{MINUS}"></td>\n'
                '  <td class="diff-deletedline diff-side-deleted"><div>'
            )
            _segment(wd, 0, False, parts)
            parts.append("</div></td>\n")
        else:
            parts.append('  <td colspan="2" class="diff-empty diff-side-deleted"></td>\n')
        parts.append(
            '  <td class="diff-marker" data-marker="+"></td>\n'
            '  <td class="diff-addedline diff-side-added"><div>'
        )
        seg = _segment(wd, seg, True, parts)
        parts.append("</div></td>\n</tr>\n")
        add("".join(parts))
        if seg >= len(wd.ops):
            break


def _words(r: Row, add) -> None:
    wd = r.wd
    anchor = f'<a name="{r.src}"></a>' if r.src else ""
    parts = ["<tr>\n"]
    if r.left:
        if r.dst:
            parts.append(
                '  <td class="diff-marker"><a class="mw-diff-movedpara-left" '
                f'href="#{r.dst}">&#x26AB;</a></td>\n'
            )
        else:
            parts.append(f'  <td class="diff-marker" data-marker="{MINUS}"></td>\n')
        parts.append('  <td class="diff-deletedline diff-side-deleted"><div>')
        parts.append(anchor)
        parts.append(word_side(wd, False))
        parts.append("</div></td>\n")
    else:
        parts.append('  <td colspan="2" class="diff-empty diff-side-deleted"></td>\n')
    if r.right:
        if r.dst:
            parts.append(
                '  <td class="diff-marker"><a class="mw-diff-movedpara-right" '
                f'href="#{r.dst}">&#x26AB;</a></td>\n'
            )
        else:
            parts.append('  <td class="diff-marker" data-marker="+"></td>\n')
        parts.append('  <td class="diff-addedline diff-side-added"><div>')
        parts.append(anchor)
        parts.append(word_side(wd, True))
        parts.append("</div></td>\n</tr>\n")
    else:
        parts.append('  <td colspan="2" class="diff-empty diff-side-added"></td>\n</tr>\n')
    add("".join(parts))
