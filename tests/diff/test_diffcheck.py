"""Agreement with wikidiff2 on the real revision pairs of ../shared/diffcheck, as thresholds.

Runs the diffcheck tool on `vellum diff --batch` (no timing) and fails when a figure drops
below what the engine reaches (all figures are at 100% when this was written).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from vellum.diff import thai

REQUIRE = {
    "valid": 1.0,
    "table_equal": 0.99,
    "table_identical": 0.99,
    "line_exact": 0.99,
    "word_f1": 0.995,
    "moved_f1": 0.99,
    "inline_valid": 1.0,
    "inline_equal": 0.99,
}


def test_diffcheck_thresholds(shared, tmp_path) -> None:
    tool = shared / "diffcheck" / "diffcheck.py"
    if not tool.is_file():
        pytest.skip("diffcheck not found in shared")
    engine = f'"{sys.executable}" -m vellum.cli diff --batch'
    cmd = [sys.executable, str(tool), "--engine", engine, "--no-speed", "--no-php", "--quiet"]
    if not thai.working():
        # Without libthai, Thai text cannot be split into words as wikidiff2 does: score
        # the other wikis only.
        corpus = shared / "corpus" / "diffpairs"
        ids = [
            f"{p.parent.name}/{p.name[: -len('.old.wikitext')]}"
            for p in sorted(corpus.glob("*/*.old.wikitext"))
            if p.parent.name != "thwiki"
        ]
        (tmp_path / "ids.txt").write_text("\n".join(ids) + "\n", encoding="utf-8")
        cmd += ["--ids", str(tmp_path / "ids.txt")]
    for key, low in REQUIRE.items():
        cmd += ["--require", f"{key}={low}"]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
