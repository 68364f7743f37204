"""Run MediaWiki's parser tests (../shared/parsertests/ptests.py) against `vellum render
--batch` and compare with, or rewrite, the known-failure lists beside this file.

    .venv/bin/python tests/wikitext/parsertests/update_known_failures.py        # rewrite all
    .venv/bin/python tests/wikitext/parsertests/update_known_failures.py core   # one subset

Run it before committing a change that moves the pass rate; the test
tests/wikitext/test_parsertests.py fails while a list is out of date.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
SUBSETS = ("core", "ext", "media", "other")


def shared_dir() -> Path:
    return Path(os.environ.get("VELLUM_SHARED", ROOT.parent / "shared")).resolve()


def known_failures_path(subset: str) -> Path:
    return HERE / f"known-failures-{subset}.txt"


def read_known_failures(subset: str) -> set[str]:
    path = known_failures_path(subset)
    if not path.exists():
        return set()
    lines = path.read_text(encoding="utf-8").splitlines()
    return {x for x in lines if x and not x.startswith("#")}


def run_subset(subset: str, shared: Path | None = None) -> tuple[set[str], set[str], str]:
    """(passed ids, failed ids, summary line) of one subset."""
    shared = shared or shared_dir()
    ptests = shared / "parsertests" / "ptests.py"
    cmd = f'"{sys.executable}" -m vellum.cli render --batch'
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "run.log"
        proc = subprocess.run(
            [sys.executable, str(ptests), "run", "--cmd", cmd, "--subset", subset,
             "--log", str(log), "--timeout", "900", "--pages-dir", tmp],
            capture_output=True,
            text=True,
            timeout=1200,
        )  # fmt: skip
        passed: set[str] = set()
        failed: set[str] = set()
        for line in log.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 2 and parts[0] in ("PASS", "FAIL"):
                (passed if parts[0] == "PASS" else failed).add(parts[1])
    summary = (proc.stdout.strip().splitlines() or [""])[-1]
    return passed, failed, summary


def write_known_failures(subset: str, failed: set[str], summary: str) -> None:
    header = (
        f"# Parser tests of subset '{subset}' that vellum does not pass yet.\n"
        f"# Regenerate: .venv/bin/python tests/wikitext/parsertests/update_known_failures.py\n"
        f"# {summary}\n"
    )
    body = "".join(f"{x}\n" for x in sorted(failed))
    known_failures_path(subset).write_text(header + body, encoding="utf-8")


def main(argv: list[str]) -> int:
    subsets = argv or list(SUBSETS)
    for subset in subsets:
        _, failed, summary = run_subset(subset)
        write_known_failures(subset, failed, summary)
        print(f"{subset}: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
