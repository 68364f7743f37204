"""The background reading thread: same items, same errors at the same place, stops early."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from vellum.dumps import DumpError, Page, Revision, open_dump
from vellum.dumps.prefetch import Prefetcher


def _items(iterable) -> list[tuple[str, list[tuple[int, str | None, str | None]]]]:
    out = []
    for item in iterable:
        if isinstance(item, Page):
            revs = [(r.id, r.text, r.main.sha1()) for r in item.items if isinstance(r, Revision)]
            out.append((item.title, revs))
    return out


@pytest.mark.parametrize(
    "name",
    ["enwiki-articles-partial-2019.xml", "commonswiki-File_Goddess_Bhadrakali-history-MCR.xml"],
)
def test_same_items_as_the_reader(shared: Path, name: str) -> None:
    path = shared / "corpus" / "dumps" / name
    with open_dump(path) as plain:
        expected = _items(plain)
    reader = open_dump(path)
    with Prefetcher(reader, depth=2) as feed:
        got = _items(feed)
        assert feed.bytes_read == reader.bytes_read
    reader.close()
    assert got == expected and got


def test_error_reaches_the_consumer_inside_the_failing_page(shared: Path, tmp_path: Path) -> None:
    data = (shared / "corpus" / "dumps" / "enwiki-articles-partial-2019.xml").read_bytes()
    starts = [i for i in range(len(data)) if data.startswith(b"<page>", i)]
    cut = data.index(b"<text", starts[4]) + 200
    path = tmp_path / "cut.xml"
    path.write_bytes(data[:cut])
    reader = open_dump(path)
    complete = []
    with Prefetcher(reader) as feed, pytest.raises(DumpError) as ei:
        for page in feed:
            assert isinstance(page, Page)
            revs = list(page.items)
            complete.append((page.title, len(revs)))
    reader.close()
    assert len(complete) == 4
    assert ei.value.offset is not None and ei.value.line is not None


def test_close_stops_the_thread_early(shared: Path) -> None:
    path = shared / "corpus" / "dumps" / "enwiki-10k-lines-2019.xml"
    reader = open_dump(path)
    feed = Prefetcher(reader, depth=1)
    first = next(iter(feed))
    assert isinstance(first, Page)
    feed.close()
    assert not any(t.name.startswith("dump reader") for t in threading.enumerate())
    reader.close()
