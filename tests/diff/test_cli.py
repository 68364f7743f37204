"""`vellum diff` on files, and the JSON-lines protocol of diffcheck (--batch)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from argparse import Namespace

from vellum.diff import diff_inline, diff_table
from vellum.diff.cli import run_diff, serve


def _args(**kw) -> Namespace:
    base = {"old": None, "new": None, "format": "table", "context": 2, "batch": False}
    base.update(kw)
    return Namespace(**base)


def test_files_in_each_format(tmp_path, capsys) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("a b c\nsame\n", encoding="utf-8")
    new.write_text("a B c\nsame\n", encoding="utf-8")
    assert run_diff(_args(old=str(old), new=str(new))) == 0
    assert capsys.readouterr().out == diff_table("a b c\nsame\n", "a B c\nsame\n")
    assert run_diff(_args(old=str(old), new=str(new), format="inline")) == 0
    assert capsys.readouterr().out == diff_inline("a b c\nsame\n", "a B c\nsame\n")
    assert run_diff(_args(old=str(old), new=str(new), format="json")) == 0
    assert json.loads(capsys.readouterr().out)["diff"][0]["type"] == 3


def test_bad_input_is_a_clear_error(tmp_path, capsys) -> None:
    assert run_diff(_args(old=str(tmp_path / "missing"), new=str(tmp_path / "x"))) == 2
    assert "vellum diff:" in capsys.readouterr().err
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe")
    assert run_diff(_args(old=str(bad), new=str(bad))) == 2
    assert run_diff(_args()) == 2


def test_batch_protocol() -> None:
    reqs = [
        {"id": "__warmup__", "old": "warm up\n", "new": "warm-up\n"},
        {"id": "x/1", "old": "a\nb\n", "new": "a\nc\n", "context": 2},
        {"id": "x/2", "old": 5, "new": "a"},
    ]
    inp = io.StringIO("".join(json.dumps(r) + "\n" for r in reqs) + "\nnot json\n")
    out = io.StringIO()
    assert serve(inp, out) == 0
    answers = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [a["id"] for a in answers] == ["__warmup__", "x/1", "x/2", None]
    assert answers[1]["table"] == diff_table("a\nb\n", "a\nc\n")
    assert answers[1]["inline"] == diff_inline("a\nb\n", "a\nc\n")
    assert answers[1]["us"] > 0
    assert "error" in answers[2] and "error" in answers[3]


def test_batch_survives_lone_surrogates() -> None:
    inp = io.StringIO('{"id": "s", "old": "a \\udfff b\\n", "new": "a b\\n"}\n')
    out = io.StringIO()
    serve(inp, out)
    ans = json.loads(out.getvalue())
    assert ans["id"] == "s" and "\udfff" in ans["table"]


def test_batch_through_the_vellum_command() -> None:
    req = json.dumps({"id": "p", "old": "x y\n", "new": "x z\n"}) + "\n"
    proc = subprocess.run(
        [sys.executable, "-m", "vellum.cli", "diff", "--batch"],
        input=req,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    ans = json.loads(proc.stdout)
    assert ans["id"] == "p" and "<ins" in ans["table"]
