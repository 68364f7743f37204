"""Defence in depth in the HTTP layer: every HTML page forbids inline script by CSP, every
response has nosniff and a referrer policy, and the page cache does not drop them."""

from __future__ import annotations

import pytest


def csp_directives(header: str) -> dict[str, list[str]]:
    out = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            out[words[0]] = words[1:]
    return out


def assert_strict_csp(header: str) -> None:
    d = csp_directives(header)
    scripts = d.get("script-src", d.get("default-src"))
    assert scripts is not None, header
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts, header
    assert not any(s in ("*", "data:", "http:", "https:") for s in scripts), header
    assert d.get("object-src") == ["'none'"], header
    assert "base-uri" in d, header


@pytest.fixture
def page(db, admin):
    from vellum.wiki.services.editing import edit_page

    edit_page("Sample", "text <script>alert(1)</script>", admin)


URLS = [
    "/wiki/Sample",
    "/index.php?title=Sample&action=history",
    "/index.php?title=Sample&action=edit",
    "/wiki/Special:RecentChanges",
    "/wiki/No_such_page",
    "/index.php?title=%3C",
    "/api.php?action=help",
]


@pytest.mark.parametrize("url", URLS)
def test_html_pages_have_strict_csp(client, page, url: str) -> None:
    resp = client.get(url)
    assert resp.status_code < 500
    assert resp["Content-Type"].startswith("text/html")
    assert_strict_csp(resp["Content-Security-Policy"])
    assert resp["X-Content-Type-Options"] == "nosniff"
    assert resp["Referrer-Policy"]


def test_cached_page_keeps_headers(client, page) -> None:
    first = client.get("/wiki/Sample")
    second = client.get("/wiki/Sample")  # answered by the whole-page cache
    assert first.content == second.content
    for resp in (first, second):
        assert_strict_csp(resp["Content-Security-Policy"])
        assert resp["X-Content-Type-Options"] == "nosniff"
        assert resp["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize(
    "url",
    ["/index.php?title=Sample&action=raw", "/api.php?action=query&meta=siteinfo&format=json"],
)
def test_non_html_is_nosniff(client, page, url: str) -> None:
    resp = client.get(url)
    assert resp.status_code == 200
    assert "html" not in resp["Content-Type"]
    assert resp["X-Content-Type-Options"] == "nosniff"


def test_skin_needs_no_inline_script(client, page) -> None:
    """The policy can forbid inline script because the skin has none: its only script is an
    external file from /static/, and no template writes on* attributes."""
    from selectolax.lexbor import LexborHTMLParser

    for url in URLS[:5]:
        tree = LexborHTMLParser(client.get(url).content.decode())
        for script in tree.css("script"):
            assert (script.attributes.get("src") or "").startswith("/static/"), url
            assert not (script.text() or "").strip(), url
        for node in tree.root.traverse():
            assert not any(k.startswith("on") for k in node.attributes), (url, node.html)
