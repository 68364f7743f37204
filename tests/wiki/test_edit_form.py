"""action=edit in the browser's terms: save, preview, show changes, conflicts, undo, bad input."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

from vellum.wiki.models import Page, Revision


@pytest.fixture
def logged_in(client, alice):
    client.force_login(alice)
    return client


def _post(client, title, text, base=0, **extra):
    data = {"wpTextbox1": text, "wpSummary": "", "wpBaseRevId": str(base), "wpSave": "1"}
    data.update(extra)
    return client.post(f"/index.php?title={title}&action=submit", data)


def test_edit_form_fields(logged_in, save):
    save("Rome", "Rome text")
    html = logged_in.get("/index.php?title=Rome&action=edit").content.decode()
    for needle in (
        'name="wpTextbox1"',
        "Rome text</textarea>",
        'name="wpSummary"',
        "This is a minor edit",
        "Show preview",
        "Show changes",
        "Save changes",
        'name="csrfmiddlewaretoken"',
    ):
        assert needle in html


def test_save_creates_revision_and_redirects(logged_in, db):
    r = _post(logged_in, "New_article", "Hello\r\nworld  ", wpSummary="created it")
    assert r.status_code == 302 and r["Location"] == "/wiki/New_article"
    rev = Revision.objects.get()
    assert rev.content.text == "Hello\nworld" and rev.comment == "created it"
    assert rev.actor.name == "Alice"


def test_anonymous_edit_by_ip(client, db):
    html = client.get("/index.php?title=Anon&action=edit").content.decode()
    assert "You are not logged in" in html
    r = _post(client, "Anon", "anon text")
    assert r.status_code == 302
    assert Revision.objects.get().actor.name == "127.0.0.1"


def test_preview_and_show_changes_do_not_save(logged_in, save):
    r1 = save("P", "old words here")
    r = logged_in.post(
        "/index.php?title=P&action=submit",
        {"wpTextbox1": "new words here", "wpBaseRevId": r1.revision.pk, "wpPreview": "1"},
    )
    html = r.content.decode()
    assert "Remember that this is only a preview" in html and "new words here</textarea>" in html
    r = logged_in.post(
        "/index.php?title=P&action=submit",
        {"wpTextbox1": "new words here", "wpBaseRevId": r1.revision.pk, "wpDiff": "1"},
    )
    html = r.content.decode()
    assert 'class="diff' in html and "diff-addedline" in html
    assert Revision.objects.count() == 1


def test_null_edit_in_form(logged_in, save):
    r1 = save("N", "same")
    r = _post(logged_in, "N", "same", base=r1.revision.pk)
    assert r.status_code == 302 and Revision.objects.count() == 1


def test_edit_conflict_screen_keeps_text(logged_in, save, bob):
    r1 = save("C", "The original line.")
    save("C", "Bob's rewrite.", user=bob)
    r = _post(logged_in, "C", "Alice's rewrite.", base=r1.revision.pk)
    assert r.status_code == 409
    html = r.content.decode()
    assert "Someone else has changed this page since you started editing it." in html
    assert "Bob&#x27;s rewrite.</textarea>" in html  # upper box: current text
    assert 'id="wpTextbox2"' in html and "Alice&#x27;s rewrite.</textarea>" in html
    assert 'class="diff' in html
    assert Revision.objects.count() == 2


def test_merged_edit_saved(logged_in, save, bob):
    base = "Para one.\n\nPara two.\n\nPara three."
    r1 = save("M", base)
    save("M", base.replace("Para one.", "First para."), user=bob)
    r = _post(logged_in, "M", base.replace("Para three.", "Last para."), base=r1.revision.pk)
    assert r.status_code == 302
    assert Page.objects.get().latest.content.text == "First para.\n\nPara two.\n\nLast para."


@override_settings(MAX_ARTICLE_SIZE=2048)
def test_huge_text_refused_with_text_kept(logged_in, save):
    save("Big", "small")
    huge = "word " * 1000
    r = _post(logged_in, "Big", huge, base=Page.objects.get().latest_id)
    assert r.status_code == 413
    html = r.content.decode()
    assert "which is more than the maximum of 2 kilobytes" in html
    assert "word word" in html
    assert Page.objects.get().latest.content.text == "small"


def test_stale_edit_token(save, alice):
    r1 = save("Tok", "original")
    c = Client(enforce_csrf_checks=True)
    c.force_login(alice)
    r = c.post(
        "/index.php?title=Tok&action=submit",
        {
            "title": "Tok",
            "wpTextbox1": "my precious text",
            "wpBaseRevId": r1.revision.pk,
            "wpSave": "1",
            "csrfmiddlewaretoken": "stale" * 8,
        },
    )
    assert r.status_code == 403
    html = r.content.decode()
    assert "loss of session data" in html
    assert "my precious text</textarea>" in html
    assert Revision.objects.count() == 1


def test_illegal_title_edit(logged_in, db):
    r = _post(logged_in, "Bad|title", "text")
    assert r.status_code == 400 and "Bad title" in r.content.decode()
    assert Page.objects.count() == 0


def test_undo(logged_in, save):
    r1 = save("U", "alpha\n\nbeta")
    r2 = save("U", "alpha\n\nbeta gamma")
    html = logged_in.get(
        f"/index.php?title=U&action=edit&undo={r2.revision.pk}&undoafter={r1.revision.pk}"
    ).content.decode()
    assert "The edit can be undone" in html
    assert "alpha\n\nbeta</textarea>" in html
    assert f"Undo revision {r2.revision.pk} by" in html


def test_protected_page_refuses_edit(logged_in, save, admin):
    from vellum.wiki.services.pages import protect_page

    save("Prot", "text")
    protect_page("Prot", admin, {"edit": "sysop"})
    r = _post(logged_in, "Prot", "vandal", base=Page.objects.get().latest_id)
    assert r.status_code == 403
    assert "protected" in r.content.decode()
    assert Page.objects.get().latest.content.text == "text"


def test_request_too_big_is_explained(logged_in, save, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    save("Big2", "small")
    r = _post(logged_in, "Big2", "x" * 5000, base=Page.objects.get().latest_id)
    assert r.status_code == 413
    assert "could not be read. Nothing was saved." in r.content.decode()
    assert Page.objects.get().latest.content.text == "small"


def test_edit_old_revision(logged_in, save):
    r1 = save("Old", "old words")
    save("Old", "new words")
    html = logged_in.get(
        f"/index.php?title=Old&action=edit&oldid={r1.revision.pk}"
    ).content.decode()
    assert "editing an out-of-date revision" in html and "old words</textarea>" in html
    latest = Page.objects.get().latest_id
    assert f'name="wpBaseRevId" value="{latest}"' in html
    r = _post(logged_in, "Old", "old words", base=latest)
    assert r.status_code == 302 and Page.objects.get().latest.content.text == "old words"
