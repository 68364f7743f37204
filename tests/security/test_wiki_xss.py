"""Every page of the wiki that shows editor-controlled text (page text, edit summaries, user
names, page titles, file names, search terms) parses (HTML5) to no editor-written script."""

from __future__ import annotations

import html
import io
import re
import xml.etree.ElementTree as ET
from urllib.parse import quote

import pytest

from .htmlcheck import dangers, page_dangers
from .vectors import CORPUS, TEMPLATES

SUMMARY = (
    "/* <script>alert(1)</script> */ [[javascript:alert(1)|x]] "
    '[[Foo" onclick="alert(1)]] [[Foo|<img src=x onerror=alert(1)>]] '
    "<img src=x onerror=alert(1)> &lt;script&gt; [[:File:X.png|<svg onload=alert(1)>]] "
    '/* x" onmouseover="alert(1) */ [//evil.example/ x] [[Special:Search/"><script>]]'
)
# As hostile as MediaWiki's title rules allow (no < > [ ] { } |).
TITLE = "Javascript:alert(\"1\")&amp;'x' onmouseover=alert(1)"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100ffff03000006000557bfab"
    "d40000000049454e44ae426082"
)


@pytest.fixture
def wiki(db, mallory, admin):
    """A wiki whose pages, summaries, user names and files are all attacks."""
    from vellum.wiki.services.editing import edit_page
    from vellum.wiki.services.uploads import upload_file

    for name, text in TEMPLATES.items():
        edit_page(name, text, admin)
    upload_file('Foobar.jpg" onerror=alert(1) .png', PNG, admin, comment=SUMMARY, text=SUMMARY)
    text = "\n\n".join(CORPUS).replace("Foobar.jpg", 'Foobar.jpg" onerror=alert(1) .png')
    first = edit_page(TITLE, "first <script>alert(1)</script>", mallory, summary=SUMMARY)
    edit_page(TITLE, text, mallory, summary=SUMMARY)
    edit_page("Talk:" + TITLE, "[[" + TITLE + "]]", mallory, summary=SUMMARY)
    edit_page(f"User:{mallory.username}", "{{Echo|<script>}}", mallory, summary=SUMMARY)
    return {"title": TITLE.replace(" ", "_"), "first": first}


def _get(client, url: str):
    resp = client.get(url)
    assert resp.status_code < 500, url
    if resp.status_code in (301, 302):
        resp = client.get(resp["Location"])
    assert resp.status_code < 500, url
    return resp


def page_urls(t: str, first_rev: int) -> list[str]:
    q = quote(t)
    return [
        f"/wiki/{q}",
        f"/index.php?title={q}&action=history",
        f"/index.php?title={q}&action=edit",
        f"/index.php?title={q}&action=info",
        f"/index.php?title={q}&diff=cur&oldid={first_rev}",
        f"/index.php?title={q}&diff=prev&oldid={first_rev + 1}",
        f"/index.php?title={q}&oldid={first_rev}",
        f"/wiki/Talk:{q}",
        "/wiki/Special:RecentChanges",
        "/wiki/Special:RecentChanges?days=30&limit=500",
        "/wiki/Special:NewPages",
        "/wiki/Special:Log",
        "/wiki/Special:Log?type=upload",
        "/wiki/Special:AllPages",
        f"/wiki/Special:WhatLinksHere/{q}",
        "/wiki/Special:Contributions/" + quote("Mallory\"'& onmouseover=alert(1) x"),
        "/wiki/User:" + quote("Mallory\"'& onmouseover=alert(1) x"),
        "/index.php?title=Special:Search&fulltext=1&search=script+alert",
        "/index.php?title=Special:Search&fulltext=1&search=" + quote('"><script>alert(1)</script>'),
        "/index.php?title=Special:Search&search=" + quote("<img src=x onerror=alert(1)>"),
        "/index.php?title=Special:Contributions&target=" + quote("<script>alert(1)</script>"),
        "/index.php?title=Special:WhatLinksHere&target=" + quote('"><script>alert(1)</script>'),
        "/index.php?title=" + quote("<script>alert(1)</script>"),
        f"/index.php?title={q}&action=" + quote("<script>alert(1)</script>"),
        f"/index.php?title={q}&oldid=" + quote("<script>"),
        "/wiki/File:" + quote('Foobar.jpg"_onerror=alert(1)_.png'),
        "/wiki/Special:ListFiles",
        "/wiki/Special:SpecialPages",
        "/wiki/Special:UserLogin?returnto=" + quote("javascript:alert(1)"),
        "/wiki/Special:" + quote("<script>"),
    ]


