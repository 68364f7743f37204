"""Rendering speed: KB of wikitext per second over the English corpus pages.

Prints a table (total KB/s, the slowest pages, peak memory of the largest page) and
baselines measured in the same run: Python's own html.escape over the same text, so the
ratio says how many times slower than a trivial pass the full parser is, and, when a
MediaWiki 1.39 install is at hand (../shared/refwiki/setup.sh), MediaWiki's own parser on
the same pages (mediawiki_render.php: Parser::parse + getText in-process, CPU time).

    .venv/bin/python bench/render/run.py [--wiki enwiki] [--top 10]
    MW_CONFIG_FILE=$REFWIKI_HOME/LocalSettings.php .venv/bin/python bench/render/run.py --mediawiki
"""

from __future__ import annotations

import argparse
import html
import json
import os
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "src"))

from vellum.wikitext import MemorySite, render  # noqa: E402
from vellum.wikitext.testwiki import test_config  # noqa: E402

WARM_UP = """{{#if:x|[[y]]}} {{lc:A}} {{Missing}} ''i'' '''b''' <ref name="r">r</ref><ref name="r"/>
== Heading ==
{| class="wikitable"
! h
|-
| c
|}
* [[File:Warm.jpg|thumb|250px|caption]] ISBN 0-306-40615-2 [https://example.org x]
<references/>
"""


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--wiki", default="enwiki")
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument(
        "--mediawiki",
        action="store_true",
        help="also time MediaWiki's parser on the same pages (needs php and MW_CONFIG_FILE)",
    )
    args = ap.parse_args()
    shared = Path(os.environ.get("VELLUM_SHARED", ROOT.parent / "shared"))
    pages = sorted((shared / "corpus" / "pages" / args.wiki).glob("*.wikitext"))
    if not pages:
        print(f"no pages under {shared}/corpus/pages/{args.wiki}")
        return 1
    site = MemorySite(test_config())
    texts = [(p.stem, p.read_text(encoding="utf-8", errors="replace")) for p in pages]
    # Load every lazily imported rule (parser functions, Cite, media, tables...) before
    # timing, as a running wiki has; a made-up text, so no corpus title is pre-cached.
    render(WARM_UP, "Warm up", site)

    times: list[tuple[float, str, int]] = []
    errors = 0
    total_bytes = 0
    start_all = time.perf_counter()
    cpu_all = time.process_time()
    for name, text in texts:
        size = len(text.encode("utf-8"))
        total_bytes += size
        start = time.perf_counter()
        try:
            render(text, name.replace("_", " "), site)
        except Exception:
            errors += 1
        times.append((time.perf_counter() - start, name, size))
    total = time.perf_counter() - start_all
    cpu_total = time.process_time() - cpu_all

    start = time.process_time()
    for _ in range(20):
        for _, text in texts:
            html.escape(text)
    baseline = (time.process_time() - start) / 20

    largest = max(texts, key=lambda t: len(t[1]))
    tracemalloc.start()
    t0 = time.perf_counter()
    render(largest[1], largest[0].replace("_", " "), site)
    largest_time = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    kb = total_bytes / 1024
    print("| metric | value |\n|---|---|")
    print(f"| pages ({args.wiki}) | {len(texts)} |")
    print(f"| wikitext | {kb:,.0f} KB |")
    print(f"| render time | {total:.2f} s |")
    print(f"| throughput (wall clock) | {kb / total:,.0f} KB/s |")
    print(f"| throughput (CPU time) | {kb / cpu_total:,.0f} KB/s |")
    print(
        f"| baseline (html.escape) | {kb / baseline:,.0f} KB/s (parser is {cpu_total / baseline:,.0f}x slower, CPU time) |"
    )
    if args.mediawiki:
        mw = mediawiki_baseline(pages[0].parent)
        mw_kb = mw["bytes"] / 1024
        print(
            f"| baseline (MediaWiki {mw['version']}, same pages) | {mw_kb / mw['cpu']:,.0f} KB/s "
            f"CPU time (Vellum is {(kb / cpu_total) / (mw_kb / mw['cpu']):.2f}x as fast) |"
        )
    print(f"| exceptions | {errors} |")
    print(
        f"| largest page | {largest[0]} ({len(largest[1].encode()) / 1024:,.0f} KB): "
        f"{largest_time:.2f} s, peak {peak / 2**20:,.0f} MB (tracemalloc) |"
    )
    print()
    print("| slowest pages | KB | s | KB/s |\n|---|---|---|---|")
    for dt, name, size in sorted(times, reverse=True)[: args.top]:
        print(f"| {name} | {size / 1024:,.0f} | {dt:.3f} | {size / 1024 / dt:,.0f} |")
    return 0


def mediawiki_baseline(directory: Path) -> dict:
    """MediaWiki's parser over the same pages, timed in-process by mediawiki_render.php."""
    conf = os.environ.get("MW_CONFIG_FILE")
    if not conf:
        raise SystemExit("--mediawiki needs MW_CONFIG_FILE (see ../shared/refwiki/README.md)")
    script = Path(__file__).with_name("mediawiki_render.php")
    cmd = ["php", "-d", "apc.enable_cli=1", "-d", "opcache.enable_cli=1", str(script)]
    out = subprocess.run(
        [*cmd, "--conf", conf, str(directory)], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    sys.exit(main())
