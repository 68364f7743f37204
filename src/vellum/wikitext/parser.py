"""The parser: MediaWiki's Parser::parse pipeline, one stage per rule module.

internalParse: preprocess -> sanitizer -> tables -> <hr> -> behaviour switches -> headings
-> internal links -> quotes -> external links -> magic links -> headings/TOC.
internalParseHalfParsed: unstrip -> French spaces -> block levels -> link holders ->
unstrip -> character references -> tidy.
"""

from __future__ import annotations

import re
import sys
import traceback
from functools import lru_cache
from typing import Any

from . import messages
from .balance import tidy
from .context import ParserContext
from .extensions import AFTER_PARSE_HOOKS
from .extensions import load as load_extensions
from .link_holders import LinkHolders
from .linker import esc
from .options import RenderOptions
from .result import RenderResult
from .rules_block.behaviour_switches import TOC_PLACEHOLDER, do_double_underscore
from .rules_block.block_levels import do_block_levels
from .rules_block.headings import do_headings
from .rules_block.hr import do_hr
from .rules_block.tables import do_tables
from .rules_inline.external_links import bracketed_re, handle_external_links
from .rules_inline.internal_links import handle_internal_links
from .rules_inline.magic_links import handle_magic_links, magic_links_re, protocol_colon_re
from .rules_inline.quotes import do_all_quotes
from .sanitizer import normalize_char_references, remove_html_tags
from .site import Site
from .strip import MARKER_PREFIX, StripState
from .title import InvalidTitle, Title
from .toc import format_headings, replace_edit_sections

NOPARSE = MARKER_PREFIX + "NOPARSE"
MAX_INPUT_BYTES_FACTOR = 1024  # $wgMaxArticleSize is in KB
_MIN_RECURSION = 20000


@lru_cache(maxsize=8)
def _regexes(protocols: tuple[str, ...]) -> dict[str, re.Pattern[str]]:
    alt = "|".join(re.escape(p) for p in protocols)
    return {
        "proto_word": re.compile(r"\b((?i:" + alt + "))"),
        "proto_start": re.compile(r"(?i:" + alt + ")"),
        "bracketed": bracketed_re(alt),
        "magic": magic_links_re(protocols),
    }


_preprocessor: Any = None  # preprocessor.preprocess, imported on first use


def _preprocess(ctx: ParserContext, text: str, frame: Any = None) -> str:
    global _preprocessor
    if _preprocessor is None:
        try:
            from .preprocessor import preprocess
        except ImportError:
            return text
        _preprocessor = preprocess
    return _preprocessor(ctx, text, frame)


