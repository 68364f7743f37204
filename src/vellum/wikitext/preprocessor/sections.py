"""Sections of a page's wikitext (Parser::getSection / replaceSection / extractSections).

Sections are found on the preprocessor tree, so headings inside templates, comments,
`<nowiki>` or `<includeonly>` are not section breaks, exactly as for section edit links.
A section id is "N" for the page's N-th heading or "T-N" for a template's (counted with
<includeonly> parts shown). Section 0 is the text before the first heading.
"""

from __future__ import annotations

from collections.abc import Iterable

from .dom import Comment, Equals, Ext, Heading, Ignore, Part, Template, build


def source_text(nodes: Iterable) -> str:
    """The wikitext a tree was built from (expansion with PPFrame::RECOVER_ORIG)."""
    out: list[str] = []
    stack = [iter(nodes)]
    while stack:
        for node in stack[-1]:
            if isinstance(node, str):
                out.append(node)
                continue
            cls = node.__class__
            if cls is Template:
                open_, close = ("{{", "}}") if node.kind == "template" else ("{{{", "}}}")
                seq: list = [open_, *node.title]
                for part in node.parts:
                    seq.append("|")
                    seq.append(part)
                seq.append(close)
                stack.append(iter(seq))
                break
            if cls is Part:
                seq = [*node.name, "="] if node.name is not None else []
                seq.extend(node.value)
                stack.append(iter(seq))
                break
            if cls is Heading:
                stack.append(iter(node.children))
                break
            if cls is Comment or cls is Ignore:
                out.append(node.text)
            elif cls is Ext:
                s = "<" + node.name + node.attr
                if node.inner is None:
                    s += "/>"
                else:
                    s += ">" + node.inner + (node.close or "")
                out.append(s)
            elif cls is Equals:
                out.append("=")
        else:
            stack.pop()
    return "".join(out)


def _split_id(section_id: str | int) -> tuple[bool, int | None]:
    parts = str(section_id).split("-")
    index_text = parts.pop()
    for_inclusion = "T" in parts
    try:
        return for_inclusion, int(index_text)
    except ValueError:
        return for_inclusion, None


def extract_sections(
    text: str,
    section_id: str | int,
    mode: str,
    new_text: str = "",
    tags: Iterable[str] = (),
) -> str:
    """Parser::extractSections: `mode` 'get' returns the section, 'replace' the page with
    the section replaced by `new_text`."""
    for_inclusion, index = _split_id(section_id)
    if text == "":
        if index == 0:
            return "" if mode == "get" else new_text
        return new_text if mode == "get" else text
    if index is None:
        return new_text if mode == "get" else text
    nodes = build(text, tags, for_inclusion)
    out: list[str] = []
    pos = 0
    target_level = 1000
    if index != 0:
        found = False
        while pos < len(nodes):
            node = nodes[pos]
            if isinstance(node, Heading) and node.i == index:
                target_level = node.level
                found = True
                break
            if mode == "replace":
                out.append(source_text([node]))
            pos += 1
        if not found:
            return new_text if mode == "get" else text
    # The section with its subsections.
    while pos < len(nodes):
        node = nodes[pos]
        if isinstance(node, Heading) and node.i != index and node.level <= target_level:
            break
        if mode == "get":
            out.append(source_text([node]))
        pos += 1
    if mode == "replace":
        if new_text != "":
            out.append(new_text + "\n\n")
        out.append(source_text(nodes[pos:]))
    return "".join(out).rstrip(" \t\n\r\0\x0b")


def _tags() -> tuple[str, ...]:
    from ..extensions import TAG_HOOKS, load

    load()
    return tuple(TAG_HOOKS)


def get_section(text: str, section_id: str | int, default: str = "") -> str:
    """The text of section `section_id` (with its subsections), or `default`."""
    return extract_sections(text, section_id, "get", default, _tags())


def replace_section(old_text: str, section_id: str | int, new_text: str) -> str:
    """`old_text` with section `section_id` replaced by `new_text` (unchanged if absent)."""
    return extract_sections(old_text, section_id, "replace", new_text, _tags())
