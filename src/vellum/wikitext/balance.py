"""Balance the HTML as MediaWiki's Remex tidy step does (MWTidy / RemexDriver).

The fragment is parsed with an HTML5 tree builder (lexbor, through selectolax) and
serialised the way RemexCompatFormatter does: void elements as `<br />`, empty <p>, <li>
and <tr> marked `class="mw-empty-elt"`, inline content directly in <body> wrapped in <p>.
Inputs nested too deeply for a tree builder to stay linear are balanced by a simple
stack-based closer instead.
"""

from __future__ import annotations

import re
from itertools import accumulate, repeat

try:
    from selectolax.lexbor import LexborHTMLParser
except ImportError:  # pragma: no cover - the dependency is declared
    LexborHTMLParser = None

VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "keygen",
}  # fmt: skip
RAW_TEXT = {"script", "style", "xmp", "iframe", "noembed", "noframes", "plaintext", "noscript"}
MARKED_EMPTY = {"li", "p", "tr"}
INLINE = {
    "a", "abbr", "acronym", "applet", "b", "basefont", "bdo", "big", "br", "button",
    "cite", "code", "del", "dfn", "em", "font", "i", "iframe", "img", "input", "ins",
    "kbd", "label", "legend", "map", "object", "param", "q", "rb", "rbc", "rp", "rt",
    "rtc", "ruby", "s", "samp", "select", "small", "span", "strike", "strong", "sub",
    "sup", "textarea", "tt", "u", "var", "video", "audio", "bdi", "data", "time", "mark",
    "wbr",
}  # fmt: skip
METADATA = {"link", "meta", "style", "script"}
MAX_TREE_DEPTH = 300
TABLE_MARKER = "<!--mw-table-->"
AMP_PLACEHOLDER = "\ue000"
QUICK_TAG_COUNT = 8000

_TEXT_ESC = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\xa0": "&#160;"})
_ATTR_ESC = str.maketrans({"&": "&amp;", '"': "&quot;", "\xa0": "&#160;"})
_TAG_RE = re.compile(r"<(/?)([A-Za-z][^\t\n\x0c />]*)[^>]*?(/?)>|<!--.*?-->", re.S)


def _nesting_depth(html: str) -> int:
    """An upper bound of the element nesting the tree builder would build."""
    # Lexbor's cost grows with depth x tags; below this many tags it stays well under a
    # second even when every tag nests, so only bigger inputs need the exact scan.
    if html.count("<") <= QUICK_TAG_COUNT:
        return 0
    bound = _nesting_bound(html)
    if bound <= MAX_TREE_DEPTH:
        return bound
    return _nesting_depth_exact(html)


# The tags _nesting_depth_exact reads (the same matches): "/" for an end tag, else the name
_TAG_STEP = re.compile(r"<(/(?=[A-Za-z])|[A-Za-z][^\t\n\x0c />]*)[^>]*>")
_DEPTH_STEP = {"/": -1} | dict.fromkeys(VOID, 0)


def _nesting_bound(html: str) -> int:
    """A quick upper bound of _nesting_depth_exact, without a Python loop per tag: it
    counts self-closed elements as opened, and takes the spread of the unclamped depth."""
    names = map(str.lower, _TAG_STEP.findall(html))
    depths = list(accumulate(map(_DEPTH_STEP.get, names, repeat(1)), initial=0))
    return max(depths) - min(depths)


_TAG_NAMES = re.compile(r"<(/?)([A-Za-z][^\t\n\x0c />]*)([^>]*)>")


def _nesting_depth_exact(html: str) -> int:
    depth = best = 0
    void = VOID
    for slash, name, rest in _TAG_NAMES.findall(html):
        if slash:
            if depth:
                depth -= 1
        elif not rest.endswith("/") and name.lower() not in void:
            depth += 1
            if depth > best:
                best = depth
    return best


