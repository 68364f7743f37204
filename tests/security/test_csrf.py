"""Cross-site requests: a logged-in victim's browser posting a forged form (no token) changes
nothing, and the text of a genuine edit that lost its session is kept, not lost."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from .htmlcheck import page_dangers


@pytest.fixture
def victim(db, admin):
    from vellum.wiki.services.editing import edit_page

    edit_page("Sample", "original", admin)
    c = Client(enforce_csrf_checks=True)
    c.force_login(admin)
    return c


def _text() -> str:
    from vellum.wiki.services.pages import get_page

    return get_page("Sample").latest.content.text


@pytest.mark.parametrize(
    "url,data",
    [
        ("/index.php?title=Sample&action=submit", {"wpTextbox1": "<script>x</script> forged"}),
        ("/index.php?title=Sample&action=delete", {"wpReason": "forged"}),
        ("/index.php?title=Sample&action=protect", {"mwProtect-level-edit": "sysop"}),
        ("/index.php?title=Sample&action=purge", {}),
        ("/wiki/Special:MovePage/Sample", {"wpNewTitle": "Forged"}),
        ("/wiki/Special:UserLogout", {}),
    ],
)
def test_forged_form_changes_nothing(victim, url: str, data: dict) -> None:
    resp = victim.post(url, data)
    assert resp.status_code == 403
    assert _text() == "original"
    assert page_dangers(resp.content.decode()) == []
    assert victim.get("/wiki/Sample").status_code == 200  # still logged in, page still there


def test_edit_without_session_keeps_the_text(victim) -> None:
    resp = victim.post(
        "/index.php?title=Sample&action=submit",
        {"wpTextbox1": "my long careful edit", "wpSummary": "s"},
    )
    assert resp.status_code == 403
    assert b"my long careful edit" in resp.content  # shown again in the edit box
    assert _text() == "original"


def test_api_write_needs_token(victim) -> None:
    for data in (
        {"action": "edit", "title": "Sample", "text": "forged"},
        {"action": "edit", "title": "Sample", "text": "forged", "token": "+\\"},
        {"action": "edit", "title": "Sample", "text": "forged", "token": "abc+\\"},
        {"action": "delete", "title": "Sample", "token": "+\\"},
    ):
        resp = victim.post("/api.php", {**data, "format": "json"})
        assert resp.status_code == 200
        body = json.loads(resp.content)
        assert "error" in body, body
    assert _text() == "original"


def test_api_write_refuses_get(victim) -> None:
    token = json.loads(
        victim.get("/api.php", {"action": "query", "meta": "tokens", "format": "json"}).content
    )["query"]["tokens"]["csrftoken"]
    resp = victim.get(
        "/api.php",
        {"action": "edit", "title": "Sample", "text": "forged", "token": token, "format": "json"},
    )
    assert "error" in json.loads(resp.content)
    assert _text() == "original"
