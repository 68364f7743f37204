"""doBlockLevels: paragraphs, `* # : ;` lists and leading-space <pre> (BlockLevelPass.php)."""

from __future__ import annotations

import re

_PHP_TRIM = " \t\n\r\0\x0b"
_BLOCK_ELEMS = "table|h1|h2|h3|h4|h5|h6|pre|p|ul|ol|dl|figure"
_ANTI_BLOCK_ELEMS = "td|th"
# P-wrapping and indent-pre are suppressed inside block elements, outside td/th; rows,
# captions and list items always suppress them; the rest never do.
_OPEN_MATCH = re.compile(
    rf"<(({_BLOCK_ELEMS})|/({_ANTI_BLOCK_ELEMS})|/?(tr|caption|dt|dd|li))\b", re.I
)
_CLOSE_MATCH = re.compile(
    rf"<(/({_BLOCK_ELEMS})|({_ANTI_BLOCK_ELEMS})|/?(center|blockquote|div|hr|mw:|aside))\b",
    re.I,
)
# Every tag _OPEN_MATCH or _CLOSE_MATCH can find, as one factored pattern: one scan of a
# line finds its open and close tags (the names, sorted by _OPEN_NAMES/_CLOSE_NAMES).
# The lookahead turns away most other tags (<a, <span, <!--) with one character test; it
# spells out the case variants, as no other character matches these letters under re.I.
_ANY_MATCH = re.compile(
    r"<(?=/?(?:[tThHpPuUoOdDfFcClLbBmM]|[aA][sS\u017f]))"
    r"(/?(?:t(?:able|[rdh])|h[1-6r]|p(?:re)?|[uod]l|d[td]|div|figure|c(?:aption|enter)|li"
    r"|blockquote|mw:|aside))\b",
    re.I,
)
_OPEN_NAMES = frozenset(
    _BLOCK_ELEMS.split("|")
    + ["/" + n for n in _ANTI_BLOCK_ELEMS.split("|")]
    + [s + n for n in ("tr", "caption", "dt", "dd", "li") for s in ("", "/")]
)
_CLOSE_NAMES = frozenset(
    ["/" + n for n in _BLOCK_ELEMS.split("|")]
    + _ANTI_BLOCK_ELEMS.split("|")
    + [s + n for n in ("center", "blockquote", "div", "hr", "mw:", "aside") for s in ("", "/")]
)
_KNOWN_NAMES = _OPEN_NAMES | _CLOSE_NAMES
_BQ = re.compile(r"<(/?)blockquote[\s>]", re.I)
_PRE_ANY = re.compile(r"</?pre", re.I)
_PRE_OR_BQ = re.compile(r"<(?=/?[pPbB])/?(?:pre|blockquote[\s>])", re.I)
_STYLE_LINE = re.compile(r"^(?:<style\b[^>]*>.*?</style>\s*|<link\b[^>]*>\s*)+$", re.I | re.S)
_PRE_CLOSE = re.compile(r"</pre", re.I)
_PRE_OPEN = re.compile(r"<pre", re.I)


# A line starting with one of these (or empty) is not a plain line of paragraph text:
# a list item, indent-pre, blank, or a tag (maybe a style line).
_NOT_TEXT_START = "*#:;<" + _PHP_TRIM

_COLON_INTERESTING = re.compile(r":|<|-\{")
_LC = re.compile(r"-\{|\}-")


def find_colon_no_links(s: str) -> tuple[str, str] | None:
    """Split `; term : definition` at the first colon outside tags, comments and
    -{ }- markup (BlockLevelPass::findColonNoLinks)."""
    m = _COLON_INTERESTING.search(s)
    if not m:
        return None
    if m.group(0) == ":":
        return s[: m.start()], s[m.start() + 1 :]
    state = "text"
    lt_level = lc_level = 0
    i = m.start()
    n = len(s)
    while i < n:
        c = s[i]
        if state == "text":
            if c == "<":
                state = "tagstart"
            elif c == ":":
                if lt_level == 0:
                    return s[:i], s[i + 1 :]
            else:
                m = _COLON_INTERESTING.search(s, i)
                if not m:
                    return None
                if m.group(0) == "-{":
                    state = "lc"
                    lc_level += 1
                    i = m.start() + 1
                else:
                    i = m.start() - 1
        elif state == "lc":
            m = _LC.search(s, i)
            if not m:
                break
            i = m.start() + 1
            if m.group(0) == "-{":
                lc_level += 1
            else:
                lc_level -= 1
                if lc_level == 0:
                    state = "text"
        elif state == "tag":
            if c == ">":
                lt_level += 1
                state = "text"
            elif c == "/":
                state = "tagslash"
        elif state == "tagstart":
            if c == "/":
                state = "closetag"
            elif c == "!":
                state = "comment"
            elif c == ">":
                state = "text"
            else:
                state = "tag"
        elif state == "closetag":
            if c == ">":
                if lt_level > 0:
                    lt_level -= 1
                state = "text"
        elif state == "tagslash":
            state = "text" if c == ">" else "tag"
        elif state == "comment":
            if c == "-":
                state = "commentdash"
        elif state == "commentdash":
            state = "commentdashdash" if c == "-" else "comment"
        elif state == "commentdashdash":
            state = "text" if c == ">" else "comment"
        i += 1
    return None


