"""No URL of the wiki redirects off-site (open redirects help phishing)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

URLS = [
    "/wiki//evil.example",
    "/wiki/%2F%2Fevil.example",
    "/wiki/%5C%5Cevil.example",
    "/wiki/http://evil.example/",
    "/wiki/https:%2F%2Fevil.example",
    "/wiki/Special:Search?search=%2F%2Fevil.example&go=Go",
    "/wiki/Special:Search?search=http://evil.example/&go=Go",
    "/index.php?title=%2F%2Fevil.example",
    "/index.php?search=%2F%2Fevil.example",
    "/wiki/Special:Random",
    "/wiki/Special:UserLogout?returnto=%2F%2Fevil.example",
    "/index.php?title=Special:UserLogin&returnto=https://evil.example/",
    "/wiki/Redir",
    "/wiki/Interwiki_redir",
    "/index.php?curid=1&redirect=%2F%2Fevil.example",
]


@pytest.fixture
def pages(db, admin):
    from vellum.wiki.services.editing import edit_page

    edit_page("Redir", "#REDIRECT [[//evil.example/]]", admin)
    edit_page("Interwiki redir", "#REDIRECT [[wikipedia:Foo]]", admin)


@pytest.mark.parametrize("url", URLS)
def test_redirects_stay_on_site(client, pages, url: str) -> None:
    resp = client.get(url)
    assert resp.status_code < 500
    for _ in range(5):
        if resp.status_code not in (301, 302, 303, 307, 308):
            break
        location = resp["Location"]
        parts = urlsplit(location)
        assert not parts.netloc and not parts.scheme, location
        assert not location.startswith(("//", "/\\", "\\")), location
        resp = client.get(location)
        assert resp.status_code < 500
