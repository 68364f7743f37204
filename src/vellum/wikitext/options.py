"""RenderOptions: per-render settings (MediaWiki's ParserOptions plus the page context)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class RenderOptions:
    revision_id: int | None = None  # {{REVISIONID}}
    revision_timestamp: str | None = None  # "YYYYMMDDHHMMSS"
    revision_user: str | None = None
    page_id: int | None = None
    now: float | None = None  # fixed clock (Unix time) for {{CURRENT...}}, #time, ~~~~
    user_name: str | None = None  # for the pre-save transform's signatures
    language: str | None = None  # content language override
    edit_section_links: bool = True
    wrap: bool = False  # wrap in <div class="mw-parser-output">
    allow_toc: bool = True
    preview: bool = False
    interface_message: bool = False
    for_inclusion: bool = False
    # Render a redirect page as a page view does (WikitextContent::fillParserOutput):
    # the "Redirect to:" header, then the rest of the text. Parser::parse itself does not.
    redirect_header: bool = False
    # Per-render overrides of SiteConfig fields or MediaWiki globals ("wgMaxTocLevel": 2).
    config: dict[str, Any] = field(default_factory=dict)
    # The parser test's `!! options`, for rules that honour them.
    test_options: dict[str, Any] = field(default_factory=dict)