class _Lists:
    """The open `* # : ;` list items (BlockLevelPass's list helpers and dt state)."""

    def __init__(self) -> None:
        self.dt_open = False

    def open_list(self, char: str) -> str:
        if char == "*":
            return "<ul><li>"
        if char == "#":
            return "<ol><li>"
        if char == ":":
            return "<dl><dd>"
        self.dt_open = True
        return "<dl><dt>"

    def next_item(self, char: str) -> str:
        if char in "*#":
            return "</li>\n<li>"
        close = "</dt>\n" if self.dt_open else "</dd>\n"
        if char == ";":
            self.dt_open = True
            return close + "<dt>"
        self.dt_open = False
        return close + "<dd>"

    def close_list(self, char: str) -> str:
        if char == "*":
            return "</li></ul>"
        if char == "#":
            return "</li></ol>"
        if self.dt_open:
            self.dt_open = False
            return "</dt></dl>"
        return "</dd></dl>"


def do_block_levels(text: str, line_start: bool = True) -> str:
    """Paragraphs, lists and indent-pre for the whole text (BlockLevelPass::execute);
    `line_start` False leaves the first line alone."""
    lines = text.split("\n")
    nlines = len(lines)
    has_lt = "<" in text
    # whether each line has a block tag (the names are read only where they matter)
    tagged = list(map(_ANY_MATCH.search, lines)) if has_lt else [None] * nlines
    find_names = _ANY_MATCH.findall
    close_names = _CLOSE_NAMES.isdisjoint
    known_names = _KNOWN_NAMES.issuperset
    # <pre> is normally an extension tag (a strip marker by now): skip its searches
    has_pre = has_bq = False
    if has_lt and _PRE_OR_BQ.search(text):
        has_pre = _PRE_ANY.search(text) is not None
        has_bq = _BQ.search(text) is not None
    plain = not has_pre
    lists = _Lists()
    out: list[str] = []
    append = out.append
    in_pre = False
    last_paragraph = ""  # "", "p" or "pre": the open paragraph element
    last_prefix = ""
    in_block_elem = False
    prefix_length = 0
    prefix = prefix2 = ""
    pending_p: str | bool = False
    in_blockquote = False
    pre_open_match = pre_close_match = False
    idx = 0
    while idx < nlines:
        input_line = lines[idx]
        if not line_start:
            append(input_line)
            line_start = True
            idx += 1
            continue
        tag = tagged[idx]
        if (
            tag is not None
            and plain
            and not last_prefix
            and not in_pre
            and input_line[0] not in "*#:;"
        ):
            # The common lines, with block tags and outside lists: what the general code
            # below does for them, without the list and <pre> bookkeeping. A run of such
            # lines goes out as it is; the state after it is the last line's.
            end = idx + 1
            while end < nlines and tagged[end] is not None and lines[end][0] not in "*#:;":
                end += 1
            prefix_length = 0
            pending_p = False
            if last_paragraph:
                append(f"</{last_paragraph}>\n")
                last_paragraph = ""
            if has_bq:
                for line in lines[idx:end]:
                    for bq in _BQ.finditer(line):
                        in_blockquote = not bq.group(1)
            last_line = lines[end - 1]
            names = find_names(last_line)
            if known_names(names):
                in_block_elem = close_names(names)
            else:  # a case variant such as dotless i
                in_block_elem = (
                    _OPEN_MATCH.search(last_line) is not None
                    and _CLOSE_MATCH.search(last_line) is None
                )
            append("\n".join(lines[idx:end]) if end > idx + 1 else input_line)
            if end < nlines:
                append("\n")
            idx = end
            continue
        idx += 1
        if (
            tag is None
            and plain
            and not last_prefix
            and not in_pre
            and not in_block_elem
            and input_line[:1] not in _NOT_TEXT_START
        ):
            # A line of paragraph text (not blank, not indented, no tags to look at):
            # what the general code below does for it.
            if pending_p:
                append(pending_p)
                pending_p = False
            elif last_paragraph != "p":
                if last_paragraph:
                    append(f"</{last_paragraph}>\n")
                append("<p>")
            last_paragraph = "p"
            prefix_length = 0
            append(input_line)
            append("\n")
            continue
        names = find_names(input_line) if tag is not None else ()
        last_prefix_length = len(last_prefix)
        if has_pre:
            pre_close_match = "</" in input_line and _PRE_CLOSE.search(input_line) is not None
            pre_open_match = "<" in input_line and _PRE_OPEN.search(input_line) is not None
        if in_pre:
            prefix_length = 0
            prefix = prefix2 = ""
            t = input_line
        else:
            # an empty line takes this branch too ("" is in every string)
            if input_line[:1] in "*#:;":
                t = input_line.lstrip("*#:;")
                prefix_length = len(input_line) - len(t)
                prefix = input_line[:prefix_length]
                prefix2 = prefix.replace(";", ":")
            else:
                prefix_length = 0
                prefix = prefix2 = ""
                t = input_line
            in_pre = pre_open_match

        if prefix_length and last_prefix == prefix2:
            append(lists.next_item(prefix[-1]))
            pending_p = False
            if prefix[-1] == ";":
                split = find_colon_no_links(t)
                if split is not None:
                    term, t = split
                    append(term.strip(_PHP_TRIM) + lists.next_item(":"))
        elif prefix_length or last_prefix_length:
            common = 0
            shorter = min(prefix_length, last_prefix_length)
            while common < shorter and prefix[common] == last_prefix[common]:
                common += 1
            pending_p = False
            while common < last_prefix_length:
                append(lists.close_list(last_prefix[last_prefix_length - 1]))
                last_prefix_length -= 1
            if prefix_length <= common and common > 0:
                append(lists.next_item(prefix[common - 1]))
            if lists.dt_open and common > 0 and prefix[common - 1] == ":":
                append(lists.next_item(":"))
            if last_prefix and prefix_length > common:
                append("\n")
            while prefix_length > common:
                char = prefix[common]
                if last_paragraph:  # close the paragraph before the list
                    append(f"</{last_paragraph}>\n")
                    last_paragraph = ""
                in_pre = False
                append(lists.open_list(char))
                if char == ";":
                    split = find_colon_no_links(t)
                    if split is not None:
                        term, t = split
                        append(term.strip(_PHP_TRIM) + lists.next_item(":"))
                common += 1
            if not prefix_length and last_prefix:
                append("\n")
            last_prefix = prefix2

        if prefix_length == 0:
            # t is the whole line here, so the line's tag names are t's
            if names:
                if known_names(names):
                    close_match = not close_names(names)
                elif _OPEN_MATCH.search(t) is None:  # a case variant such as dotless i
                    close_match = True
                else:
                    close_match = _CLOSE_MATCH.search(t) is not None
                pending_p = False
                if not in_pre or pre_open_match:
                    if last_paragraph:
                        append(f"</{last_paragraph}>\n")
                        last_paragraph = ""
                    in_pre = False
                if pre_open_match and not pre_close_match:
                    in_pre = True
                if has_bq:
                    for bq in _BQ.finditer(t):
                        in_blockquote = not bq.group(1)
                in_block_elem = not close_match
            elif not in_block_elem and not in_pre:
                if (
                    t[:1] == " "
                    and (last_paragraph == "pre" or t.strip(_PHP_TRIM) != "")
                    and not in_blockquote
                ):
                    if last_paragraph != "pre":
                        pending_p = False
                        if last_paragraph:
                            append(f"</{last_paragraph}>\n")
                        append("<pre>")
                        last_paragraph = "pre"
                    t = t[1:]
                elif t[:1] == "<" and _STYLE_LINE.match(t):
                    if pending_p:
                        if last_paragraph:
                            append(f"</{last_paragraph}>\n")
                            last_paragraph = ""
                        in_pre = False
                        pending_p = False
                elif t.strip(_PHP_TRIM) == "":
                    if pending_p:
                        append(str(pending_p) + "<br />")
                        pending_p = False
                        last_paragraph = "p"
                    elif last_paragraph != "p":
                        if last_paragraph:
                            append(f"</{last_paragraph}>\n")
                            last_paragraph = ""
                        in_pre = False
                        pending_p = "<p>"
                    else:
                        pending_p = "</p><p>"
                elif pending_p:
                    append(str(pending_p))
                    pending_p = False
                    last_paragraph = "p"
                elif last_paragraph != "p":
                    if last_paragraph:
                        append(f"</{last_paragraph}>\n")
                    append("<p>")
                    last_paragraph = "p"
        if pre_close_match and in_pre:
            in_pre = False
        if pending_p is False:
            if prefix_length == 0:
                append(t)
                if idx < nlines or last_paragraph:  # idx is the next line by now
                    append("\n")
            else:
                append(t.strip(_PHP_TRIM))
    while prefix_length:
        append(lists.close_list(prefix2[prefix_length - 1]))
        prefix_length -= 1
        if not prefix_length and last_paragraph:
            append("\n")
    if last_paragraph:
        append(f"</{last_paragraph}>")
    return "".join(out)