def simple_balance(html: str) -> str:
    """Close every unclosed element and drop stray end tags (linear time)."""
    out: list[str] = []
    stack: list[str] = []
    counts: dict[str, int] = {}
    pos = 0
    for m in _TAG_RE.finditer(html):
        out.append(html[pos : m.start()])
        pos = m.end()
        name = m.group(2)
        if name is None:
            out.append(m.group(0))
            continue
        name = name.lower()
        if m.group(1):
            if counts.get(name):
                while stack:
                    top = stack.pop()
                    counts[top] -= 1
                    out.append(f"</{top}>")
                    if top == name:
                        break
            continue
        if name in VOID or m.group(3):
            out.append(m.group(0))
            continue
        stack.append(name)
        counts[name] = counts.get(name, 0) + 1
        out.append(m.group(0))
    out.append(html[pos:])
    while stack:
        out.append(f"</{stack.pop()}>")
    return "".join(out)


def _attrs(node) -> str:
    attrs = node.attributes
    if not attrs:
        return ""
    parts = []
    for k, v in attrs.items():
        parts.append(f' {k}="{(v or "").translate(_ATTR_ESC)}"')
    return "".join(parts)


def _serialize_children(first, out: list[str], in_raw: bool = False) -> None:
    """Iterative serialisation of a sibling chain and its descendants."""
    # stack items: (node) to open, or ("close", name, start_index, has_attrs)
    stack: list = []
    node = first
    while True:
        while node is not None:
            tag = node.tag
            if tag == "-text":
                text = node.text_content or ""
                out.append(text if in_raw else text.translate(_TEXT_ESC))
            elif tag == "-comment" or tag == "_comment":
                out.append(node.html or "")
            elif tag.startswith("-") or tag.startswith("!"):
                pass
            else:
                attrs = _attrs(node)
                if tag in VOID:
                    out.append(f"<{tag}{attrs} />")
                elif tag == "blockquote" and not in_raw:
                    out.append(f"<{tag}{attrs}>")
                    out.extend(_pwrap_children(node.child))
                    out.append(f"</{tag}>")
                else:
                    out.append(f"<{tag}{attrs}>")
                    child = node.child
                    if tag in ("pre", "textarea", "listing") and child is not None:
                        if child.tag == "-text" and (child.text_content or "").startswith("\n"):
                            out.append("\n")
                    stack.append((node.next, tag, len(out), bool(attrs), in_raw))
                    in_raw = in_raw or tag in RAW_TEXT
                    node = child
                    continue
            node = node.next
        if not stack:
            break
        nxt, tag, start, has_attrs, in_raw = stack.pop()
        if tag in MARKED_EMPTY and not has_attrs:
            content = "".join(out[start:])
            if content.strip("\t\n\x0c\r ") == "":
                out[start - 1] = f'<{tag} class="mw-empty-elt">'
        out.append(f"</{tag}>")
        node = nxt


# Where lexbor's serialisation of a subtree may differ from _serialize_children's by more
# than the fixups of _serialize_flat: comments and raw text (which those fixups must not
# touch), '<' and '>' (escaped by lexbor in attributes too), elements lexbor treats as
# void but Remex does not, <blockquote> (p-wrapped), foreign and template content.
_FLAT_UNSAFE = re.compile(
    r"<!--|&lt;|&gt;|<(?:script|style|xmp|iframe|noembed|noframes|plaintext|noscript"
    r"|template|blockquote|svg|math|basefont|bgsound|frame)"
)
_VOID_TAG = re.compile(
    r"<(area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr|keygen)"
    r"((?: [^>]*)?)>"
)


def _serialize_flat(body) -> str | None:
    """The children of `body` as _serialize_children writes them (no p-wrapping), from
    lexbor's serialisation in one piece; None when that may differ (see _FLAT_UNSAFE)."""
    html = body.inner_html or ""
    if _FLAT_UNSAFE.search(html):
        return None
    if "&nbsp;" in html:
        html = html.replace("&nbsp;", "&#160;")
    html = _VOID_TAG.sub(r"<\1\2 />", html)
    if "</" in html:
        html = _EMPTY_ELT.sub(r'<\1 class="mw-empty-elt">\2</\1>', html)
        if "<pre" in html or "<textarea" in html or "<listing" in html:
            html = _PRE_NEWLINE.sub("\\1\n\n", html)
    return html


