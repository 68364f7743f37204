"""Sections of wikitext for action=edit&section=N: MediaWiki's Parser::getSection and
replaceSection, through the engine's preprocessor (`vellum.wikitext.preprocessor.sections`,
Parser::extractSections), so the numbering is MediaWiki's exactly: headings inside comments,
<nowiki>, extension tags, template arguments and the like do not count."""

from __future__ import annotations

from vellum.wikitext.preprocessor import sections as pp_sections

from .errors import EditError


class NoSuchSection(EditError):
    """There is no section with that number."""

    code = "nosuchsection"


def get_section(text: str, section: int) -> str | None:
    """The text of section `section` (with its subsections), None if there is none."""
    # extract_sections answers its default for a missing section; None marks that here
    return pp_sections.get_section(text, section, None)  # type: ignore[arg-type]


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
    if get_section(text, int(section)) is None:
        raise NoSuchSection(f"There is no section {section}.")
    return pp_sections.replace_section(text, int(section), new)
