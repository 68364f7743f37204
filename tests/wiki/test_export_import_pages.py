"""Special:Export and Special:Import: the dumps code behind the wiki's forms."""

from __future__ import annotations

import io

from vellum.wiki.models import Page, Revision

DUMP = """<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">
  <siteinfo>
    <sitename>Elsewhere</sitename>
    <dbname>elsewhere</dbname>
    <base>http://elsewhere.example/wiki/Main_Page</base>
    <generator>MediaWiki 1.39.3</generator>
    <case>first-letter</case>
    <namespaces>
      <namespace key="0" case="first-letter" />
      <namespace key="1" case="first-letter">Talk</namespace>
    </namespaces>
  </siteinfo>
  <page>
    <title>Imported page</title>
    <ns>0</ns>
    <id>7001</id>
    <revision>
      <id>90001</id>
      <timestamp>2005-01-02T03:04:05Z</timestamp>
      <contributor><username>Ghost writer</username><id>4242</id></contributor>
      <comment>first words</comment>
      <model>wikitext</model>
      <format>text/x-wiki</format>
      <text bytes="11" xml:space="preserve">Hello world</text>
      <sha1>{sha1_1}</sha1>
    </revision>
    <revision>
      <id>90002</id>
      <parentid>90001</parentid>
      <timestamp>2005-01-03T03:04:05Z</timestamp>
      <contributor><ip>192.0.2.55</ip></contributor>
      <model>wikitext</model>
      <format>text/x-wiki</format>
      <text bytes="17" xml:space="preserve">Hello brave world</text>
      <sha1>{sha1_2}</sha1>
    </revision>
  </page>
</mediawiki>
"""


def _dump() -> bytes:
    from vellum.wiki.services.titles import sha1_base36

    return DUMP.format(
        sha1_1=sha1_base36("Hello world"), sha1_2=sha1_base36("Hello brave world")
    ).encode()


def test_special_export(client, save):
    save("Exported", "first")
    save("Exported", "second")
    r = client.get("/wiki/Special:Export/Exported")
    assert r.status_code == 200 and r["Content-Type"].startswith("application/xml")
    body = r.content.decode()
    assert "<title>Exported</title>" in body and ">second<" in body and ">first<" not in body
    r = client.post("/wiki/Special:Export", {"pages": "Exported", "history": "1"})
    assert r.content.decode().count("<revision>") == 2


def test_special_import_needs_rights_and_imports(client, alice, admin):
    client.force_login(alice)
    upload = io.BytesIO(_dump())
    upload.name = "dump.xml"
    assert client.post("/wiki/Special:Import", {"xmlimport": upload}).status_code == 403
    client.force_login(admin)
    upload = io.BytesIO(_dump())
    upload.name = "dump.xml"
    r = client.post("/wiki/Special:Import", {"xmlimport": upload, "log-comment": "moving in"})
    assert (
        r.status_code == 200 and "Import finished: 1 page(s), 2 revision(s)" in r.content.decode()
    )
    page = Page.objects.get(title="Imported_page")
    assert page.latest.content.text == "Hello brave world"
    assert Revision.objects.filter(page=page).count() == 2
    html = client.get("/index.php?title=Imported_page&action=history").content.decode()
    assert "Ghost writer" in html and "mw-extuserlink" in html and "192.0.2.55" in html
    html = client.get("/wiki/Special:Contributions/Ghost_writer").content.decode()
    assert "imported contributor" in html and "first words" in html


def test_special_import_bad_file(client, admin):
    client.force_login(admin)
    upload = io.BytesIO(b"<mediawiki><page><title>Broken")
    upload.name = "broken.xml"
    r = client.post("/wiki/Special:Import", {"xmlimport": upload})
    assert r.status_code == 400 and "Import failed" in r.content.decode()
