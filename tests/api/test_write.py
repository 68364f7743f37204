"""Write modules: edit (every mode, MediaWiki's conflict rules), move, delete, undelete,
protect, rollback, upload (direct, chunked, warnings), parse. Each write is a revision like any
other: history, recent changes and the search index see it."""

from __future__ import annotations

import hashlib
import io
import json
import time

import pytest
from django.test import Client

from vellum.wiki.models import File, LogEntry, Page, RecentChange, Revision

from .conftest import Api


def edit(api: Api, **params):
    return api(action="edit", token=api.token(), **params)


def text_of(title: str) -> str:
    return Page.objects.get(title=title.replace(" ", "_")).latest.content.text


def png(w: int, h: int, color=(10, 20, 30)) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (w, h), color).save(buf, "PNG")
    return buf.getvalue()


def test_create_edit_nochange_and_history(admin_api):
    res = edit(admin_api, title="Edited page", text="one\r\ntwo  \n\n", summary="make")
    e = res["edit"]
    assert e["new"] == "" and e["result"] == "Success" and e["oldrevid"] == 0
    assert e["newtimestamp"].endswith("Z")
    assert text_of("Edited page") == "one\ntwo"
    res = edit(admin_api, title="Edited page", text="one\ntwo", summary="same")
    assert res["edit"]["nochange"] == "" and "newrevid" not in res["edit"]
    res = edit(admin_api, title="Edited page", appendtext="\nthree", minor="1")
    assert res["edit"]["oldrevid"] == e["newrevid"]
    assert text_of("Edited page") == "one\ntwo\nthree"
    res = edit(admin_api, title="Edited page", prependtext="zero\n")
    assert text_of("Edited page") == "zero\none\ntwo\nthree"
    rc = RecentChange.objects.filter(title="Edited_page").order_by("id")
    assert [r.type for r in rc] == [1, 0, 0]
    assert Revision.objects.filter(page__title="Edited_page").count() == 3
    assert Revision.objects.get(pk=res["edit"]["oldrevid"]).minor is True


def test_sections_and_md5(admin_api):
    edit(admin_api, title="Sectioned", text="Intro\n\n== A ==\nalpha\n\n== B ==\nbeta")
    edit(admin_api, title="Sectioned", section="1", text="== A ==\nALPHA")
    assert text_of("Sectioned") == "Intro\n\n== A ==\nALPHA\n\n== B ==\nbeta"
    edit(admin_api, title="Sectioned", section="new", sectiontitle="C", text="gamma")
    assert text_of("Sectioned").endswith("== C ==\n\ngamma")
    resp = admin_api.raw(
        action="edit", title="Sectioned", section="9", text="x", token=admin_api.token()
    )
    assert resp.headers["MediaWiki-API-Error"] == "nosuchsection"
    resp = admin_api.raw(
        action="edit", title="Sectioned", text="x", md5="0" * 32, token=admin_api.token()
    )
    assert resp.headers["MediaWiki-API-Error"] == "badmd5"
    good = hashlib.md5(b"checked").hexdigest()
    assert edit(admin_api, title="Sectioned", text="checked", md5=good)["edit"]["result"] == (
        "Success"
    )


def test_createonly_nocreate_recreate_pagedeleted(admin_api):
    edit(admin_api, title="Lifecycle", text="v1")
    resp = admin_api.raw(
        action="edit", title="Lifecycle", text="v2", createonly="1", token=admin_api.token()
    )
    assert resp.headers["MediaWiki-API-Error"] == "articleexists"
    resp = admin_api.raw(
        action="edit", title="Nonexistent", text="v", nocreate="1", token=admin_api.token()
    )
    assert resp.headers["MediaWiki-API-Error"] == "missingtitle"
    start = "2020-01-01T00:00:00Z"
    res = admin_api(action="delete", title="Lifecycle", reason="gone", token=admin_api.token())
    assert res["delete"]["title"] == "Lifecycle" and res["delete"]["logid"] > 0
    resp = admin_api.raw(
        action="edit",
        title="Lifecycle",
        text="again",
        basetimestamp=start,
        starttimestamp=start,
        token=admin_api.token(),
    )
    assert resp.headers["MediaWiki-API-Error"] == "pagedeleted"
    res = edit(admin_api, title="Lifecycle", text="again", starttimestamp=start, recreate="1")
    assert res["edit"]["new"] == ""


