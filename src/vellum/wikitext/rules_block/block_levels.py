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
_BQ = re.compile(r"<(/?)blockquote[\s>]", re.I)
_STYLE_LINE = re.compile(r"^(?:<style\b[^>]*>.*?</style>\s*|<link\b[^>]*>\s*)+$", re.I | re.S)
_PRE_CLOSE = re.compile(r"</pre", re.I)
_PRE_OPEN = re.compile(r"<pre", re.I)


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


class BlockLevelPass:
    def __init__(self, text: str, line_start: bool) -> None:
        self.text = text
        self.line_start = line_start
        self.dt_open = False
        self.in_pre = False
        self.last_paragraph = ""

    def close_paragraph(self, at_the_end: bool = False) -> str:
        result = ""
        if self.last_paragraph:
            result = f"</{self.last_paragraph}>"
            if not at_the_end:
                result += "\n"
        self.in_pre = False
        self.last_paragraph = ""
        return result

    def open_list(self, char: str) -> str:
        result = self.close_paragraph()
        if char == "*":
            return result + "<ul><li>"
        if char == "#":
            return result + "<ol><li>"
        if char == ":":
            return result + "<dl><dd>"
        self.dt_open = True
        return result + "<dl><dt>"

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

    def execute(self) -> str:
        lines = self.text.split("\n")
        out: list[str] = []
        last_prefix = ""
        in_block_elem = False
        prefix_length = 0
        prefix = prefix2 = ""
        pending_p: str | bool = False
        in_blockquote = False
        nlines = len(lines)
        for idx, input_line in enumerate(lines):
            not_last_line = idx < nlines - 1
            if not self.line_start:
                out.append(input_line)
                self.line_start = True
                continue
            last_prefix_length = len(last_prefix)
            pre_close_match = "</" in input_line and _PRE_CLOSE.search(input_line) is not None
            pre_open_match = "<" in input_line and _PRE_OPEN.search(input_line) is not None
            if not self.in_pre:
                prefix_length = len(input_line) - len(input_line.lstrip("*#:;"))
                prefix = input_line[:prefix_length]
                prefix2 = prefix.replace(";", ":")
                t = input_line[prefix_length:]
                self.in_pre = pre_open_match
            else:
                prefix_length = 0
                prefix = prefix2 = ""
                t = input_line

            if prefix_length and last_prefix == prefix2:
                out.append(self.next_item(prefix[-1]))
                pending_p = False
                if prefix[-1] == ";":
                    split = find_colon_no_links(t)
                    if split is not None:
                        term, t = split
                        out.append(term.strip(_PHP_TRIM) + self.next_item(":"))
            elif prefix_length or last_prefix_length:
                common = 0
                shorter = min(prefix_length, last_prefix_length)
                while common < shorter and prefix[common] == last_prefix[common]:
                    common += 1
                pending_p = False
                while common < last_prefix_length:
                    out.append(self.close_list(last_prefix[last_prefix_length - 1]))
                    last_prefix_length -= 1
                if prefix_length <= common and common > 0:
                    out.append(self.next_item(prefix[common - 1]))
                if self.dt_open and common > 0 and prefix[common - 1] == ":":
                    out.append(self.next_item(":"))
                if last_prefix and prefix_length > common:
                    out.append("\n")
                while prefix_length > common:
                    char = prefix[common]
                    out.append(self.open_list(char))
                    if char == ";":
                        split = find_colon_no_links(t)
                        if split is not None:
                            term, t = split
                            out.append(term.strip(_PHP_TRIM) + self.next_item(":"))
                    common += 1
                if not prefix_length and last_prefix:
                    out.append("\n")
                last_prefix = prefix2

            if prefix_length == 0:
                open_match = "<" in t and _OPEN_MATCH.search(t) is not None
                close_match = "<" in t and _CLOSE_MATCH.search(t) is not None
                if open_match or close_match:
                    pending_p = False
                    if not self.in_pre or pre_open_match:
                        out.append(self.close_paragraph())
                    if pre_open_match and not pre_close_match:
                        self.in_pre = True
                    for bq in _BQ.finditer(t):
                        in_blockquote = not bq.group(1)
                    in_block_elem = not close_match
                elif not in_block_elem and not self.in_pre:
                    if (
                        t[:1] == " "
                        and (self.last_paragraph == "pre" or t.strip(_PHP_TRIM) != "")
                        and not in_blockquote
                    ):
                        if self.last_paragraph != "pre":
                            pending_p = False
                            out.append(self.close_paragraph() + "<pre>")
                            self.last_paragraph = "pre"
                        t = t[1:]
                    elif "<" in t and _STYLE_LINE.match(t):
                        if pending_p:
                            out.append(self.close_paragraph())
                            pending_p = False
                    else:
                        if t.strip(_PHP_TRIM) == "":
                            if pending_p:
                                out.append(str(pending_p) + "<br />")
                                pending_p = False
                                self.last_paragraph = "p"
                            elif self.last_paragraph != "p":
                                out.append(self.close_paragraph())
                                pending_p = "<p>"
                            else:
                                pending_p = "</p><p>"
                        elif pending_p:
                            out.append(str(pending_p))
                            pending_p = False
                            self.last_paragraph = "p"
                        elif self.last_paragraph != "p":
                            out.append(self.close_paragraph() + "<p>")
                            self.last_paragraph = "p"
            if pre_close_match and self.in_pre:
                self.in_pre = False
            if pending_p is False:
                if prefix_length == 0:
                    out.append(t)
                    if not_last_line or self.last_paragraph:
                        out.append("\n")
                else:
                    out.append(t.strip(_PHP_TRIM))
        while prefix_length:
            out.append(self.close_list(prefix2[prefix_length - 1]))
            prefix_length -= 1
            if not prefix_length and self.last_paragraph:
                out.append("\n")
        if self.last_paragraph:
            out.append(f"</{self.last_paragraph}>")
            self.last_paragraph = ""
        return "".join(out)


def do_block_levels(text: str, line_start: bool = True) -> str:
    return BlockLevelPass(text, line_start).execute()
