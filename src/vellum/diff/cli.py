"""`vellum diff`: diff two files, or serve diffcheck's JSON-lines protocol with --batch."""

from __future__ import annotations

import json
import sys
import time
from argparse import Namespace
from pathlib import Path
from typing import TextIO

from vellum.diff import diff_all, diff_inline, diff_json, diff_table, thai


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    return Path(path).read_bytes().decode("utf-8")


def run_diff(args: Namespace) -> int:
    context = args.context
    if context < 0:
        print("vellum diff: --context must be 0 or more", file=sys.stderr)
        return 2
    if args.batch:
        return serve(sys.stdin, sys.stdout)
    if not args.old or not args.new:
        print("vellum diff: give OLD and NEW files, or --batch", file=sys.stderr)
        return 2
    try:
        old, new = _read(args.old), _read(args.new)
    except (OSError, UnicodeDecodeError) as e:
        print(f"vellum diff: {e}", file=sys.stderr)
        return 2
    if args.format == "json":
        out = json.dumps(diff_json(old, new, context), ensure_ascii=False, indent=1) + "\n"
    elif args.format == "inline":
        out = diff_inline(old, new, context)
    else:
        out = diff_table(old, new, context)
    sys.stdout.write(out)
    return 0


def answer(req: object) -> dict:
    """The answer to one diffcheck request (errors are reported in the answer)."""
    if not isinstance(req, dict):
        return {"id": None, "error": "request is not a JSON object"}
    rid = req.get("id")
    old, new = req.get("old"), req.get("new")
    context = req.get("context", 2)
    if not isinstance(old, str) or not isinstance(new, str):
        return {"id": rid, "error": '"old" and "new" must be strings'}
    if not isinstance(context, int) or isinstance(context, bool) or context < 0:
        return {"id": rid, "error": '"context" must be a non-negative integer'}
    t0 = time.perf_counter()
    table, inline = diff_all(old, new, context)
    us = (time.perf_counter() - t0) * 1e6
    return {"id": rid, "table": table, "inline": inline, "us": round(us, 1)}


def serve(inp: TextIO, out: TextIO) -> int:
    """Answer JSON-lines requests one by one, flushing after each answer."""
    thai.warm_up()
    for line in inp:
        if not line.strip():
            continue
        try:
            req = json.loads(line)
        except json.JSONDecodeError as e:
            ans: dict = {"id": None, "error": f"bad JSON request: {e}"}
        else:
            try:
                ans = answer(req)
            except Exception as e:  # report, keep serving the next requests
                rid = req.get("id") if isinstance(req, dict) else None
                ans = {"id": rid, "error": f"{type(e).__name__}: {e}"}
        try:
            line_out = json.dumps(ans, ensure_ascii=False) + "\n"
            line_out.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates from \u escapes: keep them escaped
            line_out = json.dumps(ans) + "\n"
        out.write(line_out)
        out.flush()
    return 0
