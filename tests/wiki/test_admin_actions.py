"""Administrators' forms: delete, undelete, protect, move."""

from __future__ import annotations

import pytest

from vellum.wiki.models import Page


@pytest.fixture
def sysop(client, admin):
    client.force_login(admin)
    return client


def test_delete_and_undelete_forms(sysop, save):
    save("Gone", "text")
    assert "Delete page" in sysop.get("/index.php?title=Gone&action=delete").content.decode()
    r = sysop.post("/index.php?title=Gone&action=delete", {"wpReason": "spam"})
    assert "has been deleted" in r.content.decode()
    assert not Page.objects.filter(title="Gone").exists()
    html = sysop.get("/wiki/Gone").content.decode()
    assert "This page has been deleted" in html
    html = sysop.get("/wiki/Special:Undelete/Gone").content.decode()
    assert "Restore" in html
    r = sysop.post("/wiki/Special:Undelete/Gone", {"wpComment": "oops"})
    assert r.status_code == 302 and Page.objects.filter(title="Gone").exists()


def test_protect_form(sysop, save):
    save("Locked", "text")
    r = sysop.post(
        "/index.php?title=Locked&action=protect",
        {"mwProtect-level-edit": "sysop", "mwProtect-level-move": "sysop"},
    )
    assert r.status_code == 302
    html = sysop.get("/index.php?title=Locked&action=info").content.decode()
    assert "sysop" in html


def test_move_form(sysop, save):
    save("Before", "text")
    save("Talk:Before", "talk")
    r = sysop.post(
        "/wiki/Special:MovePage/Before",
        {"wpNewTitle": "After", "wpReason": "rename", "wpMovetalk": "1", "wpLeaveRedirect": "1"},
    )
    assert r.status_code == 302 and r["Location"] == "/wiki/After"
    assert Page.objects.filter(namespace=1, title="After").exists()
    assert Page.objects.get(namespace=0, title="Before").is_redirect


def test_actions_need_rights(client, save, alice):
    save("Safe", "text")
    client.force_login(alice)
    assert client.post("/index.php?title=Safe&action=delete").status_code == 403
    assert client.post("/index.php?title=Safe&action=protect").status_code == 403
    assert Page.objects.filter(title="Safe").exists()
