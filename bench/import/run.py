"""Import speed: Anarchism history slices and the whole 1 GB history into a fresh SQLite wiki.

For each input, in a fresh process: the reader alone (baseline: parse, no database), then a
full import (revisions, contents, actors, link tables, search index, import log) into a new
data directory. Prints MB/s and revisions/s of both, the ratio import/parse, and peak RSS.

    .venv/bin/python bench/import/run.py            # all three inputs
    .venv/bin/python bench/import/run.py --quick    # skip the 1 GB full history
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("VELLUM_SHARED", ROOT.parent / "shared")).resolve()
DUMPS = SHARED / "corpus" / "dumps"
INPUTS = [
    ("last 100 revisions", "enwiki-Anarchism-history-last100revs-2010.xml"),
    ("first 1,000 revisions", "enwiki-Anarchism-history-revs00001-01000.xml"),
    ("full history (15,180)", "enwiki-Anarchism-full-history-15180revs-2001-2010.xml.lzma"),
]


def worker(mode: str, path: str, data: str) -> None:
    if mode == "parse":
        from vellum.dumps import open_dump

        start = time.perf_counter()
        reader = open_dump(path)
        revs = 0
        for page in reader:
            for _ in page.items:
                revs += 1
        elapsed = time.perf_counter() - start
        nbytes = reader.bytes_read
    else:
        os.environ["VELLUM_DATA"] = data
        from vellum.wiki.commands import initialize, setup_django

        setup_django(data)
        initialize()
        from vellum.wiki import models as m
        from vellum.wiki.services import links
        from vellum.wiki.services.importing import import_dump

        # Time spent in link tables + search index (rendering the latest revision).
        spent = [0.0]
        update = links.update_secondary_data

        def timed(*a, **kw):
            t = time.perf_counter()
            try:
                return update(*a, **kw)
            finally:
                spent[0] += time.perf_counter() - t

        links.update_secondary_data = timed
        start = time.perf_counter()
        stats = import_dump(path)
        elapsed = time.perf_counter() - start
        revs, nbytes = stats.revisions, stats.bytes_read
        extra = {
            "links_seconds": spent[0],
            "stored": m.Revision.objects.filter(page__title="Anarchism").count(),
            "actors": m.Actor.objects.filter(revisions__page__title="Anarchism").distinct().count(),
            "has_15_22": m.Actor.objects.filter(name="15.22").exists(),
        }
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {"revs": revs, "bytes": nbytes, "seconds": elapsed, "rss_mb": rss_mb}
    if mode != "parse":
        result.update(extra)
    print(json.dumps(result))


def run(mode: str, path: Path) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="vellum-bench-") as data:
        out = subprocess.run(
            [sys.executable, __file__, "--worker", mode, str(path), data],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="skip the 1 GB full history")
    ap.add_argument("--worker", nargs=3, metavar=("MODE", "FILE", "DATA"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(*args.worker)
        return 0
    if not DUMPS.is_dir():
        print(f"corpus not found at {DUMPS}; set VELLUM_SHARED", file=sys.stderr)
        return 1
    inputs = INPUTS[:2] if args.quick else INPUTS
    head = (
        f"{'input':<24} {'MB':>7} {'revs':>6} | {'parse MB/s':>10} {'revs/s':>8} | "
        f"{'import s':>8} {'links s':>7} {'MB/s':>6} {'revs/s':>7} {'RSS MB':>7} | "
        f"{'import/parse':>12}"
    )
    notes: list[str] = []
    print("Vellum dump import into SQLite (link tables + search index), reader alone = baseline")
    print(head)
    print("-" * len(head))
    for label, name in inputs:
        path = DUMPS / name
        p = run("parse", path)
        i = run("import", path)
        mb = i["bytes"] / 1e6
        p_mbs = p["bytes"] / 1e6 / p["seconds"]
        i_mbs = mb / i["seconds"]
        print(
            f"{label:<24} {mb:>7.1f} {i['revs']:>6} | {p_mbs:>10.1f} {p['revs'] / p['seconds']:>8.0f} | "
            f"{i['seconds']:>8.1f} {i['links_seconds']:>7.1f} {i_mbs:>6.1f} "
            f"{i['revs'] / i['seconds']:>7.0f} {i['rss_mb']:>7.0f} | {i_mbs / p_mbs:>12.2f}",
            flush=True,
        )
        notes.append(
            f"{label}: {i['stored']} revisions stored, {i['actors']} distinct contributors, "
            f"'15.22' kept: {i['has_15_22']}"
        )
    print("links s = link tables, categories and search index (renders the latest revision)")
    print("\n".join(notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
