"""Reading a dump in a background thread, a bounded queue ahead of its consumer.

`Prefetcher(reader)` iterates like the `DumpReader` it wraps (pages and log items, each
page's `items` streaming its revisions and uploads) while a thread parses ahead and
computes every text's sha1 and size. libxml2, lzma, bz2, zlib and hashlib release the GIL,
and so does sqlite3 while it writes, so parsing and storing overlap on two cores.

The queue holds at most `depth` revisions, so memory stays flat (MediaWiki caps a revision
at 2 MB by default). Whatever the reader raises (a `DumpError`) is raised to the consumer at
the same point of the stream as without the thread. `bytes_read` and `raw_position` are
those of the last item handed out, not of the parser running ahead. Call `close()` (or
use it as a context manager) before closing the reader.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from .model import LogItem, Page, Revision, Upload
from .reader import DumpReader

_PAGE, _ITEM, _END, _TOP, _DONE, _ERROR = range(6)


class Prefetcher:
    """Iterates a `DumpReader` from a background thread; see the module docstring."""

    def __init__(self, reader: DumpReader, depth: int = 32) -> None:
        self.reader = reader
        self.name = reader.name
        self.bytes_read = reader.bytes_read
        self.raw_position = reader.source.raw_position
        self._queue: queue.Queue[tuple[int, Any, int, int]] = queue.Queue(maxsize=depth)
        self._stop = threading.Event()
        self._finished = False
        self._thread: threading.Thread | None = None

    # -- the reading thread ----------------------------------------------------------------

    def _put(self, kind: int, obj: Any) -> bool:
        r = self.reader
        msg = (kind, obj, r.bytes_read, r.source.raw_position)
        while not self._stop.is_set():
            try:
                self._queue.put(msg, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _run(self) -> None:
        try:
            for top in self.reader:
                if not isinstance(top, Page):
                    if not self._put(_TOP, top):
                        return
                    continue
                # The consumer's copy of the page streams from the queue; the reader's own
                # `items` stays the reader's (it drains it after the page).
                if not self._put(_PAGE, replace(top, items=self._items())):
                    return
                for item in top.items:
                    if isinstance(item, Revision):
                        for slot in item.slots:
                            slot.sha1()  # hash (and measure) here, off the consumer's thread
                    if not self._put(_ITEM, item):
                        return
                if not self._put(_END, None):
                    return
        except BaseException as e:  # handed to the consumer, raised there
            self._put(_ERROR, e)
            return
        self._put(_DONE, None)

    # -- the consumer ----------------------------------------------------------------------

    def _get(self) -> tuple[int, Any]:
        kind, obj, self.bytes_read, self.raw_position = self._queue.get()
        if kind == _ERROR:
            self._finished = True
            raise obj
        if kind == _DONE:
            self._finished = True
        return kind, obj

    def _items(self) -> Iterator[Revision | Upload]:
        while True:
            kind, obj = self._get()
            if kind == _END:
                return
            yield obj

    def __iter__(self) -> Iterator[Page | LogItem]:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._run, name=f"dump reader {self.name}", daemon=True
            )
            self._thread.start()
        while not self._finished:
            kind, obj = self._get()
            if kind == _DONE:
                return
            yield obj
            if kind == _PAGE:
                for _ in obj.items:  # drain what the consumer did not read
                    pass

    def close(self) -> None:
        """Stop the reading thread (it stops at its next item) and wait for it."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def __enter__(self) -> Prefetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
