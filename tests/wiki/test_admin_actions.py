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


def test_protection_is_a_null_revision(save, admin):
    from datetime import UTC, datetime

    from vellum.wiki.models import LogEntry, Revision
    from vellum.wiki.services.pages import protect_page

    r1 = save("Locked page", "text")
    assert Page.objects.get(title="Locked_page").is_new
    protect_page("Locked page", admin, {"edit": "sysop", "move": "sysop"}, reason="vandalism")
    page = Page.objects.get(title="Locked_page")
    null = page.latest
    assert null.pk != r1.revision.pk and null.parent_id == r1.revision.pk
    assert not page.is_new and null.minor and null.actor.name == "Admin"
    assert null.sha1 == r1.revision.sha1 and null.content_id == r1.revision.content_id
    assert null.comment == (
        'Protected "[[Locked page]]": vandalism ([Edit=Allow only administrators] (indefinite)'
        " [Move=Allow only administrators] (indefinite))"
    )
    entry = LogEntry.objects.get(type="protect", action="protect")
    assert entry.comment == "vandalism" and entry.page_id == page.pk
    # changing and removing protection are null revisions too, with MediaWiki's wording
    until = datetime(2030, 1, 2, 3, 4, tzinfo=UTC)
    protect_page("Locked page", admin, {"edit": "autoconfirmed"}, expiry=until)
    assert Page.objects.get(pk=page.pk).latest.comment == (
        'Changed protection level for "[[Locked page]]" ([Edit=Allow only autoconfirmed users]'
        " (expires 03:04, 2 January 2030 (UTC)))"
    )
    protect_page("Locked page", admin, {"edit": "", "move": ""})
    assert Page.objects.get(pk=page.pk).latest.comment == (
        'Removed protection from "[[Locked page]]"'
    )
    assert Revision.objects.filter(page=page).count() == 4
    # protecting a missing title (create protection) writes no revision
    protect_page("Nowhere", admin, {"create": "sysop"})
    assert not Page.objects.filter(title="Nowhere").exists()


def test_purge_drops_parser_cache_and_bumps_touched(client, save, fake_engine):
    from vellum.wiki.models import ParserCacheEntry
    from vellum.wiki.services.pages import purge_page

    save("Fresh", "Hello")
    assert "Hello" in client.get("/wiki/Fresh").content.decode()
    page = Page.objects.get(title="Fresh")
    before = page.touched
    assert ParserCacheEntry.objects.filter(page=page).exists()
    purge_page(page)
    page.refresh_from_db()
    assert page.touched > before
    assert not ParserCacheEntry.objects.filter(page=page).exists()
    fake_engine.clear()
    assert "Hello" in client.get("/wiki/Fresh").content.decode()
    assert fake_engine == ["Fresh"]  # rendered afresh once, then cached again
    client.get("/wiki/Fresh")
    assert fake_engine == ["Fresh"]
    # action=purge posts to the same service
    fake_engine.clear()
    assert client.post("/index.php?title=Fresh&action=purge").status_code == 302
    client.get("/wiki/Fresh")
    assert fake_engine == ["Fresh"]
