"""Redirects, categories and file pages built from hostile text: no script, no open redirect."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from .htmlcheck import page_dangers

PAGES = {
    "R1": '#REDIRECT [[Target#"><script>alert(1)</script>]]',
    "R2": "#REDIRECT [[javascript:alert(1)]]",
    "R3": "#REDIRECT [[wikipedia:Foo]]",
    "R4": "#REDIRECT [[//evil.example/]]",
    "R5": "#REDIRECT [[Special:Search/<script>]]",
    "R6": '#REDIRECT [[Target#" onmouseover="alert(1)]]',
    "Target": "[[Category:Cat|<script>alert(1)</script>]] {{DEFAULTSORT:<script>}}",
    "Category:Cat": "{{DISPLAYTITLE:<script>alert(1)</script>}} [[Category:Cat]]",
    "Other": '[[Category:Cat|" onmouseover="alert(1)]]',
}


@pytest.fixture
def wiki(db, admin):
    from vellum.wiki.services.editing import edit_page

    for title, text in PAGES.items():
        edit_page(title, text, admin, summary=text)


@pytest.mark.parametrize(
    "url",
    [
        *(f"/wiki/{t}" for t in PAGES),
        *(f"/index.php?title={t}&redirect=no" for t in PAGES if t.startswith("R")),
        "/index.php?title=Target&action=info",
        "/index.php?title=Category:Cat&action=info",
        "/wiki/Special:WhatLinksHere/Target",
    ],
)
def test_no_script_no_offsite_redirect(client, wiki, url: str) -> None:
    resp = client.get(url)
    assert resp.status_code < 500
    if resp.status_code in (301, 302, 303, 307, 308):
        location = resp["Location"]
        assert location.startswith("/") and not location.startswith("//"), location
        resp = client.get(location)
        assert resp.status_code < 500
    assert page_dangers(resp.content.decode()) == [], url


def test_login_returnto_stays_on_site(client, db, admin) -> None:
    for target in ("//evil.example/", "https://evil.example/", "javascript:alert(1)", "/\\evil"):
        resp = client.post(
            "/wiki/Special:UserLogin?returnto=" + quote(target),
            {"wpName": "Admin", "wpPassword": "admin-password-1", "returnto": target},
        )
        assert resp.status_code in (302, 303), resp.status_code
        location = resp["Location"]
        assert location.startswith("/") and not location.startswith(("//", "/\\")), location
        client.logout()
