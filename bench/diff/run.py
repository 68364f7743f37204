"""Speed of vellum.diff against wikidiff2 on the diffcheck corpus: prints a table.

Runs ../shared/diffcheck/diffcheck.py on `vellum diff --batch` (table + inline per request,
fastest of --repeat tries, time measured inside the engine). wikidiff2 is timed live in the
same run, taking turns pair by pair, when php-cli and php-wikidiff2 are installed; otherwise
diffcheck scales its cached wikidiff2 timings by a calibration run (an estimate).

    python bench/diff/run.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("VELLUM_SHARED", ROOT.parent / "shared")).resolve()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    tool = SHARED / "diffcheck" / "diffcheck.py"
    if not tool.is_file():
        print(f"bench/diff: diffcheck not found under {SHARED}", file=sys.stderr)
        return 1
    engine = f'"{sys.executable}" -m vellum.cli diff --batch'
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        cmd = [sys.executable, str(tool), "--engine", engine, "--quiet"]
        cmd += ["--repeat", str(args.repeat), "--json", str(report)]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=3600)
        if proc.returncode != 0 or not report.exists():
            print(proc.stdout[-2000:], proc.stderr[-2000:], file=sys.stderr)
            return 1
        data = json.loads(report.read_text(encoding="utf-8"))
    summary, speed, recs = data["summary"], data.get("speed") or {}, data["pairs"]
    print("vellum.diff vs wikidiff2 1.13.0 (diffcheck corpus, table + inline per pair)")
    for note in data.get("notes", []):
        print(f"  note: {note}")
    print()
    print(
        f"{'wiki':<8} {'pairs':>5} {'tables eq':>9} {'word F1':>8} {'median us':>10} {'max ms':>7}"
    )
    by_wiki: dict[str, list[dict]] = {}
    for r in recs:
        by_wiki.setdefault(r["wiki"], []).append(r)
    for wiki, rs in [*sorted(by_wiki.items()), ("all", recs)]:
        eng = [r["engine_us"] for r in rs if r.get("engine_us") is not None]
        eq = sum(r["table_equal"] for r in rs) / len(rs)
        f1 = statistics.fmean(r["word_f1"] for r in rs)
        med = statistics.median(eng) if eng else float("nan")
        top = max(eng) / 1000 if eng else float("nan")
        print(f"{wiki:<8} {len(rs):>5} {eq:>9.1%} {f1:>8.4f} {med:>10.0f} {top:>7.1f}")
    print()
    print(f"text kept {summary['valid']:.1%}, tables equal {summary['table_equal']:.1%} "
          f"(byte-identical {summary['table_identical']:.1%}), word F1 {summary['word_f1']:.4f}, "
          f"moved F1 {summary['moved_f1']:.3f}, inline equal {summary.get('inline_equal', 0):.1%}")  # fmt: skip
    if speed:
        print(
            f"speed: engine median {speed['engine_us_median']:.0f} us, wikidiff2 median "
            f"{speed['wikidiff2_us_median']:.0f} us; ratio median {speed['ratio_median']:.2f}x, "
            f"total {speed['ratio_total']:.2f}x; slowest pair {speed['engine_us_max'] / 1000:.1f} ms "
            f"({speed['engine_worst_pair']})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
