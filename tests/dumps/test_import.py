"""Importing dumps into the wiki and exporting them again: the round trip over the corpus."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from lxml import etree

from vellum.dumps import DumpError, open_dump
from vellum.dumps.schema import load_schema

from .corpus import DUMPS
from .wiki_helpers import dump_facts, parents, wipe_wiki

pytestmark = pytest.mark.django_db


def _import(source, **kw):
    from vellum.wiki.services.importing import import_dump

    return import_dump(source, **kw)


def _export(**kw) -> bytes:
    from vellum.wiki.services.exporting import export_pages

    out = io.BytesIO()
    export_pages(out, **kw)
    return out.getvalue()


@pytest.fixture(scope="module")
def schema(shared: Path) -> etree.XMLSchema:
    return load_schema(shared / "schemas" / "export-0.11.xsd")


@pytest.mark.parametrize("name", sorted(DUMPS))
def test_round_trip(shared: Path, schema: etree.XMLSchema, name: str) -> None:
    source = shared / "corpus" / "dumps" / name
    stats = _import(source, update_links=False)
    assert stats.revisions == DUMPS[name][2] and stats.renumbered == 0
    first = _export()
    schema.assertValid(etree.parse(io.BytesIO(first), etree.XMLParser(huge_tree=True)))
    expected = dump_facts(source)
    assert dump_facts(first) == expected
    # Parents: as in the dump where it gives them (0.3/0.4 dumps do not).
    got = parents(first)
    for rev_id, parent in parents(source).items():
        assert got[rev_id] == parent

    wipe_wiki()
    _import(io.BytesIO(first), update_links=False)
    second = _export()
    assert second == first


def test_import_is_idempotent_and_adds_only_newer_revisions(shared: Path, tmp_path: Path) -> None:
    from vellum.wiki import models as m

    data = (
        shared / "corpus" / "dumps" / "enwiki-Anarchism-history-revs00001-01000.xml"
    ).read_bytes()
    # The first 600 revisions, then the whole 1000.
    cut = 0
    for _ in range(600):
        cut = data.index(b"</revision>", cut) + len(b"</revision>")
    head = data[:cut] + b"\n  </page>\n</mediawiki>\n"
    s1 = _import(io.BytesIO(head), update_links=False)
    assert (s1.revisions, s1.pages_created) == (600, 1)
    s2 = _import(io.BytesIO(head), update_links=False)
    assert (s2.revisions, s2.skipped, s2.pages_created) == (0, 600, 0)
    s3 = _import(io.BytesIO(data), update_links=False)
    assert (s3.revisions, s3.skipped) == (400, 600)
    page = m.Page.objects.get(namespace=0, title="Anarchism")
    assert page.revisions.count() == 1000
    latest = page.revisions.order_by("-timestamp", "-id").first()
    assert page.latest_id == latest.pk
    # Parents follow the history in timestamp order across the two imports.
    revs = list(page.revisions.order_by("timestamp", "id").values_list("id", "parent_id"))
    assert revs[600][1] == revs[599][0]
    assert m.LogEntry.objects.filter(type="import").count() == 2


def test_contributors_as_written(shared: Path) -> None:
    from vellum.wiki import models as m
    from vellum.wiki.services.importing import DELETED_USER_NAME

    _import(
        shared / "corpus" / "dumps" / "enwiki-Anarchism-history-revs00001-01000.xml",
        update_links=False,
    )
    names = set(m.Actor.objects.values_list("name", flat=True))
    assert "15.22" in names
    actor = m.Actor.objects.get(name="15.22")
    assert actor.imported and actor.user_id is None
    ip = m.Actor.objects.filter(name__regex=r"^\d+\.\d+\.\d+\.\d+$").first()
    assert ip is not None and not ip.imported
    cunctator = m.Actor.objects.get(name="The Cunctator")
    assert cunctator.imported and cunctator.imported_user_id == 31
    _import(
        shared / "corpus" / "dumps" / "commonswiki-File_Goddess_Bhadrakali-history-MCR.xml",
        update_links=False,
    )
    hidden = m.Revision.objects.filter(deleted=m.DELETED_USER)
    assert hidden.count() == 21
    assert {r.actor.name for r in hidden} == {DELETED_USER_NAME}


def test_local_accounts_get_their_edits(shared: Path) -> None:
    from vellum.wiki import models as m
    from vellum.wiki.services.users import create_user

    user = create_user("The Cunctator", "pw-123456789")
    _import(
        shared / "corpus" / "dumps" / "enwiki-Anarchism-history-revs00001-01000.xml",
        update_links=False,
    )
    actor = m.Actor.objects.get(name="The Cunctator")
    assert actor.user_id == user.pk and not actor.imported
    assert m.Revision.objects.filter(actor=actor).exists()


def test_deleted_text_is_kept_hidden(tmp_path: Path, schema: etree.XMLSchema) -> None:
    from vellum.wiki import models as m

    doc = (
        b'<mediawiki version="0.11" xmlns="http://www.mediawiki.org/xml/export-0.11/">'
        b"<page><title>Secret</title><ns>0</ns><id>77</id>"
        b"<revision><id>700</id><timestamp>2020-01-01T00:00:00Z</timestamp>"
        b"<contributor><username>Ann</username><id>3</id></contributor>"
        b"<text>public</text></revision>"
        b"<revision><id>701</id><parentid>700</parentid><timestamp>2020-01-02T00:00:00Z"
        b"</timestamp><contributor><ip>10.1.1.1</ip></contributor>"
        b'<comment deleted="deleted">rude</comment>'
        b'<text deleted="deleted">hidden text</text></revision>'
        b"<revision><id>702</id><parentid>701</parentid><timestamp>2020-01-03T00:00:00Z"
        b"</timestamp><contributor><ip>10.1.1.1</ip></contributor>"
        b'<text bytes="40" sha1="abc" deleted="deleted"/><sha1/></revision>'
        b"<revision><id>703</id><parentid>702</parentid><timestamp>2020-01-03T00:00:00Z"
        b"</timestamp><contributor><ip>10.1.1.1</ip></contributor>"
        b'<text bytes="41" sha1="abd" deleted="deleted"/><sha1/></revision>'
        b"</page></mediawiki>"
    )
    assert _import(io.BytesIO(doc), update_links=False).revisions == 4
    # Again: nothing added (hidden texts with the same timestamp are told apart by id).
    assert _import(io.BytesIO(doc), update_links=False).revisions == 0
    r701 = m.Revision.objects.get(pk=701)
    assert r701.content.text == "hidden text" and r701.comment == "rude"
    assert r701.deleted == m.DELETED_TEXT | m.DELETED_COMMENT
    assert m.Revision.objects.get(pk=702).len == 40
    out = _export().decode()
    schema.assertValid(etree.parse(io.BytesIO(out.encode())))
    assert "hidden text" not in out and "rude" not in out
    assert '<comment deleted="deleted" />' in out
    assert '<text bytes="11" sha1="' in out and 'deleted="deleted" />' in out


def test_bad_dump_keeps_complete_pages_and_rolls_back_the_failing_one(
    shared: Path, tmp_path: Path
) -> None:
    from vellum.wiki import models as m

    data = (shared / "corpus" / "dumps" / "enwiki-articles-partial-2019.xml").read_bytes()
    starts = [i for i in range(len(data)) if data.startswith(b"<page>", i)]
    # Cut in the middle of the 5th page's text.
    cut = data.index(b"<text", starts[4]) + 200
    path = tmp_path / "cut.xml"
    path.write_bytes(data[:cut])
    with pytest.raises(DumpError) as ei:
        _import(path, update_links=False)
    assert ei.value.offset is not None and ei.value.line is not None
    assert m.Page.objects.count() == 4
    assert m.Revision.objects.count() == 4
    assert all(p.latest_id for p in m.Page.objects.all())
    # Importing the whole dump afterwards completes it.
    stats = _import(
        shared / "corpus" / "dumps" / "enwiki-articles-partial-2019.xml", update_links=False
    )
    assert (stats.skipped, stats.revisions) == (4, 7)


def test_sha1_mismatch_is_reported(tmp_path: Path) -> None:
    doc = (
        b'<mediawiki version="0.10" xmlns="http://www.mediawiki.org/xml/export-0.10/">'
        b"<page><title>A</title><ns>0</ns><id>5</id><revision><id>50</id>"
        b"<timestamp>2020-01-01T00:00:00Z</timestamp><contributor><ip>1.2.3.4</ip>"
        b"</contributor><text>abc</text><sha1>0000000000000000000000000000000</sha1>"
        b"</revision></page></mediawiki>"
    )
    stats = _import(io.BytesIO(doc), update_links=False)
    assert stats.sha1_mismatches == [50]
    assert "does not match" in stats.warnings()[0]


def test_namespaces_are_mapped(shared: Path) -> None:
    from vellum.wiki import models as m

    _import(shared / "corpus" / "dumps" / "enwiki-10k-lines-2019.xml", update_links=False)
    # Wikipedia: (4) keeps its number under the local project name; Portal (100) does not
    # exist here, so its pages land in the main namespace under their full title.
    assert m.Page.objects.filter(namespace=4).exists()
    assert m.Page.objects.filter(namespace=0, title__startswith="Portal:").exists()
    assert not m.Page.objects.filter(namespace=100).exists()
    assert m.Page.objects.filter(namespace=14).exists()
    # Export of some namespaces only.
    out = _export(full=False, namespaces=[4, 14])
    pages = [p for p in open_dump(io.BytesIO(out))]
    assert pages and {p.ns for p in pages} == {4, 14}
    assert len(pages) == m.Page.objects.filter(namespace__in=[4, 14]).count()
    from vellum.wiki.services.titles import namespaces

    project = namespaces().text(4) + ":"
    assert all(p.title.startswith((project, "Category:")) for p in pages)


def test_secondary_data_after_import(shared: Path) -> None:
    from django.db import connection

    from vellum.wiki import models as m
    from vellum.wiki.services.search import fts_enabled

    _import(shared / "corpus" / "dumps" / "simplewiki-7pages-2019.xml")
    _import(shared / "corpus" / "dumps" / "enwiki-Pyrus-export.UTF-16.xml")
    assert all(p.links_updated for p in m.Page.objects.all())
    pyrus = m.Page.objects.get(title="Pyrus")
    assert pyrus.is_redirect  # its latest revision is "#REDIRECT [[Pear]]"
    assert m.Redirect.objects.get(page=pyrus).title == "Pear"
    if fts_enabled():
        with connection.cursor() as c:
            c.execute("SELECT count(*) FROM searchindex")
            assert c.fetchone()[0] == 8
    assert m.LogEntry.objects.filter(type="import").count() == 8
    assert m.RecentChange.objects.filter(type=3).count() == 8


def test_redirect_pages(shared: Path) -> None:
    from vellum.wiki import models as m

    _import(shared / "corpus" / "dumps" / "enwiki-articles-partial-2019.xml")
    redirects = m.Page.objects.filter(is_redirect=True)
    assert redirects.exists()
    assert m.Redirect.objects.filter(page__in=redirects).count() == redirects.count()
    out = _export(full=False).decode()
    assert out.count("<redirect title=") == redirects.count()


def test_invalid_title_is_skipped_and_reported() -> None:
    from vellum.wiki import models as m

    doc = (
        b'<mediawiki version="0.10" xmlns="http://www.mediawiki.org/xml/export-0.10/">'
        b"<page><title>Bad [title]</title><ns>0</ns><id>5</id><revision><id>50</id>"
        b"<timestamp>2020-01-01T00:00:00Z</timestamp><contributor><ip>1.2.3.4</ip>"
        b"</contributor><text>abc</text></revision></page>"
        b"<page><title>Good</title><ns>0</ns><id>6</id><revision><id>60</id>"
        b"<timestamp>2020-01-01T00:00:00Z</timestamp><contributor><ip>1.2.3.4</ip>"
        b"</contributor><text>abc</text><tags>x</tags></revision></page></mediawiki>"
    )
    stats = _import(io.BytesIO(doc), update_links=False)
    assert stats.invalid_titles == ["Bad [title]"]
    assert list(m.Page.objects.values_list("title", flat=True)) == ["Good"]
    warnings = " ".join(stats.warnings())
    assert "'Bad [title]'" in warnings and "<revision/tags> x1" in warnings


def test_a_name_first_seen_without_id_gets_its_account_id_later() -> None:
    from vellum.wiki import models as m

    rev = (
        "<revision><id>{id}</id><timestamp>2020-01-0{id}T00:00:00Z</timestamp>"
        "<contributor>{who}</contributor><text>t{id}</text></revision>"
    )
    doc = (
        '<mediawiki version="0.4" xmlns="http://www.mediawiki.org/xml/export-0.4/">'
        "<page><title>A</title><id>5</id>"
        + rev.format(id=1, who="<ip>Conversion script</ip>")
        + rev.format(id=2, who="<username>Conversion script</username><id>1226483</id>")
        + "</page></mediawiki>"
    ).encode()
    _import(io.BytesIO(doc), update_links=False)
    actor = m.Actor.objects.get(name="Conversion script")
    assert actor.imported and actor.imported_user_id == 1226483
    assert "<id>1226483</id>" in _export().decode()


def test_import_restores_the_connection_settings(shared: Path) -> None:
    from django.db import connection

    from vellum.wiki import models as m

    if connection.vendor != "sqlite":
        pytest.skip("SQLite settings")

    def settings() -> tuple[int, int]:
        with connection.cursor() as cur:
            cur.execute("PRAGMA synchronous")
            sync = cur.fetchone()[0]
            cur.execute("PRAGMA cache_size")
            return sync, cur.fetchone()[0]

    before = settings()
    stats = _import(shared / "corpus" / "dumps" / "enwiki-Pear-export-0.10.xml")
    assert stats.revisions == 1 and m.Page.objects.filter(title="Pear").exists()
    assert settings() == before