class Parser:
    """One render's parser (MediaWiki's Parser object, with its per-page counters)."""

    def __init__(self, protocols: tuple[str, ...]) -> None:
        rx = _regexes(protocols)
        self.proto_word_re = rx["proto_word"]
        self.proto_start_re = rx["proto_start"]
        self.ext_link_bracketed_re = rx["bracketed"]
        self.magic_links_re = rx["magic"]
        self.protocol_colon_re = protocol_colon_re(protocols)
        self.autonumber = 0
        self.message_cache: dict[str, str] = {}
        self._holders = LinkHolders()

    # --- helpers other modules call ----------------------------------------------
    def link_holders(self, ctx: ParserContext) -> LinkHolders:
        return self._holders

    def replace_link_holders_text(self, ctx: ParserContext, text: str) -> str:
        return self._holders.replace_text(text)

    def do_all_quotes(self, ctx: ParserContext, text: str) -> str:
        return do_all_quotes(text)

    def handle_external_links(self, ctx: ParserContext, text: str) -> str:
        return handle_external_links(ctx, text)

    def make_image(self, ctx: ParserContext, title: Title, options: str | None) -> str:
        try:
            from .media import make_image
        except ImportError:
            return self._holders.make_holder(title, options or title.prefixed_text)
        return make_image(ctx, title, options)

    def make_media_link(self, ctx: ParserContext, title: Title, text: str | None) -> str:
        try:
            from .media import make_media_link
        except ImportError:
            return self._holders.make_holder(title, text or title.prefixed_text)
        return make_media_link(ctx, title, text)

    def message(self, ctx: ParserContext, key: str, *params: str) -> str:
        """An interface message; a MediaWiki:Key page on the Site overrides it."""
        cache = self.message_cache
        text = cache.get(key)
        if text is None:
            t = ctx.try_title("MediaWiki:" + key[:1].upper() + key[1:])
            if t is not None:
                try:
                    text = ctx.site.page_text(t)
                except Exception:
                    text = None
            if text is None:
                text = messages.get(key)
            if text is None:
                text = f"⧼{key}⧽"
            cache[key] = text
        if not params:
            return text
        if len(params) == 1:
            return text.replace("$1", str(params[0]))
        for i, p in enumerate(params, 1):
            text = text.replace(f"${i}", str(p))
        return text

    # --- recursion (Parser::recursive*) --------------------------------------------
    def recursive_preprocess(self, ctx: ParserContext, text: str, frame: Any = None) -> str:
        return _preprocess(ctx, text, frame)

    def recursive_tag_parse(self, ctx: ParserContext, text: str, frame: Any = None) -> str:
        return self.internal_parse(ctx, text, is_main=False, frame=frame)

    def recursive_tag_parse_fully(self, ctx: ParserContext, text: str, frame: Any = None) -> str:
        text = self.recursive_tag_parse(ctx, text, frame)
        return self.internal_parse_half_parsed(ctx, text, is_main=False)

    # --- the pipeline ----------------------------------------------------------------
    def internal_parse(
        self, ctx: ParserContext, text: str, is_main: bool = True, frame: Any = None
    ) -> str:
        text = _preprocess(ctx, text, frame)
        fmode = ctx.config.fragment_mode
        strip = ctx.strip
        text = remove_html_tags(text, fmode, attr_callback=strip.unstrip_both)
        text = do_tables(text, strip.unstrip_both, fmode)
        text = do_hr(text)
        text = do_double_underscore(ctx, text)
        text = do_headings(text)
        text = handle_internal_links(ctx, text)
        text = do_all_quotes(text)
        text = handle_external_links(ctx, text)
        if NOPARSE in text:
            text = text.replace(NOPARSE, "")
        text = handle_magic_links(ctx, text)
        text = format_headings(ctx, text, is_main)
        return text

    def internal_parse_half_parsed(
        self, ctx: ParserContext, text: str, is_main: bool = True, line_start: bool = True
    ) -> str:
        strip = ctx.strip
        text = strip.unstrip_general(text)
        text = do_block_levels(text, line_start)
        text = self._holders.replace(ctx, text)
        text = strip.unstrip_nowiki(text)
        text = strip.unstrip_general(text)
        text = normalize_char_references(text)
        text = tidy(text)
        if is_main:
            # ParserOutput::getText: after tidy, where the placeholders acted as blocks
            text = self._insert_toc(ctx, text)
            text = replace_edit_sections(ctx, text)
        return text

    def _insert_toc(self, ctx: ParserContext, text: str) -> str:
        if TOC_PLACEHOLDER not in text:
            return text
        toc = ctx.page.get("toc_html", "")
        if toc:
            # TOC lines come from headings before tidy: balance them on their own
            toc = tidy(toc, pwrap=False)
        text = text.replace(TOC_PLACEHOLDER, toc, 1)
        return text.replace(TOC_PLACEHOLDER, "")

    def parse(self, ctx: ParserContext, text: str) -> str:
        text = self.internal_parse(ctx, text, is_main=True)
        for hook in AFTER_PARSE_HOOKS:
            text = hook(ctx, text)
        text = self.internal_parse_half_parsed(ctx, text, is_main=True)
        return text.rstrip()


def make_context(
    wikitext: str, title: str | Title, site: Site, options: RenderOptions | None
) -> ParserContext:
    options = options or RenderOptions()
    config = site.config
    if options.config:
        from .testwiki import apply_test_settings

        config = apply_test_settings(config, {}, options.config)
    if isinstance(title, str):
        try:
            title_obj = config.parse_title(title)
        except InvalidTitle:
            title_obj = config.parse_title("Badtitle", -1)
    else:
        title_obj = title
    parser = Parser(config.url_protocols)
    return ParserContext(site=site, config=config, title=title_obj, options=options, parser=parser)


