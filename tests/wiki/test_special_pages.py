"""Special pages: RecentChanges (+ feeds), AllPages, Random, NewPages, Contributions, Log,
Search, SpecialPages, login / logout / account creation, Upload."""

from __future__ import annotations

import io

from vellum.wiki.models import Page


def test_recent_changes(client, save, bob):
    save("Alpha", "a", summary="made alpha")
    save("Alpha", "a b", user=bob, minor=True)
    save("Talk:Alpha", "chat")
    html = client.get("/wiki/Special:RecentChanges").content.decode()
    assert "made alpha" in html and ">diff</a>" in html and ">hist</a>" in html
    assert 'class="minoredit"' in html and 'class="newpage"' in html
    assert "+2" in html
    html = client.get("/wiki/Special:RecentChanges?hideminor=1&namespace=0").content.decode()
    assert 'class="minoredit"' not in html and "Talk:Alpha" not in html
    html = client.get("/wiki/Special:RecentChanges?namespace=1").content.decode()
    assert "Talk:Alpha" in html and "made alpha" not in html


def test_recent_changes_feeds(client, save):
    save("Feed page", "x", summary="feed summary")
    rss = client.get("/wiki/Special:RecentChanges?feed=rss")
    assert rss["Content-Type"].startswith("application/rss+xml")
    assert b"<title>Feed page</title>" in rss.content and b"feed summary" in rss.content
    atom = client.get("/index.php?title=Special:RecentChanges&feed=atom")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert b"<feed" in atom.content and b"Feed page" in atom.content


def test_allpages_random_newpages(client, save):
    for t in ("Banana", "Apple", "Cherry"):
        save(t, t)
    save("Redirect to apple", "#REDIRECT [[Apple]]")
    html = client.get("/wiki/Special:AllPages").content.decode()
    assert html.index("Apple") < html.index("Banana") < html.index("Cherry")
    assert "allpagesredirect" in html
    html = client.get("/wiki/Special:AllPages?from=B").content.decode()
    assert "/wiki/Apple" not in html and "/wiki/Banana" in html
    r = client.get("/wiki/Special:Random")
    assert r.status_code == 302
    assert r["Location"] in ("/wiki/Banana", "/wiki/Apple", "/wiki/Cherry")
    html = client.get("/wiki/Special:NewPages").content.decode()
    assert "Cherry" in html and "[6 bytes]" in html


def test_contributions_and_log(client, save, alice):
    save("Mine", "by alice", summary="alice's work")
    html = client.get("/wiki/Special:Contributions/Alice").content.decode()
    assert "alice&#x27;s work" in html and "/wiki/Mine" in html and "current" in html
    html = client.get("/wiki/Special:Log").content.decode()
    assert "created page" in html and "user account was created" in html
    html = client.get("/wiki/Special:Log?type=newusers").content.decode()
    assert "created page" not in html


def test_search_go_and_fulltext(client, save):
    save("Julius Caesar", "Caesar crossed the Rubicon in 49 BC.")
    save("Pompey", "Pompey fled after Caesar crossed the <b>Rubicon</b>.")
    r = client.get("/index.php?search=julius+caesar&title=Special:Search&go=Go")
    assert r.status_code == 302 and r["Location"] == "/wiki/Julius_Caesar"
    html = client.get("/index.php?search=Rubicon&title=Special:Search&fulltext=1").content.decode()
    assert '<span class="searchmatch">Rubicon</span>' in html
    assert "/wiki/Pompey" in html and "/wiki/Julius_Caesar" in html
    assert "&lt;b&gt;" in html  # snippets are escaped text
    html = client.get("/index.php?search=Nothing+here&title=Special:Search").content.decode()
    assert "There were no results matching the query." in html
    assert "Create the page" in html


def test_special_pages_list_and_unknown(client, db):
    html = client.get("/wiki/Special:SpecialPages").content.decode()
    for name in ("Recent changes", "All pages", "Random page", "Search", "What links here"):
        assert name in html
    r = client.get("/wiki/Special:NoSuchThing")
    assert r.status_code == 404 and "No such special page" in r.content.decode()


def test_account_creation_login_logout(client, db):
    r = client.post(
        "/wiki/Special:CreateAccount",
        {"wpName": "new person", "wpPassword": "longpassword", "wpRetype": "longpassword"},
    )
    assert r.status_code == 302
    html = client.get("/wiki/Main_Page").content.decode()
    assert "New person" in html
    client.post("/wiki/Special:UserLogout")
    assert "Not logged in" in client.get("/wiki/Main_Page").content.decode()
    r = client.post("/wiki/Special:UserLogin", {"wpName": "New person", "wpPassword": "wrong"})
    assert r.status_code == 401 and "Incorrect username or password" in r.content.decode()
    r = client.post(
        "/wiki/Special:UserLogin", {"wpName": "new_person", "wpPassword": "longpassword"}
    )
    assert r.status_code == 302


def test_upload(client, alice, tmp_path, settings):
    from PIL import Image

    settings.MEDIA_ROOT = str(tmp_path / "images")
    client.force_login(alice)
    buf = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(buf, "PNG")
    buf.name = "red.png"
    buf.seek(0)
    r = client.post(
        "/wiki/Special:Upload",
        {
            "wpUploadFile": buf,
            "wpDestFile": "Red square.png",
            "wpUploadDescription": "A red square",
        },
    )
    assert r.status_code == 302 and r["Location"] == "/wiki/File:Red_square.png"
    assert Page.objects.filter(namespace=6, title="Red_square.png").exists()
    from vellum.wiki.models import File

    f = File.objects.get()
    assert (f.width, f.height, f.mime) == (40, 30, "image/png")
    img = client.get(
        "/images/"
        + __import__("vellum.wiki.services.uploads", fromlist=["x"]).hash_path(f.name)
        + "/Red_square.png"
    )
    assert img.status_code == 200 and img["Content-Type"] == "image/png"
    from vellum.wiki.services.uploads import file_info

    thumb_url = file_info(f).thumb_url + "20px-Red_square.png"
    assert thumb_url.startswith("/images/thumb/")
    thumb = client.get(thumb_url)
    assert thumb.status_code == 200 and thumb["Content-Type"] == "image/png"
    img_bytes = b"".join(thumb.streaming_content)
    assert Image.open(io.BytesIO(img_bytes)).size == (20, 15)
    assert client.get(file_info(f).thumb_url + "20px-Other.png").status_code == 404
    html = client.get("/wiki/File:Red_square.png").content.decode()
    assert 'class="fullImageLink"' in html and "40 × 30 pixels" in html
    bad = io.BytesIO(b"<script>alert(1)</script>")
    bad.name = "evil.png"
    r = client.post("/wiki/Special:Upload", {"wpUploadFile": bad, "wpDestFile": "Evil.png"})
    assert r.status_code == 400 and File.objects.count() == 1


def test_statistics(client, save):
    save("Counted", "text")
    save("Counted", "more text")
    html = client.get("/wiki/Special:Statistics").content.decode()
    assert "Content pages" in html and "Page edits since the wiki was set up" in html
    assert (
        'mw-statistics-edits"><th scope="row">Page edits since the wiki was set up</th><td class="mw-statistics-numbers">2<'
        in html
    )