def test_edit_conflicts_follow_mediawiki(admin_api, normal_user):
    first = edit(admin_api, title="Contested", text="line one\n\nline two\n\nline three")
    base = first["edit"]["newtimestamp"]
    time.sleep(1.05)
    other = Api(Client())
    assert other.login("Smoke user", "user-password-1")["login"]["result"] == "Success"
    edit(other, title="Contested", text="line ONE\n\nline two\n\nline three")
    # a non-overlapping change by someone else merges
    res = edit(
        admin_api, title="Contested", text="line one\n\nline two\n\nline THREE", basetimestamp=base
    )
    assert res["edit"]["result"] == "Success"
    assert text_of("Contested") == "line ONE\n\nline two\n\nline THREE"
    # an overlapping one conflicts and changes nothing
    resp = admin_api.raw(
        action="edit",
        title="Contested",
        text="line uno\n\nline two",
        basetimestamp=base,
        token=admin_api.token(),
    )
    assert resp.headers["MediaWiki-API-Error"] == "editconflict"
    assert text_of("Contested") == "line ONE\n\nline two\n\nline THREE"


def test_section_edit_conflicts_even_for_the_same_user(admin_api):
    first = edit(admin_api, title="Own conflict", text="Head line.\n\nBody line.")
    time.sleep(1.05)
    edit(admin_api, title="Own conflict", text="Head changed.\n\nBody line.")
    resp = admin_api.raw(
        action="edit",
        title="Own conflict",
        section="0",
        text="Mine.",
        basetimestamp=first["edit"]["newtimestamp"],
        token=admin_api.token(),
    )
    assert resp.headers["MediaWiki-API-Error"] == "editconflict"
    assert text_of("Own conflict") == "Head changed.\n\nBody line."
    # a section edit from the same old base that does not overlap is merged
    edit(admin_api, title="Own conflict", text="Head changed.\n\nBody line.\n\n== S ==\ns1")
    base = admin_api(
        "GET", action="query", prop="revisions", titles="Own conflict", rvprop="timestamp"
    )
    base_ts = next(iter(base["query"]["pages"].values()))["revisions"][0]["timestamp"]
    time.sleep(1.05)
    edit(admin_api, title="Own conflict", text="Head again.\n\nBody line.\n\n== S ==\ns1")
    res = edit(
        admin_api, title="Own conflict", section="1", text="== S ==\ns2", basetimestamp=base_ts
    )
    assert res["edit"]["result"] == "Success"
    assert text_of("Own conflict") == "Head again.\n\nBody line.\n\n== S ==\ns2"
    # a whole-page edit by the same user is not a conflict
    res = edit(
        admin_api, title="Own conflict", text="Whole.", basetimestamp=first["edit"]["newtimestamp"]
    )
    assert res["edit"]["result"] == "Success" and text_of("Own conflict") == "Whole."


def test_undo(admin_api):
    edit(admin_api, title="Undoable", text="a\n\nb\n\nc")
    second = edit(admin_api, title="Undoable", text="a\n\nB\n\nc")
    res = edit(admin_api, title="Undoable", undo=str(second["edit"]["newrevid"]))
    assert res["edit"]["result"] == "Success" and text_of("Undoable") == "a\n\nb\n\nc"


def test_move_and_redirect(admin_api):
    created = edit(admin_api, title="Old name", text="content")
    res = admin_api(
        action="move",
        **{"from": "Old name"},
        to="New name",
        reason="rename",
        movetalk="1",
        token=admin_api.token(),
    )
    assert res["move"] == {
        "from": "Old name",
        "to": "New name",
        "reason": "rename",
        "redirectcreated": "",
    }
    new = Page.objects.get(title="New_name")
    assert new.pk == created["edit"]["pageid"]
    old = Page.objects.get(title="Old_name")
    assert old.is_redirect and old.latest.content.text.startswith("#REDIRECT [[New name]]")
    q = admin_api("GET", action="query", prop="pageprops", titles="Old name", redirects="")
    assert q["query"]["redirects"] == [{"from": "Old name", "to": "New name"}]
    log = admin_api("GET", action="query", list="logevents", letype="move")
    ev = log["query"]["logevents"][0]
    assert ev["title"] == "Old name" and ev["params"]["target_title"] == "New name"
    resp = admin_api.raw(
        action="move", **{"from": "New name"}, to="New name", token=admin_api.token()
    )
    assert resp.headers["MediaWiki-API-Error"] == "selfmove"


