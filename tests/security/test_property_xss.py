"""Property: any mix of XSS fragments and wikitext syntax renders to HTML without script.

Hypothesis draws sequences of fragments (tag openers, attribute names, script schemes,
entities, CSS tricks, strip-marker look-alikes, link/template/table syntax, whole corpus
vectors) and joins them; the engine's output must pass the same HTML5 check as the corpus.
Derandomized, so CI sees the same examples every run.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vellum.wikitext import render, testwiki
from vellum.wikitext.site import MemorySite

from .htmlcheck import dangers
from .test_engine_xss import FOOBAR, rendered_html
from .vectors import CORPUS, TEMPLATES

FRAGMENTS = [
    # tags and tag pieces
    "<script>", "</script>", "<SCRIPT ", "<scr", "ipt>", "<", ">", "/>", "</", "<style>",
    "<svg ", "<img ", "<iframe ", "<a ", "<span ", "<div ", "<td ", "<font ", "<math>",
    "<ref name=", "<ref>", "</ref>", "<references/>", "<nowiki>", "</nowiki>", "<nowiki/>",
    "<pre>", "</pre>", "<gallery>\n", "\n</gallery>", "<poem>", "</poem>", "<!--", "-->",
    # attributes and values
    " onclick=", " onmouseover=", " onerror=", "on", "load", " style=", " href=", " src=",
    " title=", " id=", " class=", "=", '"', "'", "`", " ", "\t", "\n", "\x00", "alert(1)",
    "x", "1",
    # schemes and entities
    "javascript:", "JaVaScRiPt:", "vbscript:", "data:text/html,", "jav&#x09;ascript:",
    "&#106;", "&#x6a;", "&quot;", "&#34;", "&lt;", "&gt;", "&#60;", "&amp;", "&", "#", ";",
    ":", "%", "\u2028", "\u200b",
    # CSS
    "expression(", "url(", "\\65 ", "\\", "/*", "*/", "-moz-binding:", "behavior:",
    "\uff45\uff58\uff50\uff52\uff45\uff53\uff53\uff49\uff4f\uff4e(", "u\u0280\u029f(",
    # wikitext syntax
    "[", "]", "[[", "]]", "|", "{{", "}}", "{{{1}}}", "{{Echo|", "{{Attr|", "{{Style|",
    "{{Href|", "{{Img|", "{{#tag:span|x|", "{{#tag:a|x|", "{{#if:1|", "{{fullurl:",
    "{{localurl:", "{{urlencode:", "{{anchorencode:", "{{DISPLAYTITLE:", "''", "'''",
    "\n== ", " ==\n", "\n{|", "\n|}", "\n|-\n", "\n| ", "\n! ", "||", "\n* ", "\n; ", "\n:",
    "__TOC__", "[[File:Foobar.jpg|", "link=", "alt=", "thumb|", "http://example.com/",
    "//example.com/", "mailto:", "ISBN 978", "RFC 12", "~~~~", "-{", "}-",
    # strip-marker look-alikes
    "\x7f'\"`UNIQ--nowiki-00000000-QINU`\"'\x7f", "\x7fUNIQ", "QINU\x7f", "UNIQ-ref-1-QINU",
]  # fmt: skip

pieces = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.sampled_from(FRAGMENTS),
    st.sampled_from(FRAGMENTS),
    st.sampled_from(CORPUS),
)
wikitexts = st.lists(pieces, min_size=1, max_size=40).map("".join)

_SITE: MemorySite | None = None


def site() -> MemorySite:
    global _SITE
    if _SITE is None:
        _SITE = testwiki.build_site(testwiki.test_config(), list(TEMPLATES.items()), [FOOBAR])
    return _SITE


@settings(
    max_examples=400,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(wikitexts)
def test_random_fragments_never_make_script(text: str) -> None:
    html = rendered_html(text, site())
    assert dangers(html) == [], (text, html)


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=12).map("".join))
def test_fragments_inside_template_arguments(text: str) -> None:
    """The same fragments passed through templates and parser functions' arguments."""
    wrapped = (
        f"{{{{Echo|{text}}}}} {{{{Attr|{text}}}}} {{{{Style|{text}}}}} {{{{Href|{text}}}}} "
        f"{{{{Img|{text}}}}} {{{{#tag:span|{text}|title={text}}}}}"
    )
    html = rendered_html(wrapped, site())
    assert dangers(html) == [], (text, html)


@pytest.mark.parametrize("text", ["", "\x00" * 50, "<" * 500, "{{" * 300, "[[" * 300])
def test_degenerate_input_renders(text: str) -> None:
    html = render(text, "Xss", site(), testwiki.test_options()).html
    assert dangers(html) == []
