"""The streaming reader over every dump of the corpus, compressions, encodings and errors."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import subprocess
import sys
from pathlib import Path

import pytest

from vellum.dumps import DumpError, LogItem, Page, Revision, Upload, open_dump

from .corpus import BENCH_ONLY, DUMPS


def read_all(source, **kw) -> tuple[object, list[tuple[Page, list]]]:
    reader = open_dump(source, **kw)
    out = []
    for item in reader:
        if isinstance(item, Page):
            out.append((item, list(item.items)))
    return reader, out


def test_corpus_list_is_complete(shared: Path) -> None:
    on_disk = {p.name for p in (shared / "corpus" / "dumps").iterdir()}
    assert on_disk == set(DUMPS) | set(BENCH_ONLY)


@pytest.mark.parametrize("name", sorted(DUMPS))
def test_every_corpus_dump(shared: Path, name: str) -> None:
    version, n_pages, n_revs = DUMPS[name]
    reader, pages = read_all(shared / "corpus" / "dumps" / name)
    assert reader.version == version
    assert len(pages) == n_pages
    revs = [r for _, items in pages for r in items if isinstance(r, Revision)]
    assert len(revs) == n_revs
    assert reader.unknown == []
    for page, items in pages:
        assert page.title
        assert page.ns is not None and page.id
        for rev in items:
            assert rev.id > 0 and rev.timestamp.endswith("Z")
            assert rev.contributor.deleted or rev.contributor.name is not None
            assert rev.text is not None or rev.text_deleted
    if name.startswith("enwiki-"):
        # Wikipedia's own sha1s match every text of these dumps.
        assert not [r.id for r in revs if r.sha1_mismatch()]
    ids = [r.id for r in revs]
    assert len(set(ids)) == len(ids)


def test_siteinfo_and_namespaces(shared: Path) -> None:
    reader = open_dump(shared / "corpus" / "dumps" / "enwiki-10k-lines-2019.xml")
    si = reader.read_siteinfo()
    assert (si.sitename, si.dbname, si.case) == ("Wikipedia", "enwiki", "first-letter")
    assert si.generator == "MediaWiki 1.34.0-wmf.19"
    names = si.namespace_by_name()
    assert names["User talk"] == 3 and names[""] == 0 and names["Portal"] == 100
    assert {ns.case for ns in si.namespaces} == {"first-letter", "case-sensitive"}
    assert [ns.key for ns in si.namespaces if ns.case == "case-sensitive"] == [2302, 2303]
    first = next(iter(reader))
    assert isinstance(first, Page)


def test_old_schema_0_3_and_ip_contributors(shared: Path) -> None:
    _, pages = read_all(shared / "corpus" / "dumps" / "enwiki-Pear-history-export-0.3.xml")
    page, revs = pages[0]
    assert (page.title, page.ns, page.id) == ("Pear", 0, 24278)
    assert revs[0].contributor.ip == "Conversion script" and revs[0].minor
    assert revs[0].comment == "Automated conversion"
    assert revs[0].text.startswith("Pears are [[tree]]s of the [[genus]] <em>Pyrus</em>")


def test_utf16_with_and_without_bom(shared: Path) -> None:
    _, pages = read_all(shared / "corpus" / "dumps" / "enwiki-Pyrus-export.UTF-16.xml")
    page, revs = pages[0]
    assert page.title == "Pyrus" and page.redirect == ""
    assert revs[0].text == "#REDIRECT [[Pyrus (brand)]]"
    reader, pages = read_all(
        shared / "corpus" / "dumps" / "bgwiki-pages-articles-shortened.UTF-16.xml"
    )
    assert reader.siteinfo.sitename == "Уикипедия"
    assert all(not r.sha1_mismatch() for _, items in pages for r in items)


def test_mcr_slots_and_deleted_contributors(shared: Path) -> None:
    _, pages = read_all(
        shared / "corpus" / "dumps" / "commonswiki-File_Goddess_Bhadrakali-history-MCR.xml"
    )
    revs = pages[0][1]
    assert sum(r.contributor.deleted for r in revs) == 21
    with_info = [r for r in revs if len(r.slots) == 2]
    assert with_info
    slot = with_info[0].slots[1]
    assert (slot.role, slot.model, slot.format) == (
        "mediainfo",
        "wikibase-mediainfo",
        "application/json",
    )
    assert slot.text.startswith('{"type":"mediainfo"')
    # The revision sha1 combines both slots, as RevisionSlots::computeSha1 does.
    assert all(r.computed_sha1() == r.sha1 for r in revs)
    # A main slot inherited from an earlier revision keeps its origin.
    assert any(r.main.origin != r.id for r in with_info)


def test_redirects(shared: Path) -> None:
    _, pages = read_all(
        shared / "corpus" / "dumps" / "enwiki-20160501-pages-articles1-shortened.xml"
    )
    redirects = [p for p, _ in pages if p.redirect]
    assert len(redirects) == 100
    assert any(p.redirect == "Computer accessibility" for p in redirects)
    assert any(p.restrictions for p, _ in pages)


PEAR = "enwiki-Pear-history-export-0.3.xml"


@pytest.mark.parametrize(
    "suffix,compress",
    [
        (".gz", gzip.compress),
        (".bz2", bz2.compress),
        (".xz", lzma.compress),
        (".lzma", lambda d: lzma.compress(d, format=lzma.FORMAT_ALONE)),
        ("", lambda d: d),
        (".renamed", lambda d: lzma.compress(d, format=lzma.FORMAT_ALONE)),
    ],
)
def test_compressions(shared: Path, tmp_path: Path, suffix: str, compress) -> None:
    data = (shared / "corpus" / "dumps" / PEAR).read_bytes()
    path = tmp_path / f"dump.xml{suffix}"
    path.write_bytes(compress(data))
    reader, pages = read_all(path)
    assert [r.id for r in pages[0][1]] == [185185, 185241, 185358, 185437] or len(pages[0][1]) == 4
    assert reader.bytes_read == len(data)
    assert reader.source.raw_position == path.stat().st_size


def test_stdin(shared: Path) -> None:
    data = lzma.compress((shared / "corpus" / "dumps" / PEAR).read_bytes())
    code = (
        "from vellum.dumps import open_dump\n"
        "r = open_dump('-')\n"
        "print(sum(len(list(p.items)) for p in r))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], input=data, capture_output=True, timeout=60, check=True
    )
    assert out.stdout.strip() == b"4"


def test_binary_stream(shared: Path) -> None:
    data = (shared / "corpus" / "dumps" / PEAR).read_bytes()
    _, pages = read_all(io.BytesIO(gzip.compress(data)))
    assert len(pages[0][1]) == 4


# -- bad input -------------------------------------------------------------------------------


def _line_of(data: bytes, offset: int) -> int:
    return data[:offset].count(b"\n") + 1


@pytest.mark.parametrize("cut", [0.1, 0.5, 0.9, 0.999])
def test_truncated_reports_offset_and_line(shared: Path, tmp_path: Path, cut: float) -> None:
    data = (
        shared / "corpus" / "dumps" / "enwiki-Anarchism-history-last100revs-2010.xml"
    ).read_bytes()
    n = int(len(data) * cut)
    path = tmp_path / "cut.xml"
    path.write_bytes(data[:n])
    seen = []
    with pytest.raises(DumpError) as ei:
        for page in open_dump(path):
            for rev in page.items:
                seen.append(rev.id)
    err = ei.value
    assert err.offset is not None and err.line is not None
    assert n - 200 <= err.offset <= n
    assert err.line == _line_of(data[:n], err.offset)
    assert f"byte {err.offset}" in str(err) and f"line {err.line}" in str(err)
    assert "cut.xml" in str(err)
    # Every revision complete before the cut was read.
    assert len(seen) == data[:n].count(b"</revision>")


def test_syntax_error_points_at_the_exact_byte(tmp_path: Path) -> None:
    doc = (
        '<mediawiki version="0.10" xmlns="http://www.mediawiki.org/xml/export-0.10/">\n'
        "<page><title>Ünïcödé</title><ns>0</ns><id>1</id>\n"
        "<revision><id>5</id><timestamp>2020-01-01T00:00:00Z</timestamp>"
        "<contributor><ip>1.2.3.4</ip></contributor><text>ééé<b></text></revision>\n"
        "</page></mediawiki>\n"
    ).encode()
    path = tmp_path / "bad.xml"
    path.write_bytes(doc)
    with pytest.raises(DumpError) as ei:
        read_all(path)
    err = ei.value
    assert err.line == 3
    # libxml2 stops right after the mismatched end tag "</text>".
    assert doc[: err.offset].endswith(b"<b></text>")
    assert "mismatch" in err.message


def test_bad_values_report_line(tmp_path: Path) -> None:
    doc = (
        b'<mediawiki version="0.10" xmlns="http://www.mediawiki.org/xml/export-0.10/">\n'
        b"<page><title>A</title><ns>0</ns><id>1</id>\n"
        b"<revision><id>5</id><timestamp>2020-01-01T00:00:00Z</timestamp>"
        b"<contributor><ip>1.2.3.4</ip></contributor><text>a</text></revision>\n"
        b"<revision>\n<id>x6</id><timestamp>2020-01-01T00:00:00Z</timestamp>"
        b"<contributor><ip>1.2.3.4</ip></contributor><text>b</text></revision>\n"
        b"</page></mediawiki>\n"
    )
    path = tmp_path / "bad.xml"
    path.write_bytes(doc)
    got = []
    with pytest.raises(DumpError) as ei:
        for page in open_dump(path):
            got.extend(r.id for r in page.items)
    assert got == [5]
    assert ei.value.line == 4 and "'x6'" in ei.value.message
    assert doc[ei.value.offset :].startswith(b"<revision>")


@pytest.mark.parametrize(
    "doc,message",
    [
        (b"", "empty dump"),
        (b"<html><body/></html>", "not a MediaWiki dump"),
        (b'<mediawiki version="0.2"></mediawiki>', "unsupported export version"),
        (b"\x1f\x8b\x08\x00garbage", "cannot decompress"),
        (b"<mediawiki version='0.10'><page><ns>0</ns></page></mediawiki>", "without a <title>"),
        (
            b"<mediawiki version='0.10'><page><title>A</title><revision><id>1</id>"
            b"<contributor><ip>x</ip></contributor></revision></page></mediawiki>",
            "no <timestamp>",
        ),
        (
            b"<mediawiki version='0.10'><page><title>A</title><revision><id>1</id>"
            b"<timestamp>yesterday</timestamp></revision></page></mediawiki>",
            "bad <timestamp>",
        ),
    ],
)
def test_malformed(tmp_path: Path, doc: bytes, message: str) -> None:
    path = tmp_path / "bad.xml"
    path.write_bytes(doc)
    with pytest.raises(DumpError) as ei:
        read_all(path)
    assert message in str(ei.value)
    if doc and not doc.startswith(b"\x1f"):
        assert ei.value.line is not None


def test_unknown_elements_are_kept_and_reported(tmp_path: Path) -> None:
    doc = (
        b'<mediawiki version="0.11" xmlns="http://www.mediawiki.org/xml/export-0.11/">\n'
        b"<siteinfo><sitename>W</sitename><flavour>x</flavour></siteinfo>\n"
        b"<page><title>A</title><ns>0</ns><id>1</id><watchers>3</watchers>\n"
        b"<revision><id>5</id><timestamp>2020-01-01T00:00:00Z</timestamp>"
        b"<contributor><username>Bob</username><id>7</id></contributor>"
        b"<tags><tag>mobile edit</tag></tags><text>a</text></revision>\n"
        b"<upload><timestamp>2020-01-02T00:00:00Z</timestamp>"
        b"<contributor><username>Bob</username><id>7</id></contributor>"
        b"<comment>c</comment><filename>A.png</filename><src>http://x/A.png</src>"
        b"<size>12</size><sha1base36>abc</sha1base36><rel>a/ab/A.png</rel></upload>\n"
        b"</page>\n<logitem><id>9</id><timestamp>2020-01-03T00:00:00Z</timestamp>"
        b"<contributor><username>Bob</username><id>7</id></contributor>"
        b"<type>upload</type><action>upload</action><logtitle>File:A.png</logtitle></logitem>\n"
        b"<future/></mediawiki>\n"
    )
    path = tmp_path / "unknown.xml"
    path.write_bytes(doc)
    reported = []
    reader = open_dump(path, on_unknown=reported.append)
    items = []
    for item in reader:
        items.append(item)
        if isinstance(item, Page):
            items.extend(item.items)
    page, rev, upload, log = items
    assert [u.path for u in reported] == [
        "siteinfo/flavour",
        "page/watchers",
        "revision/tags",
        "future",
    ]
    assert reported[2].xml == "<tags><tag>mobile edit</tag></tags>" and reported[2].line == 4
    assert page.unknown[0].xml == "<watchers>3</watchers>"
    assert rev.unknown == [reported[2]]
    assert isinstance(upload, Upload) and upload.filename == "A.png" and upload.size == 12
    assert (upload.sha1base36, upload.rel) == ("abc", "a/ab/A.png")
    assert isinstance(log, LogItem) and log.logtitle == "File:A.png" and log.id == 9


def test_deleted_parts_and_stub_text(tmp_path: Path) -> None:
    doc = (
        b'<mediawiki version="0.11" xmlns="http://www.mediawiki.org/xml/export-0.11/">\n'
        b"<page><title>A</title><ns>0</ns><id>1</id>\n"
        b"<revision><id>5</id><timestamp>2020-01-01T00:00:00Z</timestamp>"
        b'<contributor deleted="deleted"/><comment deleted="deleted"/>'
        b'<text bytes="10" sha1="abc" deleted="deleted"/><sha1/></revision>\n'
        b"<revision><id>6</id><timestamp>2020-01-01T00:00:00Z</timestamp>"
        b"<contributor><ip>::1</ip></contributor>"
        b'<text deleted="deleted">hidden but kept</text></revision>\n'
        b"<revision><id>7</id><timestamp>2020-01-01T00:00:00Z</timestamp>"
        b'<contributor><ip>::1</ip></contributor><text bytes="0"/></revision>\n'
        b"</page></mediawiki>"
    )
    path = tmp_path / "deleted.xml"
    path.write_bytes(doc)
    _, pages = read_all(path)
    r5, r6, r7 = pages[0][1]
    assert r5.contributor.deleted and r5.comment_deleted and r5.comment is None
    assert r5.text is None and r5.text_deleted and r5.main.size() == 10
    assert r6.text == "hidden but kept" and r6.text_deleted
    assert r7.text == "" and not r7.text_deleted


def test_memory_stays_flat_on_a_long_page(shared: Path) -> None:
    """The tree holds at most the revisions of the last 1 MB fed, never the whole page."""
    reader = open_dump(shared / "corpus" / "dumps" / "enwiki-Anarchism-history-revs00001-01000.xml")
    most = count = 0
    for page in reader:
        for _rev in page.items:
            count += 1
            assert len(reader._root) <= 1
            most = max(most, len(reader._root[0]))
    assert count == 1000 and most < 250  # without clearing: 1000