def _pwrap_body(body, marked: bool) -> str:
    """The p-wrapped body, without table markers (`marked`: the input had tables)."""
    blocks = _serialize_blocks(body)
    if blocks is not None:
        return blocks
    html = "".join(_pwrap_children(body.child))
    # (a marker-like comment in raw text survives when the input had no table)
    return html.replace(TABLE_MARKER, "") if marked else html


def _serialize_blocks(body) -> str | None:
    """What _pwrap_children makes of a body holding only blocks, metadata, blank text and
    table markers (nothing to wrap), from lexbor's serialisation in one piece: the
    fixups _serialize_one makes per node cannot match across two nodes. None for any
    other body, or one with a <blockquote> (which needs p-wrapping)."""
    node = body.child
    while node is not None:
        t = node.tag
        if t == "-text":
            if (node.text_content or "").strip("\t\n\x0c\r "):
                return None
        elif t == "-comment":
            if node.html != TABLE_MARKER:
                return None
        elif t in INLINE or t.startswith("-") or t.startswith("!"):
            return None
        node = node.next
    html = (body.inner_html or "").replace(TABLE_MARKER, "")
    if _NEEDS_FIXUP.search(html) is None:
        return html
    if "<blockquote" in html:
        return None
    html = _EMPTY_ELT.sub(r'<\1 class="mw-empty-elt">\2</\1>', html)
    if "<pre" in html or "<textarea" in html or "<listing" in html:
        html = _PRE_NEWLINE.sub("\\1\n\n", html)
    return html


SPLITTABLE = {
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong",
    "tt", "u",
}  # fmt: skip


def _is_block(node) -> bool:
    t = node.tag
    return t not in INLINE and t not in METADATA and not t.startswith("-")


def _splittable_chain(node) -> list | None:
    """The formatting elements from `node` down to the parent of its first block
    descendant, when all of them are splittable (else None)."""
    chain = [node]
    cur = node
    while True:
        if cur.tag not in SPLITTABLE:
            return None
        nxt = None
        child = cur.child
        while child is not None:
            if child.tag != "-text" and not child.tag.startswith("-"):
                if _is_block(child):
                    return chain
                if _has_block_descendant(child):
                    nxt = child
                    break
            child = child.next
        if nxt is None:
            return None
        chain.append(nxt)
        cur = nxt


def _aaa_clone(prev, block) -> str | None:
    """When a block follows formatting elements and starts with their clones (the
    adoption agency moved it out of them), Remex's split leaves empty clones before the
    block: return them, e.g. '<i></i>'."""
    if prev.tag not in SPLITTABLE or not _is_block(block):
        return None
    opens: list[str] = []
    closes: list[str] = []
    a, b = prev, block.child
    while (
        a is not None
        and b is not None
        and a.tag in SPLITTABLE
        and b.tag == a.tag
        and b.attributes == a.attributes
    ):
        opens.append(_open_tag(a))
        closes.insert(0, f"</{a.tag}>")
        a = a.last_child
        while a is not None and a.tag == "-text" and not (a.text_content or "").strip():
            a = a.prev
        b = b.child
    if not opens:
        return None
    return "".join(opens) + "".join(closes)


def _is_empty(node) -> bool:
    """No text and no elements other than (empty) formatting elements."""
    if (node.text(deep=True) or "").strip("\t\n\x0c\r "):
        return False
    return all(d.tag in SPLITTABLE for d in node.traverse(include_text=False))


def _open_tag(node) -> str:
    return f"<{node.tag}{_attrs(node)}>"


