"""The edit service: revisions, null edits, normalisation, conflicts and merges, limits."""

from __future__ import annotations

import pytest
from django.test import override_settings

from vellum.wiki.models import Content, LogEntry, Page, RecentChange, Revision
from vellum.wiki.services import ContentTooBig, EditConflict, InvalidTitle, MissingPage, PageExists
from vellum.wiki.services.editing import edit_page, merge_texts, normalize_text, undo_text
from vellum.wiki.services.titles import sha1_base36


def test_sha1_base36_matches_mediawiki():
    # sha1("") = da39a3ee5e6b4b0d3255bfef95601890afd80709, in base 36 padded to 31 digits
    assert sha1_base36("") == "phoiac9h4m842xq45sp7s6u21eteeq1"
    assert len(sha1_base36("hello")) == 31


def test_create_and_edit_page(save, alice):
    r1 = save("history of rome", "Rome was founded.", summary="start")
    assert r1.created and r1.revision.parent_id == 0
    page = Page.objects.get()
    assert (page.namespace, page.title) == (0, "History_of_rome")
    assert page.latest_id == r1.revision.pk and page.is_new
    r2 = save("History_of_rome", "Rome was founded in 753 BC.", base_revision_id=r1.revision.pk)
    assert r2.revision.parent_id == r1.revision.pk and not r2.created
    page.refresh_from_db()
    assert page.latest_id == r2.revision.pk and not page.is_new
    assert page.len == len("Rome was founded in 753 BC.")
    rcs = list(RecentChange.objects.exclude(type=3).order_by("id"))
    assert [rc.new for rc in rcs] == [True, False]
    assert rcs[1].old_len == len("Rome was founded.") and rcs[1].last_oldid == r1.revision.pk
    assert LogEntry.objects.filter(type="create", title="History_of_rome").count() == 1
    assert r1.revision.actor.name == "Alice" and r1.revision.comment == "start"


def test_null_edit_creates_no_revision(save):
    r1 = save("Page", "Same text")
    r2 = save("Page", "Same text\r\n\n  ", base_revision_id=r1.revision.pk)
    assert r2.null_edit and r2.revision is None
    assert Revision.objects.count() == 1
    assert RecentChange.objects.exclude(type=3).count() == 1


def test_text_normalised_as_mediawiki_does(save):
    r = save("Page", "line one\r\nline two\rline three   \n\n\n")
    assert r.revision.content.text == "line one\nline two\nline three"
    assert normalize_text("e\u0301") == "\u00e9"  # NFC


def test_content_stored_once_per_distinct_text(save):
    save("A", "shared text")
    save("B", "shared text")
    save("A", "other", base_revision_id=None)
    save("A", "shared text", base_revision_id=None)
    assert Content.objects.count() == 2
    assert Revision.objects.count() == 4


def test_revision_sha1_and_size(save):
    r = save("Page", "naïve")
    assert r.revision.sha1 == sha1_base36("naïve")
    assert r.revision.len == len("naïve".encode())


def test_non_overlapping_concurrent_edit_is_merged(save, bob):
    base = "Intro.\n\nMiddle paragraph.\n\nEnd paragraph."
    r1 = save("Page", base)
    save("Page", base.replace("Intro.", "Better intro."), user=bob, base_revision_id=r1.revision.pk)
    r3 = save(
        "Page", base.replace("End paragraph.", "Better end."), base_revision_id=r1.revision.pk
    )
    assert r3.merged
    assert r3.revision.content.text == "Better intro.\n\nMiddle paragraph.\n\nBetter end."


def test_overlapping_edit_raises_conflict_and_keeps_text(save, bob):
    r1 = save("Page", "One line.")
    save("Page", "Bob's line.", user=bob, base_revision_id=r1.revision.pk)
    with pytest.raises(EditConflict) as e:
        save("Page", "Alice's line.", base_revision_id=r1.revision.pk)
    assert e.value.your_text == "Alice's line."
    assert e.value.current.content.text == "Bob's line."
    assert Revision.objects.count() == 2


