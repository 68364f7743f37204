"""A ParserContext over the parser tests' wiki for preprocessor tests."""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest

from vellum.wikitext.context import ParserContext
from vellum.wikitext.preprocessor import preprocess
from vellum.wikitext.site import MemorySite
from vellum.wikitext.testwiki import test_config, test_options

# preprocess() raises the limit on first use; raising it here keeps hypothesis quiet about it.
sys.setrecursionlimit(max(sys.getrecursionlimit(), 20000))


class _Parser:
    """Just what the preprocessor asks of the parser."""

    def message(self, ctx: ParserContext, key: str, *params: str) -> str:
        return f"⧼{key}⧽"

    def recursive_preprocess(self, ctx: ParserContext, text: str, frame: object) -> str:
        return preprocess(ctx, text, frame)


def make_ctx(pages: dict[str, str] | None = None, title: str = "Parser test") -> ParserContext:
    site = MemorySite(test_config())
    for name, text in (pages or {}).items():
        site.add_page(name, text)
    return ParserContext(
        site=site,
        config=site.config,
        title=site.config.parse_title(title),
        options=test_options(),
        parser=_Parser(),  # type: ignore[arg-type]
    )


@pytest.fixture
def pp() -> Callable[..., str]:
    def run(text: str, pages: dict[str, str] | None = None, title: str = "Parser test") -> str:
        return preprocess(make_ctx(pages, title), text)

    return run
