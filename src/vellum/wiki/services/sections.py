"""Sections of wikitext for action=edit&section=N (MediaWiki's Parser::getSection and
replaceSection): section 0 is the text before the first heading; section N runs from its
heading to the next heading of the same or a higher level. Headings inside comments,
<nowiki>, <pre> and similar blocks do not count."""

from __future__ import annotations

import re

from .errors import EditError

_HEADING = re.compile(r"^(={1,6})(.+?)\1[ \t]*(?:<!--.*?-->[ \t]*)*$", re.M)
_OPAQUE = re.compile(
    r"<!--.*?(?:-->|\Z)|<(nowiki|pre|syntaxhighlight|source|math|includeonly|noinclude)\b[^>]*>"
    r".*?(?:</\1\s*>|\Z)",
    re.S | re.I,
)


class NoSuchSection(EditError):
    """There is no section with that number."""

    code = "nosuchsection"


def _headings(text: str) -> list[tuple[int, int]]:
    """(offset, level) of each real heading."""
    masked = _OPAQUE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    out = []
    for m in _HEADING.finditer(masked):
        level = len(m.group(1))
        inner = m.group(2)
        # "==a=" style: MediaWiki uses the smaller run of equals signs
        if inner.strip() == "" and level == 1:
            continue
        out.append((m.start(), level))
    return out


def section_bounds(text: str, section: int) -> tuple[int, int] | None:
    heads = _headings(text)
    if section == 0:
        return 0, heads[0][0] if heads else len(text)
    if section < 0 or section > len(heads):
        return None
    start, level = heads[section - 1]
    end = len(text)
    for off, lvl in heads[section:]:
        if lvl <= level:
            end = off
            break
    return start, end


def get_section(text: str, section: int) -> str | None:
    bounds = section_bounds(text, section)
    if bounds is None:
        return None
    return text[bounds[0] : bounds[1]].rstrip()


def parse_section(value: str | int | None) -> int | str | None:
    """A section parameter: None, 'new', or a number; raises NoSuchSection otherwise."""
    if value is None or value == "":
        return None
    if value == "new":
        return "new"
    try:
        n = int(value)
    except (TypeError, ValueError):
        raise NoSuchSection(f'The section "{value}" is not valid.') from None
    if n < 0:
        raise NoSuchSection(f'The section "{value}" is not valid.')
    return n


def replace_section(text: str, section: int | str, new: str, section_title: str = "") -> str:
    """The whole text with `section` replaced by `new` ('new' appends a section)."""
    if section == "new":
        heading = f"== {section_title} ==\n\n" if section_title else ""
        return (text.rstrip() + "\n\n" if text.strip() else "") + heading + new
    bounds = section_bounds(text, int(section))
    if bounds is None:
        raise NoSuchSection(f"There is no section {section}.")
    start, end = bounds
    rest = text[end:]
    new = new.rstrip()
    if rest and new:
        new += "\n\n"
    return text[:start] + new + rest
