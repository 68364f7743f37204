"""Tables: `{| |+ |- ! | || !! |}` to HTML tables (Parser::handleTables)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ..sanitizer import fix_tag_attributes
from ..strip import MARKER_PREFIX

_TABLE_START = re.compile(r"^(:*)\s*\{\|(.*)$", re.S)
_MARKUP_SPLIT = re.compile(r"(<[^>]*>)")
_PHP_TRIM = " \t\n\r\0\x0b"


def _replace_markup(search: str, replace: str, text: str) -> str:
    """StringUtils::replaceMarkup: replace `search` outside of <...> tags."""
    if search not in text:
        return text
    if "<" not in text:
        return text.replace(search, replace)
    out = []
    for i, part in enumerate(_MARKUP_SPLIT.split(text)):
        out.append(part if i % 2 else part.replace(search, replace))
    return "".join(out)


# fix_tag_attributes is a pure function of its arguments, and table rows repeat the
# same attributes many times (`|- style="..."`).
_table_attributes = lru_cache(maxsize=2048)(fix_tag_attributes)
_CELL_TAGS = {"|": "td", "!": "th", "+": "caption"}


def do_tables(
    text: str, unstrip: Callable[[str], str], fragment_mode: tuple[str, ...] = ("legacy",)
) -> str:
    if "{|" not in text:
        return text
    # Lines are rewritten in place; outside tables only lines with "{|" need a look.
    out = text.split("\n")
    candidates = [i for i, line in enumerate(out) if "{|" in line]
    next_candidate = 0
    # The innermost open table's state (the top of Parser::handleTables' history stacks)
    # lives in locals; `outer` holds the enclosing tables' states while a nested one is open.
    depth = 0
    td_open = tr_open = opened_tr = False  # a cell open, a row open, a row ever opened
    last_tag = tr_attrs = ""  # the open cell's tag, the attributes of the next row
    outer: list[tuple[bool, str, bool, str, bool]] = []
    indent_level = 0

    fmode = tuple(fragment_mode)  # hashable, for the cache

    def attrs(s: str, tag: str) -> str:
        if MARKER_PREFIX[0] in s:  # unstrip changes only strip markers
            s = unstrip(s)
        return _table_attributes(s, tag, fmode)

    idx = 0
    nlines = len(out)
    ncandidates = len(candidates)
    while idx < nlines:
        if not depth:
            # outside any table: jump to the next line that may start one
            while next_candidate < ncandidates and candidates[next_candidate] < idx:
                next_candidate += 1
            if next_candidate == ncandidates:
                break
            idx = candidates[next_candidate]
        out_line = out[idx]
        idx += 1
        line = out_line.strip(_PHP_TRIM)
        if line == "":
            continue
        first_char = line[0]
        first_two = line[:2]
        m = _TABLE_START.match(line) if line.find("{|", 0, 1000) >= 0 else None
        if m:
            indent_level = len(m.group(1))
            out_line = "<dl><dd>" * indent_level + f"<table{attrs(m.group(2), 'table')}>"
            if depth:
                outer.append((td_open, last_tag, tr_open, tr_attrs, opened_tr))
            depth += 1
            td_open = tr_open = opened_tr = False
            last_tag = tr_attrs = ""
        elif not depth:
            continue
        elif first_char != "|" and first_char != "!":
            continue
        elif first_two == "|}":
            line = "</table>" + line[2:]
            if not opened_tr:
                line = "<tr><td></td></tr>" + line
            if tr_open:
                line = "</tr>" + line
            if td_open:
                line = f"</{last_tag}>" + line
            depth -= 1
            if depth:
                td_open, last_tag, tr_open, tr_attrs, opened_tr = outer.pop()
            if indent_level > 0:
                out_line = line.rstrip(_PHP_TRIM) + "</dd></dl>" * indent_level
            else:
                out_line = line
        elif first_two == "|-":
            line = line[1:].lstrip("-")  # the attributes after "|-", "|--", ...
            tr_attrs = attrs(line, "tr")
            opened_tr = True
            line = "</tr>" if tr_open else ""
            if td_open:
                line = f"</{last_tag}>" + line
            out_line = line
            tr_open = td_open = False
            last_tag = ""
        else:
            if first_two == "|+":
                first_char = "+"
                line = line[2:]
            else:
                line = line[1:]
            if first_char == "!":
                line = _replace_markup("!!", "||", line)
            parts = []
            cell_tag = _CELL_TAGS[first_char]
            for cell in line.split("||") if "||" in line else (line,):
                previous = ""
                if first_char != "+":
                    if not tr_open:
                        previous = f"<tr{tr_attrs}>\n"
                    tr_open = True
                    tr_attrs = ""
                    opened_tr = True
                if td_open:
                    previous = f"</{last_tag}>\n{previous}"
                last_tag = cell_tag
                td_open = True
                cell_data = cell.split("|", 1)
                if "[[" in cell_data[0] or "-{" in cell_data[0]:
                    cell = f"{previous}<{cell_tag}>" + cell.strip(_PHP_TRIM)
                elif len(cell_data) == 1:
                    cell = f"{previous}<{cell_tag}>" + cell_data[0].strip(_PHP_TRIM)
                else:
                    a = attrs(cell_data[0], cell_tag)
                    cell = f"{previous}<{cell_tag}{a}>" + cell_data[1].strip(_PHP_TRIM)
                parts.append(cell)
            out_line = "".join(parts)
        out[idx - 1] = out_line

    tail = []
    while depth:
        if td_open:
            tail.append("</td>\n")
        if tr_open:
            tail.append("</tr>\n")
        if not opened_tr:
            tail.append("<tr><td></td></tr>\n")
        tail.append("</table>\n")
        depth -= 1
        if depth:
            td_open, last_tag, tr_open, tr_attrs, opened_tr = outer.pop()
    result = "\n".join(out) + "\n" + "".join(tail)
    if result.endswith("\n"):
        result = result[:-1]
    if result == "<table>\n<tr><td></td></tr>\n</table>":
        return ""
    return result
