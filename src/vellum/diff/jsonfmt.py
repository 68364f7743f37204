"""wikidiff2's inline JSON format (wikidiff2_inline_json_diff), as a Python dict.

{"diff": [{"type": T, "lineNumber": n, "text": line, "offset": {"from": f, "to": t},
"highlightRanges": [{"start": s, "length": l, "type": 0 (added) | 1 (deleted)}],
"moveInfo": {"id", "linkId", "linkDirection"}}]}. Types: 0 context, 1 added line,
2 deleted line, 3 changed line, 4 moved paragraph (old place), 5 moved paragraph (new
place). Offsets and ranges count UTF-8 bytes, as MediaWiki expects.
"""

from __future__ import annotations

from vellum.diff.engine import ADD, CHANGE, COPY, DEL
from vellum.diff.rows import ADDED, CONTEXT, DELETED, HEADER, Row

CONTEXT_T, ADD_T, DELETE_T, CHANGE_T, MOVE_SOURCE_T, MOVE_DESTINATION_T = range(6)
HL_ADD, HL_DELETE = 0, 1
LINK_DOWN, LINK_UP = 0, 1


def _offsets(lines: list[str]) -> list[int]:
    offs = [0]
    pos = 0
    for line in lines:
        pos += len(line.encode("utf-8", "surrogatepass")) + 1
        offs.append(pos)
    return offs


def _blen(s: str) -> int:
    return len(s) if s.isascii() else len(s.encode("utf-8", "surrogatepass"))


def render(rows: list[Row], old_lines: list[str], new_lines: list[str]) -> dict:
    ofs_a, ofs_b = _offsets(old_lines), _offsets(new_lines)
    out = []
    for r in rows:
        kind = r.kind
        if kind == HEADER:
            continue
        if kind == CONTEXT:
            out.append(
                {
                    "type": CONTEXT_T,
                    "lineNumber": r.n,
                    "text": r.text,
                    "offset": {"from": ofs_a[r.o - 1], "to": ofs_b[r.n - 1]},
                }
            )
        elif kind == ADDED:
            out.append(
                {
                    "type": ADD_T,
                    "lineNumber": r.n,
                    "text": r.text,
                    "offset": {"from": None, "to": ofs_b[r.n - 1]},
                }
            )
        elif kind == DELETED:
            out.append(
                {"type": DELETE_T, "text": r.text, "offset": {"from": ofs_a[r.o - 1], "to": None}}
            )
        else:
            out.append(_words(r, ofs_a, ofs_b))
    return {"diff": out}


def _words(r: Row, ofs_a: list[int], ofs_b: list[int]) -> dict:
    wd = r.wd
    moved = r.left != r.right
    move_src = moved and r.left
    a, b = wd.a, wd.b
    ta, oa, tb, ob = a.text, a.offs, b.text, b.offs
    text: list[str] = []
    ranges: list[dict] = []
    pos = 0
    for op, i1, i2, j1, j2 in wd.ops:
        if op in (COPY, DEL, CHANGE):
            s = ta[oa[i1] : oa[i2]]
            n = _blen(s)
            if op != COPY and not move_src:
                ranges.append({"start": pos, "length": n, "type": HL_DELETE})
            text.append(s)
            pos += n
        if op in (ADD, CHANGE) and not move_src:
            s = tb[ob[j1] : ob[j2]]
            n = _blen(s)
            ranges.append({"start": pos, "length": n, "type": HL_ADD})
            text.append(s)
            pos += n
    entry: dict = {}
    if moved:
        info = {"id": r.src, "linkId": r.dst, "linkDirection": LINK_DOWN if r.down else LINK_UP}
        if move_src:
            entry = {"type": MOVE_SOURCE_T, "moveInfo": info}
        else:
            entry = {"type": MOVE_DESTINATION_T, "lineNumber": r.n, "moveInfo": info}
    else:
        entry = {"type": CHANGE_T, "lineNumber": r.n}
    entry["text"] = "".join(text)
    entry["offset"] = {
        "from": ofs_a[r.o - 1] if r.left else None,
        "to": ofs_b[r.n - 1] if r.right else None,
    }
    if not move_src:
        entry["highlightRanges"] = ranges
    return entry
