"""Property-based: random wikitext never raises and always yields well-formed HTML."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vellum.wikitext import MemorySite, render
from vellum.wikitext.testwiki import test_config as parser_test_config

from .conftest_helpers import HtmlChecker

SITE = MemorySite(parser_test_config())
SITE.add_page("Template:1x", "{{{1}}}")
SITE.add_page("Existing", "text")

TOKENS = [
    "[[", "]]", "[", "]", "{{", "}}", "{{{", "}}}", "|", "||", "!!", "{|", "|}", "|-", "|+",
    "''", "'''", "'''''", "=", "==", "\n", "\n\n", " ", "*", "#", ":", ";", "----", "<",
    ">", "</", "/>", "<b>", "</b>", "<i>", "<div>", "</div>", "<p>", "<table>", "<td>",
    "<nowiki>", "</nowiki>", "<pre>", "</pre>", "<ref>", "</ref>", "<references/>",
    "<!--", "-->", "&amp;", "&", "&#", ";", "http://example.com/", "ISBN 0-306-40615-2",
    "RFC 123", "__TOC__", "__NOTOC__", "File:", "Category:", "Existing", "1x", "a", "b",
    "Foo bar", "é", "\u00a0", '"', "'", "style=", "onclick=", "javascript:", "#", "~~~~",
]  # fmt: skip


@settings(
    max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)  # fmt: skip
@given(st.lists(st.sampled_from(TOKENS) | st.text(max_size=3), max_size=40))
def test_random_wikitext_renders_balanced_safe_html(parts: list[str]) -> None:
    text = "".join(parts)
    result = render(text, "Parser test", SITE)
    assert not [w for w in result.warnings if w.startswith("internal error")], result.warnings
    html = result.html
    checker = HtmlChecker()
    checker.feed(html)
    checker.close()
    assert not checker.errors, (text, html, checker.errors)
    assert not checker.stack, (text, html, checker.stack)