def _split_around_block(prefix: list[tuple], chain: list, out: list[str]) -> None:
    """RemexCompatMunger's split: a block inside formatting elements inside a p-wrapper
    closes the wrapper; the formatting elements are cloned around the block, and the
    inline content after it gets a new wrapper. `prefix` holds the wrapped content
    before it, as the sibling walk's (node, tag, text or HTML) items."""
    before: list[str] = []
    for g in prefix:
        _serialize_item(g, before)
    after_parts: list[list[str]] = []
    block = None
    for depth, el in enumerate(chain):
        before.append(_open_tag(el))
        target = chain[depth + 1] if depth + 1 < len(chain) else None
        child = el.child
        while child is not None:
            if target is not None and child == target:
                break
            if target is None and child.tag != "-text" and _is_block(child):
                block = child
                break
            _serialize_one(child, before)
            child = child.next
        rest: list[str] = []
        child = child.next if child is not None else None
        while child is not None:
            _serialize_one(child, rest)
            child = child.next
        after_parts.append(rest)
    before.extend(f"</{el.tag}>" for el in reversed(chain))
    before_html = "".join(before)
    # a wrapper holding nothing but blanks inside the split elements is dropped
    if prefix or re.sub(r"<[^>]*>", "", before_html).strip("\t\n\x0c\r "):
        out.append("<p>" + before_html + "</p>")
    opens = "".join(_open_tag(el) for el in chain)
    closes = "".join(f"</{el.tag}>" for el in reversed(chain))

    def inline_segment(parts: list[str]) -> None:
        html = "".join(parts)
        if re.sub(r"<[^>]*>", "", html).strip("\t\n\x0c\r "):
            out.append("<p>" + opens + html + closes + "</p>")

    # every block inside the innermost element gets its own clones; inline content
    # between blocks gets a new p-wrapper (dropped when blank)
    node = block
    segment: list[str] = []
    while node is not None:
        if node.tag != "-text" and _is_block(node):
            inline_segment(segment)
            segment = []
            mid: list[str] = []
            _serialize_one(node, mid)
            out.append(opens + "".join(mid) + closes)
        else:
            _serialize_one(node, segment)
        node = node.next
    inline_segment(segment)
    # what follows the innermost element inside the outer ones
    outer: list[str] = []
    for depth in range(len(chain) - 2, -1, -1):
        outer.extend(after_parts[depth])
    if outer:
        html = "".join(outer)
        if re.sub(r"<[^>]*>", "", html).strip("\t\n\x0c\r "):
            outer_opens = "".join(_open_tag(el) for el in chain[:-1])
            outer_closes = "".join(f"</{el.tag}>" for el in reversed(chain[:-1]))
            out.append("<p>" + outer_opens + html + outer_closes + "</p>")


def _has_block_descendant(node) -> bool:
    for d in node.traverse(include_text=False):
        t = d.tag
        if t not in INLINE and t not in METADATA and not t.startswith("-"):
            return True
    return False


def _item_html(node, tag: str) -> str:
    """What the sibling walk keeps of a node: its text, or its serialised HTML."""
    if tag == "-text":
        return node.text_content or ""
    return node.html or ""


def _serialize_item(item: tuple, out: list[str]) -> None:
    node, tag, html = item
    if tag == "-text":
        out.append(html.translate(_TEXT_ESC))
    else:
        _serialize_one(node, out, html)


