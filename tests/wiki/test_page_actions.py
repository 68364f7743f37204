"""Move, delete, undelete, protect and rollback (the services the API also calls)."""

from __future__ import annotations

import pytest

from vellum.wiki.models import Archive, LogEntry, Page, Redirect, Revision
from vellum.wiki.services import PermissionDenied, ProtectedPage
from vellum.wiki.services.editing import edit_page
from vellum.wiki.services.pages import (
    AlreadyRolled,
    delete_page,
    move_page,
    protect_page,
    rollback,
    undelete_page,
)


def test_move_leaves_redirect(save, alice):
    save("Old", "content")
    res = move_page("Old", "New", alice, reason="better name")
    assert res.page.title == "New" and res.redirect is not None
    assert Redirect.objects.get(page=res.redirect).title == "New"
    assert Page.objects.get(title="Old").is_redirect
    assert LogEntry.objects.filter(type="move").count() == 1
    latest = Page.objects.get(title="New").latest
    assert "moved to" in latest.comment and latest.content.text == "content"


def test_delete_and_undelete(save, admin, alice):
    save("Doomed", "v1")
    save("Doomed", "v2")
    with pytest.raises(PermissionDenied):
        delete_page("Doomed", alice)
    delete_page("Doomed", admin, reason="test")
    assert not Page.objects.filter(title="Doomed").exists()
    assert Archive.objects.count() == 2 and Revision.objects.filter(page=None).count() == 2
    page, n = undelete_page("Doomed", admin)
    assert n == 2 and page.latest.content.text == "v2"
    assert Revision.objects.filter(page=page).count() == 2


def test_protect(save, admin, alice):
    save("Guarded", "text")
    protect_page("Guarded", admin, {"edit": "sysop", "move": "sysop"})
    with pytest.raises(ProtectedPage):
        edit_page("Guarded", "changed", alice)
    edit_page("Guarded", "admin change", admin)
    protect_page("Guarded", admin, {"edit": "", "move": ""})
    edit_page("Guarded", "alice change", alice)


def test_rollback(save, admin, alice, bob):
    save("Roll", "good text")
    edit_page("Roll", "vandalism 1", bob)
    edit_page("Roll", "vandalism 2", bob)
    with pytest.raises(AlreadyRolled):
        rollback("Roll", admin, "Alice")
    res = rollback("Roll", admin, "Bob")
    assert res.revision.content.text == "good text" and res.revision.minor
    assert "Reverted edits by" in res.revision.comment


def test_rollback_from_history_page(client, save, admin, bob):
    save("Roll2", "good")
    edit_page("Roll2", "bad", bob)
    client.force_login(admin)
    html = client.get("/index.php?title=Roll2&action=history").content.decode()
    assert "rollback" in html
    r = client.post("/index.php?title=Roll2&action=rollback", {"from": "Bob"})
    assert r.status_code == 200
    assert Page.objects.get(title="Roll2").latest.content.text == "good"


def test_rebuild_recreates_derived_tables(save, fake_engine):
    from vellum.wiki.commands import rebuild_page, rebuild_recent_changes
    from vellum.wiki.models import PageLink, RecentChange

    save("Linker", "see [[Linked]]")
    PageLink.objects.all().delete()
    RecentChange.objects.all().delete()
    for page in Page.objects.all():
        rebuild_page(page)
    assert PageLink.objects.filter(title="Linked").count() == 1
    n = rebuild_recent_changes()
    assert n >= 1 and RecentChange.objects.filter(title="Linker", new=True).count() == 1