def test_delete_undelete_protect_rollback(admin_api, normal_user):
    edit(admin_api, title="Guarded", text="safe")
    res = admin_api(
        action="protect",
        title="Guarded",
        protections="edit=sysop|move=sysop",
        expiry="infinite",
        reason="vandals",
        token=admin_api.token(),
    )
    assert res["protect"]["protections"] == [
        {"edit": "sysop", "expiry": "infinite"},
        {"move": "sysop", "expiry": "infinite"},
    ]
    user = Api(Client())
    user.login("Smoke user", "user-password-1")
    resp = user.raw(action="edit", title="Guarded", text="vandal", token=user.token())
    assert resp.headers["MediaWiki-API-Error"] == "protectedpage"
    resp = user.raw(action="delete", title="Guarded", token=user.token())
    assert resp.headers["MediaWiki-API-Error"].startswith("permissiondenied")
    info = user("GET", action="query", prop="info", inprop="protection", titles="Guarded")
    prot = next(iter(info["query"]["pages"].values()))["protection"]
    assert {p["type"]: p["level"] for p in prot} == {"edit": "sysop", "move": "sysop"}
    assert all(p["expiry"] == "infinity" for p in prot)

    edit(user, title="Rolled", text="good")
    edit(admin_api, title="Rolled", text="bad 1")
    edit(admin_api, title="Rolled", text="bad 2")
    res = admin_api(
        action="rollback", title="Rolled", user="Admin", token=admin_api.token("rollback")
    )
    assert res["rollback"]["title"] == "Rolled" and text_of("Rolled") == "good"

    admin_api(action="delete", title="Rolled", token=admin_api.token())
    assert not Page.objects.filter(title="Rolled").exists()
    res = admin_api(action="undelete", title="Rolled", reason="back", token=admin_api.token())
    assert res["undelete"]["revisions"] == 4 and text_of("Rolled") == "good"
    assert LogEntry.objects.filter(type="delete", action="restore").count() == 1


def test_upload_direct_warnings_and_imageinfo(admin_api):
    data = png(5, 3)
    res = admin_api(
        action="upload",
        filename="Test image.png",
        comment="c",
        text="desc",
        token=admin_api.token(),
        file=_file(data),
    )
    up = res["upload"]
    assert up["result"] == "Success" and up["filename"] == "Test_image.png"
    ii = up["imageinfo"]
    assert (ii["width"], ii["height"], ii["size"]) == (5, 3, len(data))
    assert ii["sha1"] == hashlib.sha1(data).hexdigest() and ii["mime"] == "image/png"
    res = admin_api(
        action="upload",
        filename="Test image.png",
        comment="c",
        token=admin_api.token(),
        file=_file(data),
    )
    assert res["upload"]["result"] == "Warning"
    assert res["upload"]["warnings"]["exists"] == "Test_image.png"
    assert "nochange" in res["upload"]["warnings"]
    res = admin_api(
        action="upload", filename="Copy.png", comment="c", token=admin_api.token(), file=_file(data)
    )
    assert res["upload"]["warnings"] == {"duplicate": ["Test_image.png"]}
    key = res["upload"]["filekey"]
    res = admin_api(
        action="upload",
        filename="Copy.png",
        filekey=key,
        ignorewarnings="1",
        comment="c",
        token=admin_api.token(),
    )
    assert res["upload"]["result"] == "Success"
    q = admin_api(
        "GET",
        action="query",
        prop="imageinfo",
        titles="File:Test image.png",
        iiprop="timestamp|user|url|size|sha1|mime",
    )
    page = next(iter(q["query"]["pages"].values()))
    assert page["imagerepository"] == "local"
    assert page["imageinfo"][0]["url"].endswith(".png")
    assert File.objects.count() == 2


def test_chunked_upload(admin_api):
    data = png(300, 200, (1, 2, 3)) + b""
    size = len(data)
    half = size // 2
    r1 = admin_api(
        action="upload",
        stash="1",
        filename="Chunked.png",
        filesize=str(size),
        offset="0",
        token=admin_api.token(),
        chunk=_file(data[:half]),
    )
    assert r1["upload"]["result"] == "Continue" and r1["upload"]["offset"] == half
    r2 = admin_api(
        action="upload",
        stash="1",
        filename="Chunked.png",
        filesize=str(size),
        offset=str(half),
        filekey=r1["upload"]["filekey"],
        token=admin_api.token(),
        chunk=_file(data[half:]),
    )
    assert r2["upload"]["result"] == "Success"
    r3 = admin_api(
        action="upload",
        filename="Chunked.png",
        filekey=r2["upload"]["filekey"],
        comment="chunked",
        token=admin_api.token(),
    )
    assert r3["upload"]["result"] == "Success"
    assert r3["upload"]["imageinfo"]["size"] == size


