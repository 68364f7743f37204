"""vellum.wikitext: MediaWiki 1.39's wikitext parser as a pure library (no Django).

from vellum.wikitext import render, MemorySite
result = render("'''Hello''' [[World]]", "Main Page", MemorySite())
result.html, result.links, result.sections, ...
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .namespaces import Namespaces
from .result import RenderResult, Section
from .site import FileInfo, Interwiki, LinkInfo, MemorySite, Site, SiteConfig
from .title import InvalidTitle, Title

if TYPE_CHECKING:
    from .options import RenderOptions

__all__ = [
    "FileInfo",
    "Interwiki",
    "InvalidTitle",
    "LinkInfo",
    "MemorySite",
    "Namespaces",
    "RenderResult",
    "Section",
    "Site",
    "SiteConfig",
    "Title",
    "render",
]


def render(
    wikitext: str, title: str | Title, site: Site, options: RenderOptions | None = None
) -> RenderResult:
    """Render `wikitext` as page `title` of `site` (MediaWiki's Parser::parse)."""
    from .parser import render as _render

    return _render(wikitext, title, site, options)


def __getattr__(name: str) -> Any:
    if name == "RenderOptions":
        from .options import RenderOptions

        return RenderOptions
    raise AttributeError(name)
