"""Template expansion speed: a page with 1,000 template calls.

The page calls templates with positional and named arguments, nested templates and
parser functions (#if, #switch, #expr, padleft). The baseline, measured in the same run,
is the same page with every call already expanded (the text the preprocessor produces),
so the ratio is the cost of the templates themselves. Times are the median of several
runs; the table shows the preprocessor alone and the whole render.

    .venv/bin/python bench/templates/run.py [--calls 1000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from vellum.wikitext import render  # noqa: E402
from vellum.wikitext.options import RenderOptions  # noqa: E402
from vellum.wikitext.parser import make_context  # noqa: E402
from vellum.wikitext.preprocessor import preprocess  # noqa: E402
from vellum.wikitext.site import MemorySite, SiteConfig  # noqa: E402

TEMPLATES = {
    "Template:Infobox row": (
        "{{#if:{{{value|}}}|\n{{!}}-\n! {{{label|{{{1|}}}}}}\n{{!}} {{{value}}}}}"
    ),
    "Template:Cite": (
        "{{{author|Anonymous}}} ({{{year|n.d.}}}). ''{{{title}}}''. "
        "{{#if:{{{publisher|}}}|{{{publisher}}}.}} {{#switch:{{{lang|en}}}"
        "|en=|fr=(in French)|de=(in German)|#default=({{{lang}}})}}"
    ),
    "Template:Convert": "{{{1}}} {{{2}}} ({{#expr: {{{1}}} * 0.3048 round 1}} m)",
    "Template:Nowrap": '<span class="nowrap">{{{1}}}</span>',
    "Template:Padded": "{{padleft:{{{1}}}|5|0}}",
    "Template:Wrapper": "[{{Nowrap|{{{1}}}}} / {{Padded|{{{2|7}}}}}]",
}

CALLS = [
    "{{Infobox row|label=Item {n}|value=Value {n}}}",
    "{{Cite|author=Author {n}|year=19{m}|title=Title {n}|publisher=Press|lang=fr}}",
    "{{Convert|{n}|ft}}",
    "{{Nowrap|word {n}}}",
    "{{Wrapper|{n}|{m}}}",
]


def build_page(calls: int) -> str:
    lines = ["Introduction with '''bold''' and [[a link]].", '{| class="wikitable"']
    body = []
    for n in range(calls):
        body.append(CALLS[n % len(CALLS)].replace("{n}", str(n)).replace("{m}", str(n % 100)))
    table = [c for c in body if c.startswith("{{Infobox")]
    others = [c for c in body if not c.startswith("{{Infobox")]
    lines += table + ["|}"]
    for i in range(0, len(others), 8):
        lines.append("* " + " ".join(others[i : i + 8]))
    return "\n".join(lines)


def make_site() -> MemorySite:
    site = MemorySite(SiteConfig())
    for title, text in TEMPLATES.items():
        site.add_page(title, text)
    return site


def expand(site: MemorySite, text: str, options: RenderOptions) -> str:
    ctx = make_context(text, "Benchmark", site, options)
    return preprocess(ctx, text)


def timed(fn, repeat: int) -> tuple[float, float]:
    """Median wall-clock and CPU seconds (CPU time is steadier on a shared machine)."""
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--calls", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    site = make_site()
    options = RenderOptions(now=0.0)
    page = build_page(args.calls)
    expanded = expand(site, page, options)
    assert "{{" not in expanded, "every call must expand"

    rows = [
        ("preprocess, 1,000 calls", timed(lambda: expand(site, page, options), args.repeat)),
        ("preprocess, pre-expanded", timed(lambda: expand(site, expanded, options), args.repeat)),
        (
            "render, 1,000 calls",
            timed(lambda: render(page, "Benchmark", site, options), args.repeat),
        ),
        (
            "render, pre-expanded",
            timed(lambda: render(expanded, "Benchmark", site, options), args.repeat),
        ),
    ]
    print(f"page: {len(page):,} chars with {args.calls:,} calls; expanded {len(expanded):,} chars")
    print(f"{'case':<28}{'wall ms':>10}{'cpu ms':>10}{'cpu us/call':>13}")
    for name, (wall, cpu) in rows:
        per_call = f"{cpu / args.calls * 1e6:13.1f}" if "calls" in name else f"{'':>13}"
        print(f"{name:<28}{wall * 1000:>10.1f}{cpu * 1000:>10.1f}{per_call}")
    print(f"ratio preprocess (calls / pre-expanded, cpu): {rows[0][1][1] / rows[1][1][1]:.2f}")
    print(f"ratio render     (calls / pre-expanded, cpu): {rows[2][1][1] / rows[3][1][1]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