def test_pages_have_no_editor_script(client, wiki) -> None:
    found = {}
    for url in page_urls(wiki["title"], wiki["first"].revision.pk):
        resp = _get(client, url)
        ctype = resp.get("Content-Type", "")
        if "html" not in ctype:
            continue
        body = resp.content.decode()
        if d := page_dangers(body):
            found[url] = d
        # reflected input is shown escaped, never as markup
        assert "<script>alert(1)</script>" not in body, url
    assert found == {}


def test_logged_in_pages_have_no_editor_script(client, wiki, mallory) -> None:
    client.force_login(mallory)
    q = quote(wiki["title"])
    found = {}
    for url in [f"/wiki/{q}", f"/index.php?title={q}&action=edit", "/wiki/Special:Upload"]:
        if d := page_dangers(_get(client, url).content.decode()):
            found[url] = d
    assert found == {}


def test_preview_and_show_changes(client, wiki, mallory) -> None:
    """action=submit's preview and 'Show changes' show the editor's own text: still no script
    (a victim can be sent to a self-submitting form)."""
    client.force_login(mallory)
    url = f"/index.php?title={quote(wiki['title'])}&action=submit"
    text = "\n\n".join(CORPUS[:80]) + "\n</textarea><script>alert(1)</script>"
    for button in ("wpPreview", "wpDiff"):
        resp = client.post(url, {"wpTextbox1": text, "wpSummary": SUMMARY, button: "1"})
        assert resp.status_code == 200
        assert page_dangers(resp.content.decode()) == [], button


def _feed_html(body: bytes) -> list[str]:
    """The HTML a feed reader would render from the feed's entries."""
    root = ET.fromstring(body)
    out = []
    for el in root.iter():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag in ("description", "summary", "content", "title") and el.text:
            out.append(el.text)
    return out


@pytest.mark.parametrize("feed", ["rss", "atom"])
def test_feeds(client, wiki, feed: str) -> None:
    resp = _get(client, f"/wiki/Special:RecentChanges?feed={feed}")
    assert resp.status_code == 200
    assert "xml" in resp["Content-Type"]
    for fragment in _feed_html(resp.content):
        assert dangers(fragment) == [], fragment


def test_raw_is_plain_text(client, wiki) -> None:
    resp = _get(client, f"/index.php?title={quote(wiki['title'])}&action=raw")
    assert resp.status_code == 200
    assert resp["Content-Type"].startswith("text/x-wiki")
    assert resp["X-Content-Type-Options"] == "nosniff"
    assert b"<script>alert(1)</script>" in resp.content  # exactly what was saved


def test_diff_of_malicious_text(client, wiki) -> None:
    resp = _get(
        client,
        f"/index.php?title={quote(wiki['title'])}&diff=cur&oldid={wiki['first'].revision.pk}",
    )
    body = resp.content.decode()
    assert "diff" in body
    table = re.search(r'<table class="diff.*?</table>', body, re.S)
    assert table is not None
    assert dangers(table.group(0)) == []
    assert html.escape("<script>alert(1)</script>", quote=False) in body


