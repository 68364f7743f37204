"""Differential test against the real wikidiff2 (runs only where php-wikidiff2 is installed).

Random revision pairs (words, punctuation, markup, CJK, Thai, Cyrillic, tabs, moved and
edited lines) are sent to wikidiff2 through diffcheck's PHP adapter; vellum's table and
inline output must be byte-identical.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess

import pytest

from vellum.diff import diff_all, thai

PIECES = [
    "the", "cat", "sat", "on", "mat", "a", " ", "  ", ",", ".", "[[", "]]", "{{", "}}", "|",
    "<b>", "&amp;", "&", "\t", "\r", "—", "“x”", "我", "爱", "北京", "ภาษา", "ไทย", "Москва",
    "é", "\u00a0", "\n", "\n", "\n", "\n\n", "lorem ipsum dolor", "sit amet consectetur",
]  # fmt: skip


def _adapter(shared):
    php = shutil.which("php")
    renderer = shared / "diffcheck" / "renderers" / "wikidiff2.php"
    if not php or not renderer.is_file():
        pytest.skip("php or the wikidiff2 adapter is not available")
    meta = subprocess.run([php, str(renderer), "--meta"], capture_output=True, text=True)
    if meta.returncode != 0 or json.loads(meta.stdout).get("version") != "1.13.0":
        pytest.skip("php-wikidiff2 1.13.0 is not installed")
    if not thai.working():
        pytest.skip("libthai is not installed")
    return [php, str(renderer)]


def _pairs(n: int, seed: int):
    rnd = random.Random(seed)

    def text(k: int) -> str:
        return "".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, k)))

    for _ in range(n):
        old = text(rnd.choice([10, 40, 150]))
        lines = old.split("\n")
        for _ in range(rnd.randint(0, 6)):
            i = rnd.randint(0, len(lines))
            kind = rnd.randint(0, 3)
            if kind == 0 and i < len(lines):
                del lines[i]
            elif kind == 1:
                lines.insert(i, text(20))
            elif kind == 2 and i < len(lines):
                lines[i] += text(5)
            elif i < len(lines):
                lines.insert(rnd.randint(0, len(lines) - 1), lines.pop(i))
        new = "\n".join(lines) if rnd.random() < 0.85 else text(60)
        yield old, new, rnd.choice([2, 2, 2, 0, 1, 3])


def test_byte_identical_to_wikidiff2(shared) -> None:
    cmd = _adapter(shared)
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        for k, (old, new, ctx) in enumerate(_pairs(400, 7)):
            req = {"id": k, "old": old, "new": new, "context": ctx}
            proc.stdin.write(json.dumps(req) + "\n")
            proc.stdin.flush()
            ref = json.loads(proc.stdout.readline())
            table, inline = diff_all(old, new, ctx)
            assert (table, inline) == (ref["table"], ref["inline"]), (old, new, ctx)
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
