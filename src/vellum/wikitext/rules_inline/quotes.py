"""Bold and italics: `''`, `'''`, `'''''` with MediaWiki's apostrophe rules
(Parser::doAllQuotes / doQuotes)."""

from __future__ import annotations

import re

_QUOTES = re.compile(r"(''+)")
_ITALIC_PAIR = ["<i>", "</i>"]
_BOLD_PAIR = ["<b>", "</b>"]


def do_all_quotes(text: str) -> str:
    """Each line with `''` in it goes through do_quotes; the other lines are kept as they are."""
    pos = text.find("''")
    if pos < 0:
        return text
    out: list[str] = []
    last = 0
    find = text.find
    while pos >= 0:
        start = text.rfind("\n", 0, pos) + 1
        end = find("\n", pos)
        if end < 0:
            end = len(text)
        out.append(text[last:start])
        out.append(do_quotes(text[start:end]))
        last = end
        pos = find("''", end)
    out.append(text[last:])
    return "".join(out)


def do_quotes(text: str) -> str:
    arr = _QUOTES.split(text)
    count = len(arr)
    if count == 1:
        return text
    marks = arr[1::2]
    first = marks[0]
    if (
        (first == "''" or first == "'''")
        and len(marks) % 2 == 0
        and marks.count(first) == len(marks)
    ):
        # The usual line: pairs of '' only, or of ''' only; they alternate open and close.
        arr[1::2] = (_ITALIC_PAIR if first == "''" else _BOLD_PAIR) * (len(marks) // 2)
        return "".join(arr)
    numbold = numitalics = 0
    for i in range(1, count, 2):
        n = len(arr[i])
        if n == 4:
            arr[i - 1] += "'"
            arr[i] = "'''"
            n = 3
        elif n > 5:
            arr[i - 1] += "'" * (n - 5)
            arr[i] = "'''''"
            n = 5
        if n == 2:
            numitalics += 1
        elif n == 3:
            numbold += 1
        elif n == 5:
            numitalics += 1
            numbold += 1
    if numbold % 2 == 1 and numitalics % 2 == 1:
        firstsingleletter = firstmultiletter = firstspace = -1
        for i in range(1, count, 2):
            if len(arr[i]) == 3:
                before = arr[i - 1]
                x1 = before[-1:]
                x2 = before[-2:-1]
                if x1 == " ":
                    if firstspace == -1:
                        firstspace = i
                elif x2 == " ":
                    firstsingleletter = i
                    break
                elif firstmultiletter == -1:
                    firstmultiletter = i
        for pick in (firstsingleletter, firstmultiletter, firstspace):
            if pick > -1:
                arr[pick] = "''"
                arr[pick - 1] += "'"
                break
    out: list[str] = []
    buffer: list[str] = []
    state = ""
    for i, r in enumerate(arr):
        if i % 2 == 0:
            (buffer if state == "both" else out).append(r)
            continue
        n = len(r)
        if n == 2:
            if state == "i":
                out.append("</i>")
                state = ""
            elif state == "bi":
                out.append("</i>")
                state = "b"
            elif state == "ib":
                out.append("</b></i><b>")
                state = "b"
            elif state == "both":
                out.append("<b><i>" + "".join(buffer) + "</i>")
                state = "b"
            else:
                out.append("<i>")
                state += "i"
        elif n == 3:
            if state == "b":
                out.append("</b>")
                state = ""
            elif state == "bi":
                out.append("</i></b><i>")
                state = "i"
            elif state == "ib":
                out.append("</b>")
                state = "i"
            elif state == "both":
                out.append("<i><b>" + "".join(buffer) + "</b>")
                state = "i"
            else:
                out.append("<b>")
                state += "b"
        elif n == 5:
            if state == "b":
                out.append("</b><i>")
                state = "i"
            elif state == "i":
                out.append("</i><b>")
                state = "b"
            elif state == "bi":
                out.append("</i></b>")
                state = ""
            elif state == "ib":
                out.append("</b></i>")
                state = ""
            elif state == "both":
                out.append("<i><b>" + "".join(buffer) + "</b></i>")
                state = ""
            else:
                buffer = []
                state = "both"
    if state in ("b", "ib"):
        out.append("</b>")
    if state in ("i", "bi", "ib"):
        out.append("</i>")
    if state == "bi":
        out.append("</b>")
    if state == "both" and "".join(buffer):
        out.append("<b><i>" + "".join(buffer) + "</i></b>")
    return "".join(out)