def test_upload_errors(admin_api):
    resp = admin_api.raw(
        action="upload",
        filename="Bad.exe",
        token=admin_api.token(),
        files={"file": _file(png(2, 2))},
    )
    assert resp.headers["MediaWiki-API-Error"] == "verification-error"
    resp = admin_api.raw(
        action="upload",
        filename="Text.png",
        token=admin_api.token(),
        files={"file": _file(b"not an image")},
    )
    assert resp.headers["MediaWiki-API-Error"] == "verification-error"
    assert File.objects.count() == 0


def test_parse(admin_api):
    pytest.importorskip("vellum.wikitext.parser")
    res = admin_api(
        action="parse",
        text="== H ==\n'''bold''' [[Link]]",
        title="Test",
        prop="text|sections|links",
    )
    p = res["parse"]
    assert "<b>bold</b>" in p["text"]["*"] and "<h2" in p["text"]["*"]
    assert p["sections"][0]["line"] == "H" and p["sections"][0]["level"] == "2"
    assert p["links"] == [{"ns": 0, "*": "Link"}]
    resp = admin_api.raw(action="parse", page="No such page")
    assert resp.headers["MediaWiki-API-Error"] == "missingtitle"


def _file(data: bytes) -> io.BytesIO:
    f = io.BytesIO(data)
    f.name = "fake-filename"
    return f


def test_new_section_and_appendtext_never_conflict(admin_api, normal_user):
    first = edit(admin_api, title="Talkish", text="Top.")
    time.sleep(1.05)
    other = Api(Client())
    other.login("Smoke user", "user-password-1")
    edit(other, title="Talkish", text="Top, changed.")
    base = first["edit"]["newtimestamp"]
    res = edit(
        admin_api, title="Talkish", section="new", sectiontitle="Q", text="Hi.", basetimestamp=base
    )
    assert res["edit"]["result"] == "Success"
    res = edit(admin_api, title="Talkish", appendtext="\nMore.", basetimestamp=base)
    assert res["edit"]["result"] == "Success"
    assert text_of("Talkish") == "Top, changed.\n\n== Q ==\n\nHi.\nMore."


def test_api_edits_reach_search_history_and_page_views(admin_api, client):
    edit(admin_api, title="Shared data", text="first quokkaword version")
    assert "quokkaword" in client.get("/wiki/Shared_data").content.decode()
    edit(admin_api, title="Shared data", text="second wombatword version")
    html = client.get("/wiki/Shared_data").content.decode()
    assert "wombatword" in html and "quokkaword" not in html
    res = admin_api("GET", action="query", list="search", srsearch="wombatword", srwhat="text")
    assert [h["title"] for h in res["query"]["search"]] == ["Shared data"]
    res = admin_api("GET", action="query", list="search", srsearch="quokkaword", srwhat="text")
    assert res["query"]["search"] == []
    history = client.get("/index.php", {"title": "Shared data", "action": "history"})
    assert history.status_code == 200


def test_expandtemplates(admin_api):
    pytest.importorskip("vellum.wikitext.preprocessor")
    edit(admin_api, title="Template:Hi", text="Hello {{{1|world}}}!")
    res = admin_api(
        action="expandtemplates", text="{{Hi|you}} {{PAGENAME}} <!-- c -->", title="Foo bar"
    )
    assert res["expandtemplates"]["*"] == "Hello you! Foo bar "
    assert "legacy format" in res["warnings"]["expandtemplates"]["*"]
    res = admin_api(
        action="expandtemplates", text="{{#if:1|yes|no}}", prop="wikitext", formatversion="2"
    )
    assert res["expandtemplates"] == {"wikitext": "yes"}


def test_parse_wrapoutputclass_and_bad_titles_are_escaped(admin_api):
    pytest.importorskip("vellum.wikitext.parser")
    res = admin_api(
        action="parse",
        text="x",
        prop="text",
        formatversion="2",
        wrapoutputclass='a" onclick="alert(1)',
    )
    assert res["parse"]["text"].startswith('<div class="a&quot; onclick=&quot;alert(1)">')
    res = admin_api(action="parse", text="x", prop="text", formatversion="2", wrapoutputclass="")
    assert not res["parse"]["text"].startswith("<div")
    resp = admin_api.raw(action="parse", text="x", title="<b>[x]</b>")
    assert json.loads(resp.content)["error"]["info"] == 'Bad title "&lt;b&gt;[x]&lt;/b&gt;".'
