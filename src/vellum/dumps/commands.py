"""`vellum import` and `vellum export` (called by vellum.cli).

Import shows a progress bar (tqdm) over the bytes of the file as read (compressed), with
pages, revisions per second and the ETA; at the end a summary and any warnings. On a bad
dump it stops with the byte offset and line of the error; pages before it are complete.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any


def _setup(data: str | None) -> None:
    from vellum.wiki.commands import initialize, setup_django

    setup_django(data)  # sets VELLUM_DATA before Django reads its settings
    initialize()  # migrations, and the Main Page of a fresh wiki


class _Progress:
    """A tqdm bar over the raw (compressed) bytes, with pages and revisions per second."""

    def __init__(self, disabled: bool) -> None:
        self.bar: Any = None
        self.disabled = disabled
        self.start = time.monotonic()
        self.last = 0

    def __call__(self, stats: Any) -> None:
        if self.disabled:
            return
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(
                total=stats.raw_size,
                unit="B",
                unit_scale=True,
                unit_divisor=1024,
                desc="import",
                file=sys.stderr,
                dynamic_ncols=True,
            )
        self.bar.update(stats.raw_bytes - self.last)
        self.last = stats.raw_bytes
        elapsed = max(time.monotonic() - self.start, 1e-6)
        self.bar.set_postfix_str(
            f"{stats.pages} pages, {stats.revisions} revs, "
            f"{stats.revisions / elapsed:.0f} revs/s, "
            f"{stats.bytes_read / elapsed / 1e6:.1f} MB/s xml",
            refresh=False,
        )

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def run_import(args: argparse.Namespace) -> int:
    from vellum.dumps import DumpError

    _setup(args.data)
    from vellum.dumps.reader import DumpReader
    from vellum.wiki.services.importing import Importer

    progress = _Progress(args.no_progress)
    importer = Importer(progress=progress)
    start = time.monotonic()
    try:
        reader = DumpReader(args.file)
    except DumpError as e:
        print(f"vellum import: {e}", file=sys.stderr)
        return 1
    try:
        stats = importer.run(reader)
    except DumpError as e:
        progress.close()
        s = importer.stats
        failed = s.current_page or (
            reader.page_in_progress.title if reader.page_in_progress else ""
        )
        print(f"vellum import: {e}", file=sys.stderr)
        print(
            f"vellum import: stopped; {s.pages} complete page(s) with {s.revisions} "
            f"revision(s) were imported before the error"
            + (f"; the page {failed!r} was rolled back" if failed else ""),
            file=sys.stderr,
        )
        return 1
    finally:
        reader.close()
    progress.close()
    elapsed = time.monotonic() - start
    print(
        f"Imported {stats.pages} page(s) ({stats.pages_created} new), {stats.revisions} "
        f"revision(s), {stats.skipped} already present; {stats.bytes_read / 1e6:.1f} MB in "
        f"{elapsed:.1f} s ({stats.bytes_read / 1e6 / max(elapsed, 1e-6):.1f} MB/s, "
        f"{stats.revisions / max(elapsed, 1e-6):.0f} revisions/s).",
        file=sys.stderr,
    )
    for w in stats.warnings():
        print(f"warning: {w}", file=sys.stderr)
    return 0


def run_export(args: argparse.Namespace) -> int:
    _setup(args.data)
    from vellum.wiki.services.exporting import export_pages

    full = not args.current
    if args.output and args.output != "-":
        with open(args.output, "wb") as out:
            export_pages(out, full=full, namespaces=args.namespace, titles=args.pages)
    else:
        out = sys.stdout.buffer
        try:
            export_pages(out, full=full, namespaces=args.namespace, titles=args.pages)
            out.flush()
        except BrokenPipeError:  # e.g. `vellum export | head`
            sys.stderr.close()
    return 0
