"""Reading pages at MediaWiki's URLs: view, oldid, raw, missing pages, redirects, history."""

from __future__ import annotations

import re

import pytest

from vellum.wiki.models import Page


@pytest.fixture
def client(client, db):
    return client


def test_view_page(client, save):
    save("Rome", "Rome is a city.")
    r = client.get("/wiki/Rome")
    assert r.status_code == 200
    html = r.content.decode()
    heading = re.search(r'<h1 id="firstHeading"[^>]*>(.*?)</h1>', html, re.S).group(1)
    assert re.sub(r"<[^>]+>", "", heading) == "Rome"
    assert "Jump to navigation" in html and "Jump to search" in html
    assert 'role="search"' in html and 'role="main"' in html and 'role="contentinfo"' in html
    assert "This page was last edited on" in html
    assert 'id="ca-history"' in html and 'id="ca-edit"' in html
    for item in ("Main page", "Recent changes", "Random page", "Special pages"):
        assert f">{item}</a>" in html


def test_index_php_and_spaces(client, save):
    save("Ancient Rome", "Text")
    assert client.get("/index.php?title=Ancient_Rome").status_code == 200
    r = client.get("/wiki/ancient Rome")
    assert r.status_code == 301 and r["Location"] == "/wiki/Ancient_Rome"


def test_missing_page_offers_creation(client, db):
    r = client.get("/wiki/No_such_page")
    assert r.status_code == 404
    html = r.content.decode()
    assert "There is currently no text in this page." in html
    assert "title=No_such_page&amp;action=edit" in html


def test_raw_is_exact_text(client, save):
    text = "== Head ==\n<b>bold</b> & [[link]]\n\nünïcode"
    save("Raw", text)
    r = client.get("/index.php?title=Raw&action=raw")
    assert r.status_code == 200
    assert r["Content-Type"] == "text/x-wiki; charset=UTF-8"
    assert r.content.decode("utf-8") == text


def test_oldid_permalink(client, save):
    r1 = save("Perm", "first version")
    save("Perm", "second version")
    r = client.get(f"/index.php?title=Perm&oldid={r1.revision.pk}")
    html = r.content.decode()
    assert r.status_code == 200 and "first version" in html
    assert "Revision as of" in html and "Latest revision" in html


def test_unknown_revision_id(client, save):
    save("Perm", "text")
    for q in ("oldid=999999", "oldid=abc", "diff=999999"):
        r = client.get(f"/index.php?title=Perm&{q}")
        assert r.status_code == 404
        assert "does not exist" in r.content.decode()


def test_illegal_title(client, db):
    r = client.get("/wiki/A_[bad]_title")
    assert r.status_code == 400
    html = r.content.decode()
    assert "Bad title" in html and "invalid characters" in html
    assert Page.objects.count() == 0


def test_redirect_followed(client, save):
    save("Target page", "The target.")
    save("Old name", "#REDIRECT [[Target page]]")
    r = client.get("/wiki/Old_name")
    html = r.content.decode()
    assert r.status_code == 200 and "The target." in html
    assert "(Redirected from" in html and "redirect=no" in html
    r = client.get("/index.php?title=Old_name&redirect=no")
    assert "Redirect page" in r.content.decode()


def test_history(client, save, bob):
    r1 = save("Hist", "one", summary="first summary")
    r2 = save("Hist", "one two three", user=bob, minor=True)
    r = client.get("/index.php?title=Hist&action=history")
    html = r.content.decode()
    assert r.status_code == 200
    assert html.count('name="oldid"') == 2 and html.count('name="diff"') == 2
    assert f"diff={r2.revision.pk}&amp;oldid={r1.revision.pk}" in html  # prev link
    assert "first summary" in html
    assert "3 bytes" in html and "13 bytes" in html
    assert re.search(r"mw-plusminus-pos[^>]*>\+10<", html)
    assert 'class="minoredit"' in html
    assert "Compare selected revisions" in html
    assert "undo" in html


def test_footer_and_tabs_for_talk(client, save):
    save("Talk:Rome", "discussion")
    r = client.get("/wiki/Talk:Rome")
    html = r.content.decode()
    assert 'id="ca-talk" class="selected"' in html
    assert 'id="ca-nstab" class=" new"' in html


def test_sidebar_from_mediawiki_sidebar(client, admin):
    from vellum.wiki.services.editing import edit_page

    edit_page("MediaWiki:Sidebar", "* navigation\n** Help:Contents|Help me\n* TOOLBOX", admin)
    html = client.get("/wiki/MediaWiki:Sidebar").content.decode()
    assert ">Help me</a>" in html and "/wiki/Help:Contents" in html


def test_cached_view_needs_few_queries(client, save, django_assert_max_num_queries):
    save("Cached", "some text")
    client.get("/wiki/Cached")
    with django_assert_max_num_queries(6):
        assert client.get("/wiki/Cached").status_code == 200


def test_unknown_url_and_raw_of_missing_page(client, db):
    r = client.get("/nothing/here")
    assert r.status_code == 404 and "There is nothing here." in r.content.decode()
    r = client.get("/index.php?title=Missing&action=raw")
    assert r.status_code == 404 and "There is currently no text" in r.content.decode()


def test_pages_are_revalidated(client, save):
    save("Fresh", "text")
    for url in ("/wiki/Fresh", "/wiki/Fresh", "/index.php?title=Fresh&action=history"):
        assert client.get(url)["Cache-Control"] == "private, must-revalidate, max-age=0"


def test_pages_forbid_inline_and_foreign_scripts(client, save):
    save("Safe page", "text")
    for url in ("/wiki/Safe_page", "/wiki/Safe_page", "/index.php?title=Safe_page&action=edit"):
        csp = client.get(url)["Content-Security-Policy"]
        assert "script-src 'self';" in csp and "object-src 'none'" in csp


def test_history_paging(client, save):
    revs = [save("Paged", f"version {i}").revision for i in range(5)]
    html = client.get("/index.php?title=Paged&action=history&limit=2").content.decode()
    assert html.count('name="oldid"') == 2 and "older 2" in html
    assert f"offset={revs[3].pk}" in html
    html = client.get(
        f"/index.php?title=Paged&action=history&limit=2&offset={revs[3].pk}"
    ).content.decode()
    assert f'data-mw-revid="{revs[2].pk}"' in html and f'data-mw-revid="{revs[1].pk}"' in html
    assert f'data-mw-revid="{revs[4].pk}"' not in html and "mw-firstlink" in html


def test_summaries_and_names_are_escaped(client, save):
    evil = "<script>alert(1)</script> [[A&B|<img src=x onerror=alert(2)>]] /* <b>s</b> */"
    save("Escaped", "text", summary=evil)
    for url in (
        "/index.php?title=Escaped&action=history",
        "/wiki/Special:RecentChanges",
        "/wiki/Special:Contributions/Alice",
    ):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>s</b>" not in html
        assert "&lt;script&gt;" in html
    html = client.get("/index.php?title=Escaped&action=history").content.decode()
    assert 'href="/wiki/A&amp;B"' in html
