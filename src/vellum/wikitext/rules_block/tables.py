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
    td_history: list[bool] = []
    last_tag_history: list[str] = []
    tr_history: list[bool] = []
    tr_attributes: list[str] = []
    has_opened_tr: list[bool] = []
    indent_level = 0

    fmode = tuple(fragment_mode)  # hashable, for the cache

    def attrs(s: str, tag: str) -> str:
        if MARKER_PREFIX[0] in s:  # unstrip changes only strip markers
            s = unstrip(s)
        return _table_attributes(s, tag, fmode)

    idx = 0
    nlines = len(out)
    while idx < nlines:
        if not td_history:
            # outside any table: jump to the next line that may start one
            while next_candidate < len(candidates) and candidates[next_candidate] < idx:
                next_candidate += 1
            if next_candidate == len(candidates):
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
            td_history.append(False)
            last_tag_history.append("")
            tr_history.append(False)
            tr_attributes.append("")
            has_opened_tr.append(False)
        elif not td_history:
            continue
        elif first_two == "|}":
            line = "</table>" + line[2:]
            last_tag = last_tag_history.pop()
            if not has_opened_tr.pop():
                line = "<tr><td></td></tr>" + line
            if tr_history.pop():
                line = "</tr>" + line
            if td_history.pop():
                line = f"</{last_tag}>" + line
            tr_attributes.pop()
            if indent_level > 0:
                out_line = line.rstrip(_PHP_TRIM) + "</dd></dl>" * indent_level
            else:
                out_line = line
        elif first_two == "|-":
            # the top of each history stack belongs to the innermost table
            line = line[1:].lstrip("-")  # the attributes after "|-", "|--", ...
            tr_attributes[-1] = attrs(line, "tr")
            line = ""
            has_opened_tr[-1] = True
            if tr_history[-1]:
                line = "</tr>"
            if td_history[-1]:
                line = f"</{last_tag_history[-1]}>" + line
            out_line = line
            tr_history[-1] = False
            td_history[-1] = False
            last_tag_history[-1] = ""
        elif first_char in "|!" or first_two == "|+":
            if first_two == "|+":
                first_char = "+"
                line = line[2:]
            else:
                line = line[1:]
            if first_char == "!":
                line = _replace_markup("!!", "||", line)
            parts = []
            cell_tag = _CELL_TAGS.get(first_char, "")
            for cell in line.split("||"):
                previous = ""
                if first_char != "+":
                    if not tr_history[-1]:
                        previous = f"<tr{tr_attributes[-1]}>\n"
                    tr_history[-1] = True
                    tr_attributes[-1] = ""
                    has_opened_tr[-1] = True
                if td_history[-1]:
                    previous = f"</{last_tag_history[-1]}>\n{previous}"
                last_tag_history[-1] = cell_tag
                td_history[-1] = True
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
        else:
            continue
        out[idx - 1] = out_line

    tail = []
    while td_history:
        if td_history.pop():
            tail.append("</td>\n")
        if tr_history.pop():
            tail.append("</tr>\n")
        if not has_opened_tr.pop():
            tail.append("<tr><td></td></tr>\n")
        tail.append("</table>\n")
    result = "\n".join(out) + "\n" + "".join(tail)
    if result.endswith("\n"):
        result = result[:-1]
    if result == "<table>\n<tr><td></td></tr>\n</table>":
        return ""
    return result
