"""The preprocessor's document tree (Preprocessor_Hash::buildDomTreeArrayFromText).

One pass over the wikitext with a stack of open brackets finds `{{templates}}`,
`{{{arguments}}}`, `[[links]]` (only so that their pipes are not template pipes),
`-{language conversion}-`, comments, extension tags, `<includeonly>`, `<noinclude>`,
`<onlyinclude>` and `=headings=`. Unmatched brackets fall back to text exactly as in
MediaWiki. Text nodes are plain `str`; everything else is one of the node classes below.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

Children = list  # list[str | Node]


class Node:
    __slots__ = ()


class Template(Node):
    """`{{title|part|...}}` (kind 'template') or `{{{title|default}}}` (kind 'tplarg')."""

    __slots__ = ("kind", "title", "_parts", "line_start", "_unsplit", "_patterns", "has_parts")

    def __init__(
        self,
        kind: str,
        title: Children,
        parts: list[Part] | None,
        line_start: bool,
        unsplit: str = "",
        patterns: _Patterns | None = None,
    ) -> None:
        self.kind = kind
        self.title = title
        self._parts = parts
        self.line_start = line_start
        self._unsplit = unsplit
        self._patterns = patterns
        self.has_parts = parts is None or bool(parts)  # without splitting them

    @property
    def parts(self) -> list[Part]:
        """The `|`-separated parts. A simple template (see `_simple_template`) keeps its
        text from its first `|` and splits it on first use: most are never looked at."""
        parts = self._parts
        if parts is None:
            if self._patterns is None:
                parts = _split_parts(self._unsplit)
            else:
                parts = _split_linked_parts(self._unsplit, self._patterns)
            self._parts = parts
        return parts


class Part(Node):
    """One `|`-separated part. `index` > 0 for a positional part (name is None)."""

    __slots__ = ("name", "value", "index")

    def __init__(self, name: Children | None, value: Children, index: int) -> None:
        self.name = name
        self.value = value
        self.index = index


class Ext(Node):
    """An extension tag: `<name attr>inner</name>`; inner None when self-closed."""

    __slots__ = ("name", "attr", "inner", "close")

    def __init__(self, name: str, attr: str, inner: str | None, close: str | None) -> None:
        self.name = name
        self.attr = attr
        self.inner = inner
        self.close = close


class Heading(Node):
    """`==text==`; `top` when a child of the root (MediaWiki's <h> vs <possible-h>)."""

    __slots__ = ("level", "i", "children", "start", "top")

    def __init__(self, level: int, i: int, children: Children, start: int) -> None:
        self.level = level
        self.i = i
        self.children = children
        self.start = start
        self.top = False


class Comment(Node):
    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class Ignore(Node):
    """Text suppressed by <noinclude>/<includeonly>/<onlyinclude> rules."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class Equals(Node):
    """The `=` that splits a part into name and value (kept when a part is broken)."""

    __slots__ = ()


EQUALS = Equals()

# rule name -> (closing string, {count: element kind or None}, min, max)
_RULES: dict[str, tuple[str, dict[int, str | None], int, int]] = {
    "{": ("}", {2: "template", 3: "tplarg"}, 2, 3),
    "[": ("]", {2: None}, 2, 2),
    "-{": ("}-", {2: None}, 2, 2),
}


class _Part:
    __slots__ = ("out", "eqpos", "comment_end", "visual_end")

    def __init__(self, out: Children | None = None) -> None:
        self.out: Children = out if out is not None else []
        self.eqpos: int | None = None
        self.comment_end: int | None = None
        self.visual_end: int | None = None


class _Piece:
    __slots__ = ("open", "close", "count", "parts", "line_start", "saved_prefix", "start_pos")

    def __init__(self, open_: str, close: str, count: int, line_start: bool = False) -> None:
        self.open = open_
        self.close = close
        self.count = count
        self.parts = [_Part()]
        self.line_start = line_start
        self.saved_prefix = ""
        self.start_pos = 0

    def flags(self) -> tuple[bool, bool, bool]:
        """(findEquals, findPipe, inHeading) as PPDStackElement::getFlags."""
        find_pipe = self.open != "\n" and self.open != "["
        find_equals = find_pipe and len(self.parts) > 1 and self.parts[-1].eqpos is None
        return find_equals, find_pipe, self.open == "\n"

    def break_syntax(self, opening_count: int | None = None) -> Children:
        if self.open == "\n":
            return [self.saved_prefix, *self.parts[0].out]
        if opening_count is None:
            opening_count = self.count
        s = self.open[:-1]
        s += self.open[-1] * (opening_count - len(s))
        accum: Children = [self.saved_prefix + s]
        for n, part in enumerate(self.parts):
            if n:
                accum.append("|")
            accum.extend(part.out)
        return accum


def _compact(nodes: list, root: bool = False) -> Children:
    """Merge adjacent text nodes; an unused `=` marker becomes text. In the root's
    children, headings are marked `top`."""
    if len(nodes) == 1 and not root:  # the common case: one text or one node
        n = nodes[0]
        if n.__class__ is str:
            return [n] if n else []
        return ["="] if n is EQUALS else [n]
    out: Children = []
    buf: list[str] = []
    for n in nodes:
        if n.__class__ is str:
            if n:
                buf.append(n)
        elif n is EQUALS:
            buf.append("=")
        else:
            if buf:
                out.append("".join(buf))
                buf = []
            if root and n.__class__ is Heading:
                n.top = True
            out.append(n)
    if buf:
        out.append("".join(buf))
    return out


_ELEMENTS_CACHE: dict[tuple[tuple[str, ...], bool], _Syntax] = {}
_CLOSE_CACHE: dict[str, re.Pattern[str]] = {}
_WS = " \t"

# A '<' that cannot start a tag, whatever the tags are.
_NO_TAG = r"<(?=[\s<>])"
# MediaWiki's own search stops at every '[', '{', '<', '-' and newline: the shortcut of the
# exhaustive search only takes in links without them.
_EXHAUSTIVE_LINK_RE = re.compile(r"\[\[(?!\[)[^\[{<\n\-\]]*+\]\]")

# A heading line's text when nothing in it can open a piece (no '{', '[', '<' or '-').
_PLAIN_LINE = re.compile(r"[^\n{\[<\-]*+").match

RunMatch = Callable[[str, int], "re.Match[str] | None"]

# The commonest simple template, with no bracket, '<' or heading inside: a quicker match
# than `_Patterns.simple_template`, which it leaves the rest to.
_PLAIN_TEMPLATE = re.compile(r"\{\{(?!\{)(?:[^{}\[<\n]++|\n(?!=))*+\}\}").match


class _Patterns:
    """The patterns for runs of text, given what tells a '<' that cannot start a tag
    (None: MediaWiki's own stops, slower, kept to check the fast ones)."""

    def __init__(self, no_tag: str | None) -> None:
        self.no_tag = no_tag
        self.runs: dict[tuple[str, bool, bool], RunMatch] = {}
        if no_tag is None:
            return
        # `{{title|name=value|value}}` holding nothing but text and plain links: its tree
        # is built from one match instead of one step per pipe and '='.
        self.simple_template = re.compile(
            r"\{\{(?!\{)"
            + self.run_source("}", True, False)
            + r"(?:\|"
            + self.run_source("}", True, True)
            + r"(?:="
            + self.run_source("}", True, False)
            + r")?)*+\}\}"
        ).match
        self.simple_title = re.compile(self.run_source("}", True, False)).match
        self.simple_part = re.compile(
            r"\|("
            + self.run_source("}", True, True)
            + r")(?:=("
            + self.run_source("}", True, False)
            + r"))?"
        ).match

    def run_source(self, closing: str, find_pipe: bool, find_equals: bool) -> str:
        """A pattern for the longest run of text before the next thing that can change
        the tree. MediaWiki stops at every '{', '[', '-', '<', newline and closing
        character; single brackets, a '-' not before '{', a '<' that cannot start a tag,
        a newline not followed by '=' (outside a heading) and a `[[link]]` holding no
        other stop only ever become text, so they are part of the run."""
        no_tag = self.no_tag
        assert no_tag is not None
        # A `[[...]]` whose first stop is its `]]` would only ever become text again:
        # MediaWiki opens a piece for it and breaks it back into this text at its `]]`.
        link_body = (
            r"(?:[^{\[<\n\]\-]++|\{(?!\{)|\[(?!\[)|-(?!\{)|\n(?!=)|\](?!\])|" + no_tag + ")*+"
        )
        plain_link = r"\[\[(?!\[)" + link_body + r"\]\]"
        if closing:
            excluded = "{[<\n-"
            alternatives = [plain_link, r"\{(?!\{)", r"\[(?!\[)", r"-(?!\{)", no_tag]
        else:
            # Outside every piece a `[[` piece only shields pipes that no one looks for,
            # and it always breaks back into its text and children: not a stop.
            excluded = "{<\n-"
            alternatives = [r"\{(?!\{)", r"-(?!\{)", no_tag]
        if closing != "\n":
            alternatives.append(r"\n(?!=)")
        if closing == "}":
            excluded += "}"
            alternatives.append(r"\}(?!\})")
        elif closing == "]":
            excluded += "]"
            alternatives.append(r"\](?!\])")
        elif closing == "}-":
            excluded += "}"
            alternatives.append(r"\}(?!-)")
        if find_pipe:
            excluded += "|"
        if find_equals:
            excluded += "="
        return "(?:[^" + re.escape(excluded) + "]++|" + "|".join(alternatives) + ")*+"

    def run(self, closing: str, find_pipe: bool, find_equals: bool) -> RunMatch:
        """`match` of the text-run pattern for a state."""
        key = (closing, find_pipe, find_equals)
        match = self.runs.get(key)
        if match is None:
            if self.no_tag is None:
                chars = "[{<\n-" + closing + ("|" if find_pipe else "")
                source = "[^" + re.escape(chars + ("=" if find_equals else "")) + "]*+"
            else:
                source = self.run_source(closing, find_pipe, find_equals)
            match = self.runs[key] = re.compile(source).match
        return match


_EXHAUSTIVE = _Patterns(None)
_ANY_TAGS = _Patterns(_NO_TAG)


def _split_parts(unsplit: str) -> list[Part]:
    """The parts of a simple template without links, from its text after its first `|`."""
    parts: list[Part] = []
    index = 1
    for segment in unsplit[1:].split("|"):
        eq = segment.find("=")
        if eq == -1:
            parts.append(Part(None, [segment] if segment else [], index))
            index += 1
        else:
            name = segment[:eq]
            value = segment[eq + 1 :]
            parts.append(Part([name] if name else [], [value] if value else [], 0))
    return parts


def _split_linked_parts(unsplit: str, patterns: _Patterns) -> list[Part]:
    """The parts of a simple template with links, whose pipes are not the template's."""
    parts: list[Part] = []
    index = 1
    pos = 0
    part_match = patterns.simple_part
    while pos < len(unsplit):
        m = part_match(unsplit, pos)
        assert m is not None
        name, value = m.groups()
        if value is None:
            parts.append(Part(None, [name] if name else [], index))
            index += 1
        else:
            parts.append(Part([name] if name else [], [value] if value else [], 0))
        pos = m.end()
    return parts


def _simple_template(
    text: str, start: int, end: int, line_start: bool, patterns: _Patterns
) -> Template:
    """The tree of a `{{...}}` matched by `patterns.simple_template` at text[start:end]."""
    inner = text[start + 2 : end - 2]
    if "[[" not in inner:
        bar = inner.find("|")
        if bar == -1:
            return Template("template", [inner] if inner else [], [], line_start)
        title = inner[:bar]
        return Template("template", [title] if title else [], None, line_start, inner[bar:])
    bar = patterns.simple_title(text, start + 2).end()  # type: ignore[union-attr]
    title = text[start + 2 : bar]
    if bar == end - 2:
        return Template("template", [title] if title else [], [], line_start)
    unsplit = text[bar : end - 2]
    return Template("template", [title] if title else [], None, line_start, unsplit, patterns)


class _Syntax:
    """The tag patterns for one set of extension tags and inclusion mode."""

    __slots__ = (
        "elements_re",
        "ignored_tags",
        "ignored_elements",
        "trigger_re",
        "patterns",
        "ref_open",
    )

    def __init__(self, tags: tuple[str, ...], for_inclusion: bool) -> None:
        xmlish = list(tags)
        if for_inclusion:
            self.ignored_tags = ("includeonly", "/includeonly")
            self.ignored_elements = ("noinclude",)
            xmlish.append("noinclude")
        else:
            self.ignored_tags = ("noinclude", "/noinclude", "onlyinclude", "/onlyinclude")
            self.ignored_elements = ("includeonly",)
            xmlish.append("includeonly")
        alternatives = "|".join(re.escape(t) for t in xmlish + list(self.ignored_tags))
        tag_start = r"(" + alternatives + r")(?:[ \t\n\r\f\v]|/>|>)|(!--)"
        self.elements_re = re.compile(tag_start, re.I | re.A)
        # Anything that can make the tree more than one text node.
        self.trigger_re = re.compile(r"\{\{|-\{|\n=|<(?:" + tag_start + ")", re.I | re.A)
        no_tag = r"<(?!(?ai:(?:" + alternatives + r")(?:[ \t\n\r\f\v]|/>|>)|!--))"
        self.patterns = _Patterns(no_tag)
        # The opening tag of Cite's <ref>, the commonest tag by far, up to its first '>'.
        self.ref_open = (
            re.compile(r"<ref(?:[ \t\n\r\f\v][^>]*+|/)?>", re.I | re.A).match
            if "ref" in tags
            else None
        )


# The last (tags, for_inclusion, syntax): the same tag tuple comes back call after call.
_last_elements: tuple[object, bool, _Syntax | None] = ((), False, None)


def _elements(tags: Iterable[str], for_inclusion: bool) -> _Syntax:
    global _last_elements
    last_tags, last_inclusion, last_syntax = _last_elements
    if tags is last_tags and for_inclusion is last_inclusion and last_syntax is not None:
        return last_syntax
    key = (tags if tags.__class__ is tuple else tuple(tags), for_inclusion)
    cached = _ELEMENTS_CACHE.get(key)  # type: ignore[arg-type]
    if cached is None:
        cached = _Syntax(tuple(sorted(key[0])), for_inclusion)
        _ELEMENTS_CACHE[key] = cached  # type: ignore[index]
    if tags.__class__ is tuple:  # (a tuple cannot change under the same identity)
        _last_elements = (tags, for_inclusion, cached)
    return cached


def _close_re(name: str) -> re.Pattern[str]:
    pat = _CLOSE_CACHE.get(name)
    if pat is None:
        pat = re.compile(r"</" + re.escape(name) + r"[ \t\n\r\f\v]*>", re.I | re.A)
        _CLOSE_CACHE[name] = pat
    return pat


def _rstrip_len(text: str, end: int, chars: str = _WS) -> int:
    """Length of the run of `chars` ending just before `end` (strspn on the reversed text)."""
    j = end
    while j > 0 and text[j - 1] in chars:
        j -= 1
    return end - j


def _span(text: str, start: int, chars: str = _WS, limit: int | None = None) -> int:
    n = len(text) if limit is None else min(len(text), start + limit)
    j = start
    while j < n and text[j] in chars:
        j += 1
    return j - start


ALLOW_MISSING_END = ("includeonly", "noinclude", "onlyinclude")


def _flat_tree(text: str, syntax: _Syntax) -> Children | None:
    """The tree of a text (not starting with '=') whose only constructs are simple
    `{{templates}}`, or None. Outside templates only `[[links]]` open pieces, and a link
    piece always breaks back into its text and children, so the tree is flat."""
    if "{" not in text and "<" not in text and "\n=" not in text:
        # No template, tag, comment, heading or language conversion: one text node.
        return [text] if text else []
    trigger_re = syntax.trigger_re
    m = trigger_re.search(text)
    if m is None:
        return [text]
    out: Children = []
    pos = 0
    patterns = syntax.patterns
    simple_match = patterns.simple_template
    while m is not None:
        start = m.start()
        tm = None
        if text.startswith("{{", start):
            tm = _PLAIN_TEMPLATE(text, start) or simple_match(text, start)
        if tm is None:
            return None
        if start > pos:
            out.append(text[pos:start])
        pos = tm.end()
        line_start = start > 0 and text[start - 1] == "\n"
        out.append(_simple_template(text, start, pos, line_start, patterns))
        m = trigger_re.search(text, pos)
    if pos < len(text):
        out.append(text[pos:])
    return out


def build(
    text: str, tags: Iterable[str], for_inclusion: bool = False, exhaustive: bool = False
) -> Children:
    """The children of the root node for `text`; `tags` are the extension tag names."""
    syntax = _elements(tags, for_inclusion)
    enable_onlyinclude = False
    if for_inclusion and "<onlyinclude>" in text and "</onlyinclude>" in text:
        enable_onlyinclude = True
    elif not exhaustive and text[:1] != "=":
        flat = _flat_tree(text, syntax)
        if flat is not None:
            return flat
    return _build_tree(text, syntax, for_inclusion, exhaustive, enable_onlyinclude)


def _build_tree(
    text: str, syntax: _Syntax, for_inclusion: bool, exhaustive: bool, enable_onlyinclude: bool
) -> Children:
    """The general case of `build`: one pass with a stack of open brackets."""
    elements_re = syntax.elements_re
    ref_open = syntax.ref_open
    ref_close = _close_re("ref").search
    ignored_tags = syntax.ignored_tags
    ignored_elements = syntax.ignored_elements

    n_text = len(text)
    stack: list[_Piece] = []
    root: Children = []
    accum = root
    find_equals = False
    find_pipe = False
    in_heading = False
    current_closing = ""
    if exhaustive:
        patterns = _EXHAUSTIVE
    elif enable_onlyinclude:
        patterns = _ANY_TAGS  # a '</onlyinclude>' has to stop the runs too
    else:
        patterns = syntax.patterns
    run = patterns.run
    run_match = run("", False, False)
    heading_index = 1
    no_more_gt = False
    no_more_closing: set[str] = set()
    find_onlyinclude = enable_onlyinclude
    fake_line_start = True
    i = 0

    def set_flags() -> None:
        nonlocal find_equals, find_pipe, in_heading, accum, current_closing, run_match
        if stack:
            top = stack[-1]
            find_equals, find_pipe, in_heading = top.flags()
            accum = top.parts[-1].out
            current_closing = top.close
        else:
            find_equals = find_pipe = in_heading = False
            accum = root
            current_closing = ""
        run_match = run(current_closing, find_pipe, find_equals)

    while True:
        if find_onlyinclude:
            start = text.find("<onlyinclude>", i)
            if start == -1:
                accum.append(Ignore(text[i:]))
                break
            tag_end = start + 13
            accum.append(Ignore(text[i:tag_end]))
            i = tag_end
            find_onlyinclude = False

        rule = None
        if fake_line_start:
            found = "line-start"
            cur = ""
        else:
            j = run_match(text, i).end()  # type: ignore[union-attr]
            if j > i:
                accum.append(text[i:j])
                i = j
            if i >= n_text:
                if current_closing == "\n":
                    cur = ""
                    found = "line-end"
                else:
                    break
            else:
                cur = text[i]
                if cur == "|":
                    found = "pipe"
                elif cur == "=":
                    found = "equals"
                elif cur == "<":
                    found = "angle"
                elif cur == "\n":
                    found = "line-end" if in_heading else "line-start"
                elif cur == "{" and text.startswith("{{", i):
                    if not exhaustive:
                        # What "open" below does first for `{{`: a simple template whole.
                        m = _PLAIN_TEMPLATE(text, i) or patterns.simple_template(text, i)
                        if m is not None:
                            j = m.end()
                            line_start = i > 0 and text[i - 1] == "\n"
                            accum.append(_simple_template(text, i, j, line_start, patterns))
                            i = j
                            continue
                    found = "open"
                    rule = _RULES[cur]
                elif text.startswith(current_closing, i) and current_closing:
                    found = "close"
                    cur = current_closing
                else:
                    two = text[i : i + 2]
                    if two in _RULES:
                        cur = two
                        found = "open"
                        rule = _RULES[two]
                    elif cur in _RULES:
                        found = "open"
                        rule = _RULES[cur]
                    else:
                        # A '-' not starting '-{' or a '}' that closes nothing.
                        accum.append(cur)
                        i += 1
                        continue

        if found == "angle":
            if enable_onlyinclude and text.startswith("</onlyinclude>", i):
                find_onlyinclude = True
                continue
            if ref_open is not None and not exhaustive:
                m = ref_open(text, i)
                if m is not None:
                    # <ref attr>inner</ref> or <ref attr/>, as the general case below
                    # reads them.
                    tag_end = m.end() - 1
                    if text[tag_end - 1] == "/":
                        attr_end = tag_end - 1
                        inner = None
                        close = None
                        j = tag_end + 1
                    else:
                        attr_end = tag_end
                        cm = None if "ref" in no_more_closing else ref_close(text, tag_end + 1)
                        if cm is None:
                            i = tag_end + 1
                            accum.append(text[m.start() : i])
                            no_more_closing.add("ref")
                            continue
                        close = cm.group()
                        inner = text[tag_end + 1 : cm.start()]
                        j = cm.end()
                    attr = "" if attr_end <= i + 4 else text[i + 4 : attr_end]
                    accum.append(Ext(text[i + 1 : i + 4], attr, inner, close))
                    i = j
                    continue
            m = elements_re.match(text, i + 1)
            if not m:
                accum.append("<")
                i += 1
                continue
            if m.group(2) == "!--":
                end_pos = text.find("-->", i + 4)
                if end_pos == -1:
                    accum.append(Comment(text[i:]))
                    i = n_text
                    continue
                ws_start = i - _rstrip_len(text, i) if i else 0
                ws_end = end_pos + 2 + _span(text, end_pos + 3)
                comments = [(ws_start, ws_end)]
                while text.startswith("<!--", ws_end + 1):
                    c = text.find("-->", ws_end + 5)
                    if c == -1:
                        break
                    c += 2 + _span(text, c + 3)
                    comments.append((ws_end + 1, c))
                    ws_end = c
                if (
                    ws_start > 0
                    and text[ws_start - 1 : ws_start] == "\n"
                    and text[ws_end + 1 : ws_end + 2] == "\n"
                ):
                    ws_len = i - ws_start
                    if ws_len > 0 and accum and isinstance(accum[-1], str):
                        last = accum[-1]
                        if len(last) >= ws_len and _rstrip_len(last, len(last)) >= ws_len:
                            accum[-1] = last[:-ws_len]
                    for com in comments[:-1]:
                        accum.append(Comment(text[com[0] : com[1] + 1]))
                    start_pos, end_pos = comments[-1][0], comments[-1][1] + 1
                    fake_line_start = True
                else:
                    start_pos = i
                    end_pos += 2
                if stack:
                    part = stack[-1].parts[-1]
                    if not (part.comment_end is not None and part.comment_end == ws_start - 1):
                        part.visual_end = ws_start
                    part.comment_end = end_pos
                i = end_pos + 1
                accum.append(Comment(text[start_pos : end_pos + 1]))
                continue

            name = m.group(1)
            attr_start = i + len(name) + 1
            tag_end = -1 if no_more_gt else text.find(">", attr_start)
            if tag_end == -1:
                no_more_gt = True
                accum.append("<")
                i += 1
                continue
            lower = name.lower()
            if lower in ignored_tags:
                accum.append(Ignore(text[i : tag_end + 1]))
                i = tag_end + 1
                continue
            tag_start = i
            if text[tag_end - 1] == "/":
                attr_end = tag_end - 1
                inner = None
                i = tag_end + 1
                close = None
            else:
                attr_end = tag_end
                cm = None if lower in no_more_closing else _close_re(name).search(text, tag_end + 1)
                if cm:
                    close = cm.group(0)
                    inner = text[tag_end + 1 : cm.start()]
                    i = cm.end()
                elif name in ALLOW_MISSING_END:
                    inner = text[tag_end + 1 :]
                    i = n_text
                    close = None
                else:
                    i = tag_end + 1
                    accum.append(text[tag_start : tag_end + 1])
                    no_more_closing.add(lower)
                    continue
            if lower in ignored_elements:
                accum.append(Ignore(text[tag_start:i]))
                continue
            attr = "" if attr_end <= attr_start else text[attr_start:attr_end]
            accum.append(Ext(name, attr, inner, close))

        elif found == "line-start":
            if fake_line_start:
                fake_line_start = False
            else:
                accum.append(cur)
                i += 1
            count = _span(text, i, "=", 6)
            if count == 1 and find_equals:
                pass  # looks like a name=value separator: let the equals handler have it
            elif count > 0:
                end = _PLAIN_LINE(text, i).end()
                if not exhaustive and (end == n_text or text[end] == "\n"):
                    # A line holding nothing that opens a piece: the heading (or text)
                    # that its piece below would give at the line's end.
                    search_start = end - _rstrip_len(text, end)
                    eq_len = _rstrip_len(text, search_start, "=")
                    if eq_len == 0:
                        level = 0
                    elif search_start - eq_len == i:
                        level = 0 if eq_len < 3 else min(6, (eq_len - 1) // 2)
                    else:
                        level = min(eq_len, count)
                    if level > 0:
                        accum.append(Heading(level, heading_index, [text[i:end]], i))
                        heading_index += 1
                    else:
                        accum.append(text[i:end])
                    i = end
                    continue
                piece = _Piece("\n", "\n", count)
                piece.parts[0].out.append("=" * count)
                piece.start_pos = i
                stack.append(piece)
                set_flags()
                i += count

        elif found == "line-end":
            piece = stack[-1]
            part = piece.parts[-1]
            ws_len = _rstrip_len(text, i)
            search_start = i - ws_len
            if part.comment_end is not None and search_start - 1 == part.comment_end:
                search_start = part.visual_end or 0
                search_start -= _rstrip_len(text, search_start)
            eq_len = _rstrip_len(text, search_start, "=")
            element: Children
            if eq_len > 0:
                if search_start - eq_len == piece.start_pos:
                    count = 0 if eq_len < 3 else min(6, (eq_len - 1) // 2)
                else:
                    count = min(eq_len, piece.count)
                if count > 0:
                    element = [Heading(count, heading_index, _compact(part.out), piece.start_pos)]
                    heading_index += 1
                else:
                    element = part.out
            else:
                element = part.out
            stack.pop()
            set_flags()
            accum.extend(element)
            # The input pointer stays: this newline may open the next heading.

        elif found == "open":
            assert rule is not None
            cur_len = len(cur)
            if cur_len > 1:
                count = _span(text, i + 1, cur[-1]) + 1
            elif text.startswith(cur, i + 2):
                count = _span(text, i, cur)
            else:
                count = 2 if text.startswith(cur, i + 1) else 1
            saved_prefix = ""
            line_start = i > 0 and text[i - 1] == "\n"
            if cur == "-{" and count > cur_len:
                saved_prefix = "-"
                i += 1
                cur = "{"
                count -= 1
                rule = _RULES[cur]
            if count == 2 and not saved_prefix:
                if cur == "{" and not exhaustive:
                    m = _PLAIN_TEMPLATE(text, i) or patterns.simple_template(text, i)
                    if m is not None:
                        j = m.end()
                        accum.append(_simple_template(text, i, j, line_start, patterns))
                        i = j
                        continue
                elif cur == "[" and exhaustive:
                    # (The text runs of the fast search take in such links whole.)
                    m = _EXHAUSTIVE_LINK_RE.match(text, i)
                    if m is not None:
                        accum.append(m.group())
                        i = m.end()
                        continue
            if count >= rule[2]:
                piece = _Piece(cur, rule[0], count, line_start)
                piece.saved_prefix = saved_prefix
                stack.append(piece)
                set_flags()
            else:
                accum.append(saved_prefix + cur * count)
            i += count

        elif found == "close":
            piece = stack[-1]
            max_count = piece.count
            if piece.close == "}-" and cur == "}":
                max_count -= 1
            cur_len = len(cur)
            count = cur_len if cur_len > 1 else _span(text, i, cur, max_count)
            _, names, rmin, rmax = _RULES[piece.open]
            if count > rmax:
                matching = rmax
            else:
                matching = count
                while matching > 0 and matching not in names:
                    matching -= 1
            if matching <= 0:
                accum.append(text[i : i + count])
                i += count
                continue
            kind = names[matching]
            if kind is None:
                element = piece.break_syntax(matching)
                element.append(text[i : i + matching])
            else:
                title = _compact(piece.parts[0].out)
                parts: list[Part] = []
                arg_index = 1
                for p in piece.parts[1:]:
                    if p.eqpos is not None:
                        parts.append(
                            Part(_compact(p.out[: p.eqpos]), _compact(p.out[p.eqpos + 1 :]), 0)
                        )
                    else:
                        parts.append(Part(None, _compact(p.out), arg_index))
                        arg_index += 1
                line = max_count == matching and piece.line_start and piece.saved_prefix == ""
                element = [Template(kind, title, parts, line)]
            i += matching
            stack.pop()
            if matching < piece.count:
                piece.parts = [_Part()]
                piece.count -= matching
                if piece.count >= _RULES[piece.open][2]:
                    stack.append(piece)
                elif piece.count == 1 and piece.open == "{" and piece.saved_prefix == "-":
                    piece.saved_prefix = ""
                    piece.open = "-{"
                    piece.count = 2
                    piece.close = _RULES["-{"][0]
                    stack.append(piece)
                else:
                    s = piece.open[:-1]
                    s += piece.open[-1] * (piece.count - len(s))
                    set_flags()
                    accum.append(piece.saved_prefix + s)
            elif piece.saved_prefix:
                set_flags()
                accum.append(piece.saved_prefix)
            set_flags()
            accum.extend(element)

        elif found == "pipe":
            stack[-1].parts.append(_Part())
            find_equals = True
            run_match = run(current_closing, find_pipe, True)
            accum = stack[-1].parts[-1].out
            i += 1

        elif found == "equals":
            find_equals = False
            run_match = run(current_closing, find_pipe, False)
            accum.append(EQUALS)
            stack[-1].parts[-1].eqpos = len(accum) - 1
            i += 1

    for piece in stack:
        root.extend(piece.break_syntax())
    return _compact(root, root=True)
