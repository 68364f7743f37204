"""The wikitext engine against the XSS corpus: every vector, rendered, parses (HTML5) to
output with no script, event handler, script URL or script-running style."""

from __future__ import annotations

import pytest

from vellum.wikitext import render, testwiki
from vellum.wikitext.site import FileInfo, MemorySite

from .htmlcheck import bad_style, bad_url, dangers
from .vectors import ALL, TEMPLATES

FOOBAR = FileInfo(
    name="Foobar.jpg",
    width=1941,
    height=220,
    mime="image/jpeg",
    media_type="BITMAP",
    size=1000,
    url="http://example.org/images/3/3a/Foobar.jpg",
    thumb_url="http://example.org/images/thumb/3/3a/Foobar.jpg/",
    description_page="/wiki/File:Foobar.jpg",
)


@pytest.fixture(scope="module")
def site() -> MemorySite:
    return testwiki.build_site(testwiki.test_config(), list(TEMPLATES.items()), [FOOBAR])


def rendered_html(text: str, site: MemorySite) -> str:
    """Every piece of HTML the engine hands to the wiki for this text."""
    r = render(text, "Xss", site, testwiki.test_options())
    parts = [r.html, r.display_title or "", *r.indicators.values()]
    parts += [s.line for s in r.sections]
    return "\n".join(parts)


CASES = [pytest.param(v, id=f"{group}-{i}") for group, vs in ALL.items() for i, v in enumerate(vs)]


@pytest.mark.parametrize("text", CASES)
def test_vector_is_neutralised(text: str, site: MemorySite) -> None:
    html = rendered_html(text, site)
    assert dangers(html) == [], html


def test_corpus_text_is_kept_visible(site: MemorySite) -> None:
    """Neutralised, not swallowed: a disallowed tag is shown as text (MediaWiki's way)."""
    html = render("<script>alert(1)</script>", "Xss", site, testwiki.test_options()).html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# The checker itself must catch what it is meant to catch (else the tests above prove nothing).
@pytest.mark.parametrize(
    "html",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        '<a href=" jav&#x09;ascript:alert(1)">x</a>',
        '<a href="&#x01;javascript:alert(1)">x</a>',
        '<a href="data:text/html,&lt;script&gt;">x</a>',
        "<svg><a xlink:href='javascript:alert(1)'>x</a></svg>",
        "<form><button formaction=javascript:alert(1)>x</button></form>",
        '<div style="width:expr/**/ession(alert(1))">x</div>',
        '<div style="background:\\75 rl(javascript:alert(1))">x</div>',
        '<div style="width:\uff45xpression(alert(1))">x</div>',
        "<iframe srcdoc=x></iframe>",
        '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    ],
)
def test_checker_catches(html: str) -> None:
    assert dangers(html)


@pytest.mark.parametrize(
    "html",
    [
        '<p><a href="/wiki/Foo" class="x" style="color:red">Foo</a></p>',
        '<a href="https://example.com/?a=javascript:">x</a>',
        '<img src="data:image/png;base64,iVBORw0KGgo=" alt="">',
        "<div style=\"content:'javascript:x'\">x</div>",
        '<blockquote cite="javascript:alert(1)">not navigable</blockquote>',
    ],
)
def test_checker_allows(html: str) -> None:
    assert dangers(html) == []


def test_checker_helpers() -> None:
    assert bad_url("\x00 JAVASCRIPT:x") and not bad_url("/wiki/javascript:x")
    assert bad_style("x:\\65xpression(1)") and not bad_style("color: red")
