"""User links in history, RecentChanges, contributions and diffs: red (class "new", the edit
URL) when the user page or user talk page does not exist, as Linker::userLink shows them."""

from __future__ import annotations

import re

RED_USER = (
    '<a href="/index.php?title=User%3AAlice&amp;action=edit&amp;redlink=1" '
    'class="new mw-userlink" title="User:Alice (page does not exist)"><bdi>Alice</bdi></a>'
)
BLUE_USER = '<a href="/wiki/User:Alice" class="mw-userlink" title="User:Alice"><bdi>Alice</bdi></a>'
RED_TALK = (
    '<a href="/index.php?title=User_talk%3AAlice&amp;action=edit&amp;redlink=1" '
    'class="new mw-usertoollinks-talk" title="User talk:Alice (page does not exist)">talk</a>'
)
BLUE_TALK = (
    '<a href="/wiki/User_talk:Alice" class="mw-usertoollinks-talk" title="User talk:Alice">talk</a>'
)
PAGES = (
    "/index.php?title=Essay&action=history",
    "/wiki/Special:RecentChanges",
    "/wiki/Special:Contributions/Alice",
    "/index.php?title=Essay&diff={new}&oldid={old}",
)


def test_user_links_are_red_until_the_pages_exist(client, save, bob):
    r1 = save("Essay", "one")
    r2 = save("Essay", "two", base_revision_id=r1.revision.pk)
    pages = [u.format(new=r2.revision.pk, old=r1.revision.pk) for u in PAGES]
    for url in pages:
        html = client.get(url).content.decode()
        assert RED_USER in html and RED_TALK in html, url
        assert BLUE_USER not in html, url
    save("User:Alice", "About me")
    for url in pages:
        html = client.get(url).content.decode()
        assert BLUE_USER in html and RED_TALK in html and RED_USER not in html, url
    save("User talk:Alice", "Hello", user=bob)
    html = client.get("/index.php?title=Essay&action=history").content.decode()
    assert BLUE_TALK in html and RED_TALK not in html


def test_anonymous_user_links_contributions_and_red_talk(client, save):
    save("Essay", "one", actor="192.0.2.7")
    html = client.get("/index.php?title=Essay&action=history").content.decode()
    assert re.search(r'class="mw-userlink mw-anonuserlink"[^>]*><bdi>192\.0\.2\.7</bdi>', html)
    assert 'class="new mw-usertoollinks-talk" title="User talk:192.0.2.7' in html
