"""Several processes save the same page at once on SQLite: nothing is lost or duplicated."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

WORKERS = 4
EDITS = 15
HERE = Path(__file__).resolve().parent


def _env(data: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["VELLUM_DATA"] = str(data)
    env["DJANGO_SETTINGS_MODULE"] = "vellum.settings"
    return env


def _django(data: Path, code: str) -> str:
    out = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + code],
        env=_env(data),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout


@pytest.mark.slow
def test_concurrent_writers_lose_nothing(tmp_path):
    data = tmp_path / "data"
    _django(
        data,
        "from django.core.management import call_command\n"
        "call_command('migrate', verbosity=0)\n"
        "from vellum.wiki.services.editing import edit_page\n"
        f"edit_page('Shared', '\\n'.join(['line %d\\n--' % i for i in range({WORKERS})] + ['last']),"
        " None, actor='192.0.2.250', pst=False)\n",
    )
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                str(HERE / "concurrent_writer.py"),
                str(w),
                str(EDITS),
                str(tmp_path / f"w{w}.json"),
            ],
            env=_env(data),
        )
        for w in range(WORKERS)
    ]
    deadline = time.monotonic() + 120
    while len(list(tmp_path.glob("ready*"))) < WORKERS and time.monotonic() < deadline:
        time.sleep(0.05)
    (tmp_path / "go").touch()
    for p in procs:
        assert p.wait(timeout=300) == 0
    results = {w: json.loads((tmp_path / f"w{w}.json").read_text()) for w in range(WORKERS)}
    state = json.loads(
        _django(
            data,
            "import json\n"
            "from vellum.wiki.models import Page, Revision\n"
            "p = Page.objects.get(title='Shared')\n"
            "revs = list(Revision.objects.filter(page=p).order_by('id')"
            ".values('id', 'parent_id', 'timestamp'))\n"
            "print(json.dumps({'latest': p.latest_id, 'text': p.latest.content.text,"
            " 'revs': [[r['id'], r['parent_id']] for r in revs]}))\n",
        )
    )
    revs = state["revs"]
    saved = [r["rev"] for rs in results.values() for r in rs if "rev" in r and not r["null"]]
    conflicts = [r for rs in results.values() for r in rs if r.get("conflict")]
    # every attempt was either saved (possibly merged) or reported as a conflict
    assert sum(len(rs) for rs in results.values()) == WORKERS * EDITS
    assert (
        len(saved) + len(conflicts) + sum(1 for rs in results.values() for r in rs if r.get("null"))
        == WORKERS * EDITS
    )
    # no duplicate, none lost: the history holds exactly the creation plus every saved edit
    assert len(saved) == len(set(saved))
    assert sorted(saved) == [r[0] for r in revs[1:]]
    # the history is one chain: each revision's parent is the one before it
    assert revs[0][1] == 0
    assert all(revs[i][1] == revs[i - 1][0] for i in range(1, len(revs)))
    assert state["latest"] == revs[-1][0]
    # each writer's own line (separated by unchanged lines, as diff3 needs) holds its last saved change (merges kept everyone's work)
    lines = state["text"].split("\n")
    for w, rs in results.items():
        last_saved = [r["i"] for r in rs if "rev" in r]
        if last_saved:
            assert lines[2 * w] == f"worker {w} edit {last_saved[-1]}"
    # only edits of the contended line conflicted, and some edits were merged
    assert all(c["contended"] for c in conflicts)
    assert any(r.get("merged") for rs in results.values() for r in rs)
