"""RenderResult: the HTML of a render and what the wiki stores about it (ParserOutput)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Section:
    """One heading, as ParserOutput::getSections() lists it."""

    level: int  # 1..6, the number of '=' signs
    toclevel: int  # nesting level in the table of contents
    line: str  # heading text as HTML (links removed)
    number: str  # "1.2"
    index: str  # section number for action=edit&section= ("T-1" for template headings)
    anchor: str
    byte_offset: int | None  # offset in the wikitext, None for template headings
    from_title: str | None = None


@dataclass
class RenderResult:
    html: str
    links: list[str] = field(default_factory=list)  # prefixed DB keys of internal links
    templates: list[str] = field(default_factory=list)  # prefixed DB keys transcluded
    categories: list[tuple[str, str]] = field(default_factory=list)  # (dbkey, sort key)
    images: list[str] = field(default_factory=list)  # file names (DB keys) used
    external_links: list[str] = field(default_factory=list)
    language_links: list[str] = field(default_factory=list)  # "fr:Foo"
    sections: list[Section] = field(default_factory=list)
    redirect_target: str | None = None  # prefixed text, with '#fragment' if any
    display_title: str | None = None  # HTML
    default_sort: str | None = None
    behaviour_switches: set[str] = field(default_factory=set)  # "NOTOC", "FORCETOC", ...
    warnings: list[str] = field(default_factory=list)
    limit_report: dict[str, int] = field(default_factory=dict)
    tracking_categories: list[str] = field(default_factory=list)
    indicators: dict[str, str] = field(default_factory=dict)  # <indicator name=…> HTML
    # ParserOutput flags ("show-toc", "vary-revision-id", "vary-user", ...)
    flags: set[str] = field(default_factory=set)