def test_self_conflict_is_not_a_conflict(save):
    r1 = save("Page", "v1")
    save("Page", "v2", base_revision_id=r1.revision.pk)
    r3 = save("Page", "v3", base_revision_id=r1.revision.pk)
    assert r3.revision.content.text == "v3" and not r3.merged


def test_section_edit_without_same_user_rule_is_a_conflict(save):
    r1 = save("Page", "== A ==\nv1\n== B ==\nb1")
    save("Page", "== A ==\nv2\n== B ==\nb1", base_revision_id=r1.revision.pk)
    # the same user edits section 1 again from the old base: overlapping changes
    with pytest.raises(EditConflict) as e:
        save(
            "Page", "== A ==\nv3", section=1, base_revision_id=r1.revision.pk, same_user_rule=False
        )
    assert "v3" in e.value.your_text
    assert Revision.objects.count() == 2
    # with the rule (whole-page edits, MediaWiki's default) the editor's text is kept
    r3 = save("Page", "== A ==\nv3", section=1, base_revision_id=r1.revision.pk)
    assert r3.revision.content.text.split() == "== A == v3 == B == b1".split()
    # a section edit that does not overlap still merges without the rule
    r4 = save(
        "Page", "== B ==\nb2", section=2, base_revision_id=r1.revision.pk, same_user_rule=False
    )
    assert r4.merged and r4.revision.content.text.split() == "== A == v3 == B == b2".split()


def test_page_created_meanwhile_is_a_conflict(save, bob):
    save("Page", "Bob was first.", user=bob)
    with pytest.raises(EditConflict):
        save("Page", "Alice's version.", base_revision_id=0)


def test_create_only_and_no_create(save):
    with pytest.raises(MissingPage):
        save("Nope", "text", no_create=True)
    save("Yes", "text")
    with pytest.raises(PageExists):
        save("Yes", "other", create_only=True)
    assert not Page.objects.filter(title="Nope").exists()


@override_settings(MAX_ARTICLE_SIZE=1000)
def test_too_big_text_is_refused(save):
    with pytest.raises(ContentTooBig) as e:
        save("Big", "x" * 1001)
    assert "1,001 bytes" in str(e.value)
    assert Page.objects.count() == 0


def test_illegal_title(save):
    with pytest.raises(InvalidTitle) as e:
        save("A [bad] title", "text")
    assert "invalid characters" in str(e.value)
    assert Page.objects.count() == 0


def test_merge_texts():
    assert merge_texts("a\nb\nc", "A\nb\nc", "a\nb\nC") == "A\nb\nC"
    assert merge_texts("a", "b", "c") is None
    assert merge_texts("a", "b", "b") == "b"


def test_undo(save):
    r1 = save("Page", "first\n\nsecond")
    r2 = save("Page", "first\n\nsecond changed", base_revision_id=r1.revision.pk)
    r3 = save("Page", "first changed\n\nsecond changed", base_revision_id=r2.revision.pk)
    page = Page.objects.get()
    assert undo_text(page, r2.revision, r1.revision) == "first changed\n\nsecond"
    assert undo_text(page, r3.revision, r2.revision) == "first\n\nsecond changed"


def test_anonymous_edit_is_attributed_to_ip(db):
    from django.contrib.auth.models import AnonymousUser

    r = edit_page("Page", "text", AnonymousUser(), actor="192.0.2.7")
    assert r.revision.actor.name == "192.0.2.7" and r.revision.actor.user is None


def test_history_never_goes_backwards(save):
    revs = [save("Page", f"v{i}").revision for i in range(4)]
    times = [r.timestamp for r in revs]
    assert times == sorted(times)
    assert [r.parent_id for r in revs[1:]] == [r.pk for r in revs[:-1]]


def test_pre_save_transform_signs(save):
    pytest.importorskip("vellum.wikitext.pst")
    r = save("Talk:Signed", "I agree. ~~~")
    assert r.revision.content.text == "I agree. [[User:Alice|Alice]] ([[User talk:Alice|talk]])"
    r = save("Talk:Pipe", "See [[Help:Contents|]].")
    assert r.revision.content.text == "See [[Help:Contents|Contents]]."