def _pwrap_children(first) -> list[str]:
    """Serialise a chain of siblings, wrapping runs of inline content in <p> as Remex's
    munger does directly under <body> and <blockquote>."""
    out: list[str] = []
    # (node, tag, text or HTML): each node is serialised by lexbor only once
    run: list[tuple] = []

    def emit(group: list[tuple]) -> None:
        wrap = False
        for _, t, h in group:
            if t == "-text":
                if h.strip("\t\n\x0c\r "):
                    wrap = True
                    break
            elif t not in METADATA and not t.startswith("-"):
                wrap = True
                break
        if not wrap:
            for item in group:
                _serialize_item(item, out)
            return
        # whitespace-only text before the first content stays outside the wrapper
        k = 0
        while k < len(group) and group[k][1] == "-text" and not group[k][2].strip("\t\n\x0c\r "):
            out.append(group[k][2].translate(_TEXT_ESC))
            k += 1
        buf: list[str] = ["<p>"]
        for item in group[k:]:
            _serialize_item(item, buf)
        buf.append("</p>")
        out.append("".join(buf))

    def flush() -> None:
        if not run:
            return
        # A block element inserted inside the wrapped inline content removes the
        # p-wrapper (RemexCompatMunger); content after it gets a new wrapper.
        group: list[tuple] = []
        for item in run:
            n, t, _ = item
            if t in INLINE and _has_block_descendant(n):
                chain = _splittable_chain(n)
                if chain is not None:
                    while group and group[-1][1] in SPLITTABLE and _is_empty(group[-1][0]):
                        group.pop()
                    _split_around_block(group, chain, out)
                    group = []
                    continue
                group.append(item)
                for g in group:
                    _serialize_item(g, out)
                group = []
            else:
                group.append(item)
        if group:
            emit(group)
        run.clear()

    # Content the tree builder fostered out of a table sits between the table's marker
    # and the table; Remex inserts it before the table, not under <body>: no p-wrapper.
    in_foster = False
    node = first
    while node is not None:
        t = node.tag
        if t == "-text" or t == "-comment" or t in INLINE or t in METADATA:
            h = _item_html(node, t)
            if t == "-comment" and h == TABLE_MARKER:
                flush()
                in_foster = True
            elif in_foster:
                _serialize_item((node, t, h), out)
            else:
                run.append((node, t, h))
                if t != "-text" and t != "-comment" and _has_open_marker(h):
                    flush()
                    in_foster = True
        elif in_foster and t != "table":
            _serialize_one(node, out)
        else:
            clone = _aaa_clone(run[-1][0], node) if run else None
            if clone is not None:
                # an empty formatting element still open at the split is moved, not cloned
                while run and run[-1][1] in SPLITTABLE and _is_empty(run[-1][0]):
                    run.pop()
            flush()
            if clone is not None:
                out.append(clone)
            had_marker = _serialize_one(node, out)
            if t == "table":
                in_foster = False
            elif had_marker:
                in_foster = True
        node = node.next
    flush()
    return out


def _has_open_marker(html: str) -> bool:
    """A table marker whose table is not inside this HTML: the table comes next."""
    return TABLE_MARKER in html and html.count(TABLE_MARKER) > html.count("<table")


_PRE_NEWLINE = re.compile(r"(<(?:pre|textarea|listing)\b[^>]*>)\n")
_EMPTY_ELT = re.compile(r"<(p|li|tr)>([\t\n\x0c\r ]*)</\1>")
# Everything _serialize_one may have to change in lexbor's HTML, found in one scan.
_NEEDS_FIXUP = re.compile(
    "<(?:"
    + re.escape(TABLE_MARKER[1:])
    + r"|blockquote|(p|li|tr)>[\t\n\x0c\r ]*</\1>|(?:pre|textarea|listing)\b[^>]*>\n)"
)


def _serialize_one(node, out: list[str], html: str | None = None) -> bool:
    """Serialise one node (not its following siblings); lexbor's own serialiser does
    subtrees without <blockquote> (which needs p-wrapping). True if the node held a
    table marker. `html` is the node's serialisation when the caller already has it."""
    tag = node.tag
    if tag == "-text":
        out.append((node.text_content or "").translate(_TEXT_ESC))
        return False
    if html is None:
        html = node.html or ""
    if _NEEDS_FIXUP.search(html) is None:
        out.append(html)
        return False
    marker = _has_open_marker(html)
    if "<blockquote" in html:
        _serialize_one_py(node, out)
        return marker
    if TABLE_MARKER in html:
        html = html.replace(TABLE_MARKER, "")
    if "</" in html:
        html = _EMPTY_ELT.sub(r'<\1 class="mw-empty-elt">\2</\1>', html)
        if "<pre" in html or "<textarea" in html or "<listing" in html:
            html = _PRE_NEWLINE.sub("\\1\n\n", html)
    out.append(html)
    return marker


