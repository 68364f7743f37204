"""MediaWiki's inline diff format: one <div> per line (wikidiff2_inline_diff)."""

from __future__ import annotations

from vellum.diff.engine import ADD, CHANGE, COPY, DEL
from vellum.diff.html import esc
from vellum.diff.rows import ADDED, CONTEXT, DELETED, HEADER, SPLIT, Row
from vellum.diff.worddiff import is_newline_marker


def render(rows: list[Row]) -> str:
    out: list[str] = []
    add = out.append
    for r in rows:
        kind = r.kind
        if kind == CONTEXT:
            add('<div class="mw-diff-inline-context">' + (esc(r.text) or "&#160;") + "</div>\n")
        elif kind == HEADER:
            add(f'<div class="mw-diff-inline-header"><!-- LINES {r.o},{r.n} --></div>\n')
        elif kind == ADDED:
            if r.text:
                add('<div class="mw-diff-inline-added"><ins>' + esc(r.text) + "</ins></div>\n")
            else:
                add(
                    '<div class="mw-diff-inline-added mw-diff-empty-line"><ins>&#160;</ins></div>\n'
                )
        elif kind == DELETED:
            if r.text:
                add('<div class="mw-diff-inline-deleted"><del>' + esc(r.text) + "</del></div>\n")
            else:
                add(
                    '<div class="mw-diff-inline-deleted mw-diff-empty-line"><del>&#160;</del></div>\n'
                )
        elif kind == SPLIT:
            add(_split(r))
        else:
            add(_words(r))
    return "".join(out)


def _split(r: Row) -> str:
    """A paragraph split into several lines: one changed line with line-break markers."""
    wd = r.wd
    a, b = wd.a, wd.b
    ta, oa, tb, ob = a.text, a.offs, b.text, b.offs
    parts = ['<div class="mw-diff-inline-changed">']
    for op in wd.ops:
        kind, i1, i2, j1, j2 = op
        if is_newline_marker(op, b.words):
            parts.append('<span class="mw-inline-diff-newline"></span><br>')
        elif kind == COPY:
            parts.append(esc(ta[oa[i1] : oa[i2]]))
        elif kind == DEL:
            parts.append("<del>" + esc(ta[oa[i1] : oa[i2]]) + "</del>")
        elif kind == ADD:
            parts.append("<ins>" + esc(tb[ob[j1] : ob[j2]]) + "</ins>")
        else:
            parts.append("<del>" + esc(ta[oa[i1] : oa[i2]]) + "</del>")
            parts.append("<ins>" + esc(tb[ob[j1] : ob[j2]]) + "</ins>")
    parts.append("</div>\n")
    return "".join(parts)


def _words(r: Row) -> str:
    wd = r.wd
    moved = r.left != r.right
    move_src = moved and r.left
    parts = []
    if moved:
        parts.append(
            '<div class="mw-diff-inline-moved mw-diff-inline-moved-'
            + ("source" if r.left else "destination")
            + " mw-diff-inline-moved-"
            + ("downwards" if r.down else "upwards")
            + '">'
        )
        parts.append(f'<a name="{r.src}"></a>')
        if not r.down:
            parts.append(
                f'<a class="mw-diff-movedpara-{"left" if r.left else "right"}" '
                f'data-title-tag="{"new" if r.right else "old"}" href="#{r.dst}">&#9650;</a>'
            )
    else:
        parts.append('<div class="mw-diff-inline-changed">')
    a, b = wd.a, wd.b
    ta, oa, tb, ob = a.text, a.offs, b.text, b.offs
    for op, i1, i2, j1, j2 in wd.ops:
        if op == COPY:
            parts.append(esc(ta[oa[i1] : oa[i2]]))
        elif op == DEL:
            if move_src:
                parts.append(esc(ta[oa[i1] : oa[i2]]))
            else:
                parts.append("<del>" + esc(ta[oa[i1] : oa[i2]]) + "</del>")
        elif op == ADD:
            if not move_src:
                parts.append("<ins>" + esc(tb[ob[j1] : ob[j2]]) + "</ins>")
        elif op == CHANGE:
            if move_src:
                parts.append(esc(ta[oa[i1] : oa[i2]]))
            else:
                parts.append("<del>" + esc(ta[oa[i1] : oa[i2]]) + "</del>")
                parts.append("<ins>" + esc(tb[ob[j1] : ob[j2]]) + "</ins>")
    if moved and r.down:
        parts.append(
            f'<a class="mw-diff-movedpara-{"left" if r.left else "right"}" '
            f'data-title-tag="{"new" if r.right else "old"}" href="#{r.dst}">&#9660;</a>'
        )
    parts.append("</div>\n")
    return "".join(parts)