def test_uploaded_file_is_never_html(client, wiki, admin) -> None:
    """Files are served with their verified image type, nosniff and a sandboxing CSP."""
    from vellum.wiki.models import File
    from vellum.wiki.services.uploads import file_url

    f = File.objects.get()
    resp = client.get(file_url(f.name))
    assert resp.status_code == 200
    assert resp["Content-Type"] == "image/png"
    assert resp["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in resp["Content-Security-Policy"]
    b"".join(resp.streaming_content)


HOSTILE_FILES = {
    "html.png": b"<html><body><script>alert(1)</script></body></html>",
    "svg.png": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    "Evil.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "Evil.html": b"<script>alert(1)</script>",
    "Evil.png.html": PNG,
    "gifar.gif": b"GIF89a<script>alert(1)</script>",
}


@pytest.mark.parametrize("name", list(HOSTILE_FILES))
def test_hostile_upload_is_refused(db, admin, name: str) -> None:
    from vellum.wiki.models import File
    from vellum.wiki.services.uploads import UploadError, upload_file

    with pytest.raises(UploadError) as e:
        upload_file(name, HOSTILE_FILES[name], admin)
    assert str(e.value)
    assert not File.objects.exists()


def test_polyglot_png_is_served_as_png(client, db, admin) -> None:
    """A real PNG with HTML appended is a valid image: it is served as image/png with nosniff,
    so no browser treats it as HTML."""
    from vellum.wiki.services.uploads import file_url, upload_file

    data = PNG + b"<html><script>alert(1)</script></html>"
    upload_file("Poly.png", data, admin)
    resp = client.get(file_url("Poly.png"))
    assert resp["Content-Type"] == "image/png"
    assert resp["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in resp["Content-Security-Policy"]
    b"".join(resp.streaming_content)


def test_upload_form_with_html_file(client, db, admin) -> None:
    client.force_login(admin)
    up = io.BytesIO(b"<html><script>alert(1)</script></html>")
    up.name = "page.png"
    resp = client.post(
        "/wiki/Special:Upload",
        {
            "wpUploadFile": up,
            "wpDestFile": "<script>alert(1)</script>.png",
            "wpUploadDescription": SUMMARY,
        },
    )
    assert resp.status_code in (200, 400)
    assert page_dangers(resp.content.decode()) == []


def test_admin_pages_have_no_editor_script(client, wiki, admin) -> None:
    """The forms only admins see (delete, protect, move, undelete, rollback, undo) show the
    hostile title, user name and summaries too."""
    from vellum.wiki.services.pages import delete_page

    client.force_login(admin)
    q = quote(wiki["title"])
    first = wiki["first"].revision.pk
    urls = [
        f"/index.php?title={q}&action=delete",
        f"/index.php?title={q}&action=protect",
        f"/wiki/Special:MovePage/{q}",
        f"/index.php?title={q}&action=edit&undo={first + 1}&undoafter={first}",
        f"/index.php?title={q}&action=history",
        f"/index.php?title={q}&action=purge",
    ]
    found = {}
    for url in urls:
        if d := page_dangers(_get(client, url).content.decode()):
            found[url] = d
    delete_page(TITLE, admin, reason=SUMMARY)
    for url in [f"/wiki/Special:Undelete/{q}", f"/wiki/{q}", "/wiki/Special:Log/delete"]:
        if d := page_dangers(_get(client, url).content.decode()):
            found[url] = d
    assert found == {}


def _hostile_jpeg() -> bytes:
    """A JPEG whose EXIF text fields (shown on file pages as metadata) are attacks."""
    from PIL import Image

    exif = Image.Exif()
    exif[0x010E] = '<script>alert(1)</script><img src=x onerror="alert(1)">'  # ImageDescription
    exif[0x013B] = '"><svg onload=alert(1)>'  # Artist
    exif[0x8298] = "[javascript:alert(1) x] &lt;script&gt;"  # Copyright
    exif[0x0131] = "{{#tag:script|alert(1)}}"  # Software
    out = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 10, 10)).save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def _hostile_png() -> bytes:
    from PIL import Image
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Description", "<script>alert(1)</script>")
    info.add_text("Author", '" onmouseover="alert(1)')
    info.add_itxt("Comment", "<img src=x onerror=alert(1)>")
    out = io.BytesIO()
    Image.new("RGBA", (3, 3)).save(out, "PNG", pnginfo=info)
    return out.getvalue()


def test_file_metadata_is_escaped(client, db, admin) -> None:
    """EXIF and PNG text chunks are editor-controlled too: file pages and the API's
    imageinfo (with metadata) carry them as text."""
    import json

    from vellum.wiki.services.uploads import upload_file

    upload_file("Meta.jpg", _hostile_jpeg(), admin)
    upload_file("Meta.png", _hostile_png(), admin)
    found = {}
    for name in ("Meta.jpg", "Meta.png"):
        body = _get(client, f"/wiki/File:{name}").content.decode()
        if d := page_dangers(body):
            found[name] = d
        resp = client.get(
            "/api.php",
            {
                "action": "query",
                "titles": f"File:{name}",
                "prop": "imageinfo",
                "iiprop": "metadata|commonmetadata|extmetadata|comment|parsedcomment|url",
                "format": "json",
            },
        )
        assert resp.status_code == 200
        assert resp["Content-Type"].startswith("application/json")
        data = json.loads(resp.content)
        for page in data.get("query", {}).get("pages", {}).values():
            for info in page.get("imageinfo", []):
                if d := dangers(info.get("parsedcomment", "")):
                    found[name + " parsedcomment"] = d
                for field in (info.get("extmetadata") or {}).values():
                    value = field.get("value") if isinstance(field, dict) else None
                    if isinstance(value, str) and (d := dangers(value)):
                        found[name + " extmetadata"] = d
    assert found == {}