def _serialize_one_py(node, out: list[str]) -> None:
    # serialise a single node (not its following siblings)
    tag = node.tag
    if tag == "-text":
        out.append((node.text_content or "").translate(_TEXT_ESC))
        return
    if tag in ("-comment", "_comment"):
        out.append(node.html or "")
        return
    attrs = _attrs(node)
    if tag in VOID:
        out.append(f"<{tag}{attrs} />")
        return
    start = len(out) + 1
    out.append(f"<{tag}{attrs}>")
    child = node.child
    if tag in ("pre", "textarea", "listing") and child is not None:
        if child.tag == "-text" and (child.text_content or "").startswith("\n"):
            out.append("\n")
    if tag == "blockquote":
        out.extend(_pwrap_children(child))
    elif child is not None:
        _serialize_children(child, out, tag in RAW_TEXT)
    if tag in MARKED_EMPTY and not attrs:
        if "".join(out[start:]).strip("\t\n\x0c\r ") == "":
            out[start - 1] = f'<{tag} class="mw-empty-elt">'
    out.append(f"</{tag}>")


# The first rule of Sanitizer::armorFrenchSpaces; a pattern starting with a literal space
# scans far faster than one starting with a character class (and consuming the mark is
# faster than looking ahead at it; a mark is never a space, so no match is missed).
_SPACE_BEFORE = re.compile(r" [?:;!%»›](?!\w)")


def _spaces_after_quotes(html: str) -> list[int]:
    """Positions of the spaces after « and ‹ (the second rule)."""
    found: list[int] = []
    for quote in ("« ", "‹ "):
        i = html.find(quote)
        while i != -1:
            found.append(i + 1)
            i = html.find(quote, i + 2)
    return found


def _in_tag(html: str, pos: int) -> bool:
    """Whether `pos` (not '<' or '>') lies inside a tag as `<[^>]*>` splits `html`: every
    '<' with a '>' somewhere after it is part of such a tag, so `pos` is inside one when a
    '<' follows the last '>' before it and a '>' comes after it."""
    lt = html.rfind("<", 0, pos)
    return lt != -1 and html.find(">", lt, pos) == -1 and html.find(">", pos) != -1


def armor_french_spaces(html: str) -> str:
    """Non-breaking spaces before ? : ; ! % » › and after « ‹, in text only (never in
    attributes), as the Remex formatter does (Sanitizer::armorFrenchSpaces)."""
    if " " not in html:
        return html
    spaces = [m.start() for m in _SPACE_BEFORE.finditer(html)]
    if "«" in html or "‹" in html:
        after = _spaces_after_quotes(html)
        if after:
            # "« :" is one replacement: the space after « is not also a space before ':'
            spaces = sorted(set(spaces).union(after))
    if not spaces:
        return html
    parts: list[str] = []
    pos = 0
    for i in spaces:
        if not _in_tag(html, i):
            parts.append(html[pos:i])
            parts.append("&#160;")
            pos = i + 1
    if not parts:
        return html
    parts.append(html[pos:])
    return "".join(parts)


def tidy(html: str, pwrap: bool = True) -> str:
    """Balance an HTML fragment as MediaWiki's Remex tidy does."""
    return armor_french_spaces(_tidy(html, pwrap))


def _tidy(html: str, pwrap: bool = True) -> str:
    if LexborHTMLParser is None or _nesting_depth(html) > MAX_TREE_DEPTH:
        return simple_balance(html)
    # Remex keeps character references as they are written: hide the '&' from the tree
    # builder behind a private-use character and put it back afterwards.
    protect = "&" in html and AMP_PLACEHOLDER not in html
    marked = False
    if pwrap:
        with_markers = html.replace("<table", TABLE_MARKER + "<table")
        marked = len(with_markers) != len(html)
        html = with_markers
    if protect:
        html = html.replace("&", AMP_PLACEHOLDER)
    tree = LexborHTMLParser("<!DOCTYPE html><html><body>" + html)
    body = tree.body
    if body is None:
        return simple_balance(html.replace(AMP_PLACEHOLDER, "&") if protect else html)
    if pwrap:
        result = _pwrap_body(body, marked)
    else:
        result = _serialize_flat(body)
        if result is None:
            out: list[str] = []
            if body.child is not None:
                _serialize_children(body.child, out)
            result = "".join(out)
    return result.replace(AMP_PLACEHOLDER, "&") if protect else result
