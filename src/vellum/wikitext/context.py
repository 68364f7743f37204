"""ParserContext: the state of one render, shared by every stage and extension.

It is what MediaWiki spreads over Parser, ParserOptions, ParserOutput and StripState:
the page being rendered, the Site, the options, the strip state, the metadata collected
for the RenderResult, limit counters, and per-extension state (`ext_state`).

Extensions and the preprocessor call only the methods documented here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .options import RenderOptions
from .result import RenderResult
from .site import Site, SiteConfig
from .strip import StripState
from .title import Title

if TYPE_CHECKING:
    from .parser import Parser


@dataclass
class ParserContext:
    site: Site
    config: SiteConfig
    title: Title
    options: RenderOptions
    parser: Parser
    output: RenderResult = field(default_factory=lambda: RenderResult(html=""))
    strip: StripState = field(default_factory=StripState)
    # Per-extension state, e.g. ext_state["cite"] holds Cite's reference stack.
    ext_state: dict[str, Any] = field(default_factory=dict)
    # Limit counters (preprocessor node count, expensive functions, include size, ...).
    counters: dict[str, int] = field(default_factory=dict)
    # Per-page parser state (TOC flags, behaviour switches, ...), owned by the parser.
    page: dict[str, Any] = field(default_factory=dict)
    # try_title's answers by default namespace and text, shared with other renders.
    titles: dict[int, dict[str, Title | None]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.titles = self.config.title_memo()

    def title_memo(self, default_namespace: int = 0) -> dict[str, Title | None]:
        """try_title's answers so far for `default_namespace`, by text."""
        memo = self.titles.get(default_namespace)
        if memo is None:
            memo = self.titles[default_namespace] = {}
        return memo

    def try_title(self, text: str, default_namespace: int = 0) -> Title | None:
        """config.try_title, memoised."""
        memo = self.title_memo(default_namespace)
        if text in memo:
            return memo[text]
        title = memo[text] = self.config.try_title(text, default_namespace)
        return title

    # --- recursion into the parser (MediaWiki's Parser::recursive* methods) -------------
    def recursive_preprocess(self, text: str, frame: Any = None) -> str:
        """Expand templates etc. in `text` (Parser::recursivePreprocess)."""
        return self.parser.recursive_preprocess(self, text, frame)

    def recursive_tag_parse(self, text: str, frame: Any = None) -> str:
        """Wikitext to HTML without paragraphs (Parser::recursiveTagParse). The result may
        still hold strip markers and link holders; it is finished with the page."""
        return self.parser.recursive_tag_parse(self, text, frame)

    def recursive_tag_parse_fully(self, text: str, frame: Any = None) -> str:
        """Wikitext to HTML with paragraphs and lists (Parser::recursiveTagParseFully)."""
        return self.parser.recursive_tag_parse_fully(self, text, frame)

    # --- metadata ---------------------------------------------------------------------
    def add_link(self, title: Title) -> None:
        key = title.prefixed_dbkey
        seen = self.page.setdefault("_links_seen", set())
        if key not in seen:
            seen.add(key)
            self.output.links.append(key)

    def add_links(self, titles: Iterable[Title]) -> None:
        """add_link for each title, in order."""
        seen = self.page.setdefault("_links_seen", set())
        links = self.output.links
        for title in titles:
            key = title.prefixed_dbkey
            if key not in seen:
                seen.add(key)
                links.append(key)

    def add_template(self, title: Title) -> None:
        key = title.prefixed_dbkey
        if key not in self.output.templates:
            self.output.templates.append(key)

    def add_category(self, dbkey: str, sort_key: str) -> None:
        for i, (name, _) in enumerate(self.output.categories):
            if name == dbkey:
                self.output.categories[i] = (dbkey, sort_key)
                return
        self.output.categories.append((dbkey, sort_key))

    def add_image(self, name: str) -> None:
        if name not in self.output.images:
            self.output.images.append(name)

    def add_external_link(self, url: str) -> None:
        if url not in self.output.external_links:
            self.output.external_links.append(url)

    def add_warning(self, text: str) -> None:
        self.output.warnings.append(text)

    def add_tracking_category(self, msg_key: str) -> None:
        """Add the tracking category named by interface message `msg_key`
        (e.g. 'expansion-depth-exceeded-category')."""
        if msg_key not in self.output.tracking_categories:
            self.output.tracking_categories.append(msg_key)

    def msg(self, key: str, *params: str) -> str:
        """An interface message in the content language (English), as wikitext, with
        $1.. replaced; a MediaWiki:Key page on the Site overrides it."""
        return self.parser.message(self, key, *params)