_REDIRECT = re.compile(r"^\s*#REDIRECT\s*:?\s*\[\[([^\]|]*)(?:\|[^\]]*)?\]\]", re.I)


def redirect_header(ctx: ParserContext, target_text: str) -> str:
    """Article::getRedirectHeaderHtml: "Redirect to:" and a link to the target."""
    from .linker import is_always_known, local_url, make_broken_link, make_known_link

    target = ctx.config.try_title(target_text)
    if target is None:
        return ""
    label = esc(target.full_text)
    if target.interwiki or is_always_known(ctx, target):
        link = make_known_link(ctx, target, label)
    else:
        info = ctx.site.link_info([target]).get(target.prefixed_dbkey)
        if info is None:
            link = make_broken_link(ctx, target, label)
        else:
            link = make_known_link(ctx, target, label, redirect=info.is_redirect)
            if info.is_redirect:
                href = esc(local_url(ctx, target, "redirect=no"))
                link = re.sub(r'href="[^"]*"', lambda _m: f'href="{href}"', link, count=1)
    return (
        f'<div class="redirectMsg"><p>{esc(ctx.msg("redirectto"))}</p>'
        f'<ul class="redirectText"><li>{link}</li></ul></div>'
    )


def redirect_target(ctx: ParserContext, text: str) -> str | None:
    """The target of a `#REDIRECT [[Target]]` page (WikitextContent::getRedirectTarget)."""
    m = _REDIRECT.match(text[:4096])
    if not m:
        return None
    target = ctx.config.try_title(m.group(1).strip())
    return target.full_text if target is not None else None


def default_display_title(title: Title) -> str:
    """The page title as HTML when {{DISPLAYTITLE}} is not used (Parser::parse)."""
    main = f'<span class="mw-page-title-main">{esc(title.text)}</span>'
    if title.namespace == 0 or not title.ns_name:
        return main
    ns = esc(title.ns_name.replace("_", " "))
    return (
        f'<span class="mw-page-title-namespace">{ns}</span>'
        '<span class="mw-page-title-separator">:</span>' + main
    )


def render(
    wikitext: str, title: str | Title, site: Site, options: RenderOptions | None = None
) -> RenderResult:
    """Render `wikitext` as page `title` of `site`; never raises on bad wikitext."""
    if sys.getrecursionlimit() < _MIN_RECURSION:
        sys.setrecursionlimit(_MIN_RECURSION)
    load_extensions()
    ctx = make_context(wikitext, title, site, options)
    text = wikitext
    max_bytes = ctx.config.max_article_size_kb * MAX_INPUT_BYTES_FACTOR
    if len(text) > max_bytes // 4 and len(text.encode("utf-8")) > max_bytes:
        ctx.output.html = (
            '<div class="error">The page is larger than the maximum article size '
            f"({ctx.config.max_article_size_kb} KB) and was not rendered.</div>"
        )
        ctx.add_warning("max-article-size")
        return ctx.output
    header = ""
    if "#" in text[:4096]:
        ctx.output.redirect_target = redirect_target(ctx, text)
        if ctx.output.redirect_target is not None and ctx.options.redirect_header:
            m = _REDIRECT.match(text)
            if m:
                text = text[m.end() :].lstrip()
                header = redirect_header(ctx, ctx.output.redirect_target)
    try:
        html = ctx.parser.parse(ctx, text)
    except RecursionError:
        ctx.add_warning("recursion depth exceeded")
        html = f'<p class="error">{esc("Error: the page is nested too deeply to render.")}</p>'
    except Exception:  # a bug in a rule must not take the wiki down; tests look for it
        ctx.add_warning("internal error: " + traceback.format_exc())
        html = (
            '<p class="error">'
            + esc("Error: this page could not be rendered (internal parser error).")
            + "</p>"
        )
    if header:
        html = header + html
    if ctx.options.wrap:
        html = f'<div class="mw-parser-output">{html}</div>'
    ctx.output.html = html
    if ctx.output.display_title is None:
        ctx.output.display_title = default_display_title(ctx.title)
    return ctx.output


__all__ = ["Parser", "StripState", "render"]
