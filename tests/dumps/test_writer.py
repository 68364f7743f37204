"""The 0.11 writer: MediaWiki 1.39's exact format, schema-valid, and lossless on re-read."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from lxml import etree

from vellum.dumps import (
    Contributor,
    DumpWriter,
    NamespaceInfo,
    Page,
    Revision,
    SiteInfo,
    Slot,
    Upload,
    base36_sha1,
    open_dump,
)
from vellum.dumps.schema import load_schema

from .corpus import DUMPS


@pytest.fixture(scope="module")
def schema(shared: Path) -> etree.XMLSchema:
    return load_schema(shared / "schemas" / "export-0.11.xsd")


def rewrite(source) -> bytes:
    reader = open_dump(source)
    out = io.BytesIO()
    writer = DumpWriter(out, reader.read_siteinfo())
    for page in reader:
        writer.open_page(page)
        for rev in page.items:
            writer.write_revision(rev)
        writer.close_page()
    writer.close()
    return out.getvalue()


def facts(source) -> list[tuple]:
    rows = []
    for page in open_dump(source):
        for r in page.items:
            c = r.contributor
            rows.append(
                (page.title, page.ns, page.id, page.redirect or None, r.id, r.parentid or None,
                 r.timestamp, c.deleted, c.name, c.id or None, r.minor, r.comment or None,
                 r.comment_deleted, [(s.role, s.model or "wikitext", s.sha1()) for s in r.slots])
            )  # fmt: skip
    return rows


@pytest.mark.parametrize("name", sorted(DUMPS))
def test_rewrite_every_dump(shared: Path, schema: etree.XMLSchema, name: str) -> None:
    path = shared / "corpus" / "dumps" / name
    first = rewrite(path)
    doc = etree.parse(io.BytesIO(first), etree.XMLParser(huge_tree=True))
    schema.assertValid(doc)
    assert facts(io.BytesIO(first)) == facts(path)
    assert rewrite(io.BytesIO(first)) == first


def _site() -> SiteInfo:
    return SiteInfo(
        sitename="Vellum & Co",
        dbname="vellum",
        base="http://localhost/wiki/Main_Page",
        generator="Vellum 0.1",
        namespaces=[NamespaceInfo(0, ""), NamespaceInfo(2, "User", "first-letter")],
        lang="de",
    )


def test_exact_mediawiki_format(schema: etree.XMLSchema) -> None:
    out = io.BytesIO()
    w = DumpWriter(out, _site())
    w.open_page(Page(title="A <b> & 'c'", ns=0, id=3, redirect='Target "x"'))
    w.write_revision(
        Revision(
            id=10,
            timestamp="2020-01-02T03:04:05Z",
            contributor=Contributor(ip="10.0.0.1"),
            minor=True,
            comment="a < b",
            slots=[Slot(text="x\r\ny & <z>")],
        )
    )
    w.write_revision(
        Revision(
            id=11,
            parentid=10,
            timestamp="2020-01-02T03:04:06Z",
            contributor=Contributor(username="15.22"),
            comment="",
            slots=[Slot(text="")],
        )
    )
    w.write_revision(
        Revision(
            id=12,
            parentid=11,
            timestamp="2020-01-02T03:04:07Z",
            contributor=Contributor(deleted=True),
            comment_deleted=True,
            slots=[Slot(text=None, text_deleted=True, text_bytes=5, text_sha1="abc")],
        )
    )
    w.close_page()
    w.close()
    empty = base36_sha1("")
    body = "x\r\ny & <z>"
    sha = base36_sha1(body)
    expected = f"""<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.mediawiki.org/xml/export-0.11/ http://www.mediawiki.org/xml/export-0.11.xsd" version="0.11" xml:lang="de">
  <siteinfo>
    <sitename>Vellum &amp; Co</sitename>
    <dbname>vellum</dbname>
    <base>http://localhost/wiki/Main_Page</base>
    <generator>Vellum 0.1</generator>
    <case>first-letter</case>
    <namespaces>
      <namespace key="0" case="first-letter" />
      <namespace key="2" case="first-letter">User</namespace>
    </namespaces>
  </siteinfo>
  <page>
    <title>A &lt;b&gt; &amp; 'c'</title>
    <ns>0</ns>
    <id>3</id>
    <redirect title="Target &quot;x&quot;" />
    <revision>
      <id>10</id>
      <timestamp>2020-01-02T03:04:05Z</timestamp>
      <contributor>
        <ip>10.0.0.1</ip>
      </contributor>
      <minor/>
      <comment>a &lt; b</comment>
      <origin>10</origin>
      <model>wikitext</model>
      <format>text/x-wiki</format>
      <text bytes="10" sha1="{sha}" xml:space="preserve">x&#13;
y &amp; &lt;z&gt;</text>
      <sha1>{sha}</sha1>
    </revision>
    <revision>
      <id>11</id>
      <parentid>10</parentid>
      <timestamp>2020-01-02T03:04:06Z</timestamp>
      <contributor>
        <username>15.22</username>
        <id>0</id>
      </contributor>
      <origin>11</origin>
      <model>wikitext</model>
      <format>text/x-wiki</format>
      <text bytes="0" sha1="{empty}" xml:space="preserve" />
      <sha1>{empty}</sha1>
    </revision>
    <revision>
      <id>12</id>
      <parentid>11</parentid>
      <timestamp>2020-01-02T03:04:07Z</timestamp>
      <contributor deleted="deleted" />
      <comment deleted="deleted" />
      <origin>12</origin>
      <model>wikitext</model>
      <format>text/x-wiki</format>
      <text bytes="5" sha1="abc" deleted="deleted" />
      <sha1/>
    </revision>
  </page>
</mediawiki>
"""
    assert out.getvalue().decode() == expected
    schema.assertValid(etree.parse(io.BytesIO(out.getvalue())))
    # The carriage return survives a re-read.
    revs = [r for p in open_dump(io.BytesIO(out.getvalue())) for r in p.items]
    assert revs[0].text == body and not revs[0].sha1_mismatch()


def test_invalid_xml_characters_are_replaced() -> None:
    out = io.BytesIO()
    w = DumpWriter(out, _site())
    w.open_page(Page(title="A", ns=0, id=1))
    rev = Revision(id=1, timestamp="2020-01-01T00:00:00Z", contributor=Contributor(ip="::1"))
    rev.slots.append(Slot(text="a\x01b\x0bc"))
    w.write_revision(rev)
    w.close_page()
    w.close()
    assert "a\ufffdb\ufffdc" in out.getvalue().decode()
    etree.fromstring(out.getvalue())


def test_upload_as_mediawiki_writes_it() -> None:
    out = io.BytesIO()
    w = DumpWriter(out, _site())
    w.write_upload(
        Upload(
            timestamp="2020-01-01T00:00:00Z",
            contributor=Contributor(username="Bob", id=7),
            comment="first",
            filename="A.png",
            src="http://x/images/a/ab/A.png",
            size=12,
            sha1base36="abc",
            rel="a/ab/A.png",
        )
    )
    text = out.getvalue().decode()
    assert (
        "    <upload>\n      <timestamp>2020-01-01T00:00:00Z</timestamp>\n      <contributor>\n"
        "        <username>Bob</username>\n        <id>7</id>\n      </contributor>\n"
        "      <comment>first</comment>\n      <filename>A.png</filename>\n"
        "      <src>http://x/images/a/ab/A.png</src>\n      <size>12</size>\n"
        "      <sha1base36>abc</sha1base36>\n      <rel>a/ab/A.png</rel>\n    </upload>\n"
    ) in text
