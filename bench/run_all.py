"""Run every benchmark under bench/ (each area's run.py or bench_*.py) and print its table."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def scripts() -> list[Path]:
    found: list[Path] = []
    for area in sorted(
        p for p in HERE.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))
    ):
        run = area / "run.py"
        found.extend([run] if run.exists() else sorted(area.glob("bench_*.py")))
    return found


def main() -> int:
    failed = 0
    for script in scripts():
        print(f"\n=== {script.relative_to(HERE.parent)} ===", flush=True)
        rc = subprocess.call([sys.executable, str(script)], cwd=HERE.parent)
        failed += rc != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
