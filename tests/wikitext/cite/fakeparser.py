"""A test double for the engine's Parser: extension tags only, no other wikitext.

It lets the Cite and gallery hooks be tested on their own: `<ref>`, `<references>` and
`<gallery>` are expanded into strip markers, the after-parse hooks run, markers are put
back. Everything else in the text is left as it is.
"""

from __future__ import annotations

import re
from typing import Any

from vellum.wikitext.context import ParserContext
from vellum.wikitext.extensions import AFTER_PARSE_HOOKS, load
from vellum.wikitext.options import RenderOptions
from vellum.wikitext.sanitizer import decode_tag_attributes
from vellum.wikitext.site import FileInfo, MemorySite, SiteConfig

TAG_RE = re.compile(r"<(ref|references|gallery)(\s[^>]*?)?(/>|>(.*?)</\1\s*>)", re.S | re.I)


class FakeParser:
    def recursive_tag_parse(self, ctx: ParserContext, text: str, frame: Any = None) -> str:
        hooks = load()

        def repl(m: re.Match[str]) -> str:
            name = m.group(1).lower()
            content = None if m.group(3) == "/>" else m.group(4)
            html = hooks[name](ctx, content, decode_tag_attributes(m.group(2) or ""), frame)
            return ctx.strip.add_general(html, name)

        return TAG_RE.sub(repl, text)

    def recursive_preprocess(self, ctx: ParserContext, text: str, frame: Any = None) -> str:
        return text

    def recursive_tag_parse_fully(self, ctx: ParserContext, text: str, frame: Any = None) -> str:
        return self.recursive_tag_parse(ctx, text, frame)

    def replace_link_holders_text(self, ctx: ParserContext, text: str) -> str:
        return text

    def message(self, ctx: ParserContext, key: str, *params: str) -> str:
        title = ctx.config.try_title("MediaWiki:" + key)
        text = ctx.site.page_text(title) if title is not None else None
        return text if text is not None else f"⧼{key}⧽"


def test_config() -> SiteConfig:
    return SiteConfig(
        sitename="MediaWiki",
        server="http://example.org",
        fragment_mode=("legacy",),
        thumb_limits=(0, 0, 0, 0, 0, 180),
    )


FILES = [
    FileInfo(
        name="Foobar.jpg",
        width=1941,
        height=220,
        mime="image/jpeg",
        media_type="BITMAP",
        url="http://example.com/images/3/3a/Foobar.jpg",
        thumb_url="http://example.com/images/thumb/3/3a/Foobar.jpg/",
    ),
    FileInfo(
        name="Thumb.png",
        width=135,
        height=135,
        mime="image/png",
        media_type="BITMAP",
        url="http://example.com/images/e/ea/Thumb.png",
        thumb_url="http://example.com/images/thumb/e/ea/Thumb.png/",
    ),
    FileInfo(
        name="Foobar.svg",
        width=240,
        height=180,
        mime="image/svg+xml",
        media_type="DRAWING",
        url="http://example.com/images/f/ff/Foobar.svg",
        thumb_url="http://example.com/images/thumb/f/ff/Foobar.svg/",
        translations=["en", "ru"],
    ),
    FileInfo(
        name="Bad.jpg",
        width=320,
        height=240,
        mime="image/jpeg",
        media_type="BITMAP",
        url="http://example.com/images/0/09/Bad.jpg",
        thumb_url="http://example.com/images/thumb/0/09/Bad.jpg/",
    ),
    FileInfo(
        name="Video.ogv",
        width=320,
        height=240,
        mime="application/ogg",
        media_type="VIDEO",
        url="http://example.com/images/0/00/Video.ogv",
        thumb_url="http://example.com/images/thumb/0/00/Video.ogv/",
    ),
    FileInfo(
        name="LoremIpsum.djvu",
        width=2480,
        height=3508,
        mime="image/vnd.djvu",
        media_type="OFFICE",
        url="http://example.com/images/5/5f/LoremIpsum.djvu",
        thumb_url="http://example.com/images/thumb/5/5f/LoremIpsum.djvu/",
        page_count=5,
        page_sizes=[{"width": 2480, "height": 3508, "dpi": 300}] * 5,
    ),
]


def make_ctx(
    pages: dict[str, str] | None = None, title: str = "Parser test", **config: Any
) -> ParserContext:
    cfg = test_config()
    for k, v in config.items():
        setattr(cfg, k, v)
    site = MemorySite(cfg)
    for f in FILES:
        site.add_file(f)
        site.add_page("File:" + f.name, "")
    for t, text in (pages or {}).items():
        site.add_page(t, text)
    return ParserContext(
        site=site,
        config=cfg,
        title=cfg.parse_title(title),
        options=RenderOptions(),
        parser=FakeParser(),  # type: ignore[arg-type]
    )


def render(ctx: ParserContext, text: str) -> str:
    """Expand the tags, run the after-parse hooks, put the strip markers back."""
    out = ctx.parser.recursive_tag_parse(ctx, text)
    for hook in AFTER_PARSE_HOOKS:
        out = hook(ctx, out)
    return ctx.strip.unstrip_both(out)
