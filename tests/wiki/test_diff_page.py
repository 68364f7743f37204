"""The diff page: ?diff=N&oldid=M and diff=prev|next|cur, headers, links, newer revision."""

from __future__ import annotations

import pytest


@pytest.fixture
def revs(save, bob):
    r1 = save("D", "The Romans built roads.", summary="start")
    r2 = save("D", "The Romans built long roads.", user=bob)
    r3 = save("D", "The Romans built long straight roads.", summary="more")
    return r1.revision, r2.revision, r3.revision


def test_diff_page(client, revs):
    r1, r2, r3 = revs
    html = client.get(f"/index.php?title=D&diff={r2.pk}&oldid={r1.pk}").content.decode()
    assert '<table class="diff' in html and "<colgroup>" in html
    assert 'class="diffchange diffchange-inline"' in html and "long" in html
    assert "(start)" in html
    assert "(no edit summary)" in html  # r2 has none
    assert "Bob" in html and "Alice" in html
    assert "Newer edit →" in html and "← Older edit" not in html
    assert "diff-currentversion-title" in html and "Revision as of" in html
    assert "23 bytes" in html and "28 bytes" in html


def test_diff_keywords(client, revs):
    r1, r2, r3 = revs
    assert (
        f"oldid={r2.pk}"
        in client.get(f"/index.php?title=D&diff=prev&oldid={r3.pk}").content.decode()
    )
    html = client.get(f"/index.php?title=D&diff=next&oldid={r1.pk}").content.decode()
    assert "long" in html and f"oldid={r2.pk}" in html
    html = client.get(f"/index.php?title=D&diff=cur&oldid={r1.pk}").content.decode()
    assert "Latest revision as of" in html and "← Older edit" not in html
    html = client.get(f"/index.php?diff={r3.pk}").content.decode()
    assert "← Older edit" in html and "straight" in html


def test_diff_order_swapped_and_unknown(client, revs):
    r1, r2, r3 = revs
    html = client.get(f"/index.php?title=D&diff={r1.pk}&oldid={r3.pk}").content.decode()
    otitle = html[html.index('id="mw-diff-otitle1"') : html.index('id="mw-diff-ntitle1"')]
    assert f"oldid={r1.pk}&quot;" in otitle.replace('"', "&quot;")
    r = client.get("/index.php?title=D&diff=424242&oldid=1")
    assert r.status_code == 404 and "does not exist" in r.content.decode()


def test_history_compare_form_submits_to_diff(client, revs):
    r1, r2, r3 = revs
    r = client.get(f"/index.php?title=D&oldid={r1.pk}&diff={r3.pk}")
    assert r.status_code == 200 and "straight" in r.content.decode()


def test_inline_switch(client, revs):
    r1, r2, r3 = revs
    html = client.get(f"/index.php?title=D&diff={r2.pk}&oldid={r1.pk}").content.decode()
    assert "diff-type=inline" in html and "<strong>Side-by-side</strong>" in html
    html = client.get(
        f"/index.php?title=D&diff={r2.pk}&oldid={r1.pk}&diff-type=inline"
    ).content.decode()
    assert 'class="diff-inline"' in html and "<ins" in html and "long" in html
    assert "<strong>Inline</strong>" in html


def test_diff_of_page_creation_shows_added_text(client, revs):
    r1, r2, r3 = revs
    html = client.get(f"/index.php?title=D&diff={r1.pk}").content.decode()
    assert "diff-addedline" in html and "The Romans built roads." in html
    assert "(No difference)" not in html
