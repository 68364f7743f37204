"""Regenerate wikidiff2_cases.json with the real wikidiff2 (needs php-cli + php-wikidiff2).

    python tests/diff/data/make_cases.py ../shared/diffcheck/renderers/wikidiff2.php

Each case's "table" and "inline" are wikidiff2 1.13.0's own output for its "old" and "new".
"""

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    renderer = sys.argv[1]
    path = HERE / "wikidiff2_cases.json"
    cases = json.loads(path.read_text(encoding="utf-8"))
    p = subprocess.Popen(
        ["php", renderer], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    for name, case in cases.items():
        ctx = case.get("context", 2)
        req = {"id": name, "old": case["old"], "new": case["new"], "context": ctx}
        p.stdin.write(json.dumps(req) + "\n")
        p.stdin.flush()
        ans = json.loads(p.stdout.readline())
        case["table"], case["inline"] = ans["table"], ans["inline"]
    p.stdin.close()
    p.wait()
    path.write_text(json.dumps(cases, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
