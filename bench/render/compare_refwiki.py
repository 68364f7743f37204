"""Fidelity check: render corpus pages with vellum and with a real MediaWiki 1.39.

Needs a running refwiki configured with the parser-test profile
(../shared/refwiki/README.md, "A second wiki configured as the parser tests expect").
Pages are compared after the parser tests' HTML normalisation (ptests.py).

    .venv/bin/python bench/render/compare_refwiki.py --url http://127.0.0.1:8081 \
        --wiki enwiki --limit 60 [--show 5]
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "src"))

from vellum.wikitext import MemorySite, render  # noqa: E402
from vellum.wikitext.testwiki import test_config, test_options  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True, help="the refwiki's base URL")
    ap.add_argument("--wiki", action="append", default=None, help="corpus folder(s)")
    ap.add_argument("--limit", type=int, default=60, help="pages per wiki")
    ap.add_argument("--max-kb", type=int, default=150, help="skip bigger pages")
    ap.add_argument("--show", type=int, default=3, help="diffs to print")
    args = ap.parse_args()
    shared = Path(os.environ.get("VELLUM_SHARED", ROOT.parent / "shared"))
    sys.path.insert(0, str(shared / "parsertests"))
    import ptests  # the parser tests' normaliser

    items = []
    for wiki in args.wiki or ["enwiki"]:
        pages = sorted((shared / "corpus" / "pages" / wiki).glob("*.wikitext"))
        for p in [p for p in pages if p.stat().st_size <= args.max_kb * 1024][: args.limit]:
            title = p.stem.replace("_", " ").replace("~", " ")
            if "%" not in title:
                items.append({"title": title, "wikitext": p.read_text(encoding="utf-8")})
    request = "".join(json.dumps(x) + "\n" for x in items)
    proc = subprocess.run(
        [sys.executable, str(shared / "refwiki" / "mw_batch_render.py"), "--url", args.url,
         "--no-wrap", "--jobs", "2"],
        input=request, capture_output=True, text=True, timeout=3600,
    )  # fmt: skip
    reference = {}
    for line in proc.stdout.splitlines():
        d = json.loads(line)
        if "html" in d:
            reference[d["title"]] = d["html"]
    site = MemorySite(test_config())
    options = replace(test_options(), redirect_header=True)
    same, diffs = 0, []
    for item in items:
        mw = reference.get(item["title"])
        if mw is None:
            continue
        ours = render(item["wikitext"], item["title"], site, options).html
        a, b = ptests.diff_lines(mw, "standard"), ptests.diff_lines(ours, "standard")
        if a == b:
            same += 1
        else:
            diffs.append((item["title"], list(difflib.unified_diff(a, b, lineterm="", n=1))))
    total = same + len(diffs)
    print(f"| pages compared | identical after normalisation |\n|---|---|\n| {total} | {same} |")
    for title, diff in diffs[: args.show]:
        print(f"\n===== {title}\n" + "\n".join(diff[:30]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
