"""Inputs known to hang or blow up other wikitext parsers render in bounded time."""

from __future__ import annotations

import time

import pytest

from vellum.wikitext import MemorySite, render
from vellum.wikitext.testwiki import test_config as parser_test_config

from .conftest_helpers import HtmlChecker

CASES = {
    "10,000 nested [[": "[[" * 10_000,
    "10,000 nested [[File:": "[[File:a.jpg|" * 10_000,
    "100,000 unclosed <div>": "<div>" * 100_000,
    "100,000 unclosed <b>": "<b>" * 100_000,
    "1 MB of apostrophes": "'" * 1_000_000,
    "5,000-row table": "{|\n" + "|-\n| a || b\n" * 5_000 + "|}\n",
    "2,000 nested tables": "{|\n|" * 2_000,
    "50,000-deep list": "*" * 50_000 + " x\n",
    "100,000 [": "[" * 100_000,
    "10,000 nested {{": "{{" * 10_000,
    "3,000 equal headings": "== a ==\n" * 3_000,
    "100,000 <": "<" * 100_000,
    "deep quotes in links": "[[a|''" * 5_000,
}
# Bounds that only catch super-linear blow-ups (the inputs take ~0.1-4 s here).
MAX_SECONDS = 60


@pytest.fixture(scope="module")
def site() -> MemorySite:
    return MemorySite(parser_test_config())


@pytest.mark.parametrize("name", list(CASES))
def test_pathological_input(name: str, site: MemorySite) -> None:
    text = CASES[name]
    start = time.perf_counter()
    result = render(text, "Parser test", site)
    elapsed = time.perf_counter() - start
    assert isinstance(result.html, str)
    assert not [w for w in result.warnings if w.startswith("internal error")], result.warnings
    assert elapsed < MAX_SECONDS, f"{name}: {elapsed:.1f}s"
    # Output stays proportional to the input.
    assert len(result.html) < 100 * len(text) + 10_000


def test_no_script_gets_through(site: MemorySite) -> None:
    text = (
        '<script>alert(1)</script><span onmouseover="alert(1)" style="x:expression(1)">a</span>'
        "[javascript:alert(1) x] <a href='javascript:alert(1)'>y</a>"
        '<div style="background:url(javascript:alert(1))">z</div>'
        '{| onclick="alert(1)"\n| b\n|}'
    )
    text += "\n" + text.replace("><", ">\n<")
    html = render(text, "Parser test", site).html
    checker = HtmlChecker()
    checker.feed(html)
    checker.close()
    assert not checker.errors, (html, checker.errors)
    assert 'style="x:expression' not in html
    assert 'style="background:url' not in html
