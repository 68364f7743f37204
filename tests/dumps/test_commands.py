"""`vellum import` and `vellum export` as a user runs them (separate processes, own data dir)."""

from __future__ import annotations

import gzip
import io
import subprocess
import sys
from pathlib import Path

from lxml import etree

from vellum.dumps import open_dump
from vellum.dumps.schema import load_schema


def vellum(*args: str, data: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "vellum.cli", *args, "--data", str(data)],
        input=stdin,
        capture_output=True,
        timeout=300,
    )


def test_import_export_and_bad_input(shared: Path, tmp_path: Path) -> None:
    dumps = shared / "corpus" / "dumps"
    data = tmp_path / "wiki"
    # From stdin, compressed.
    pear = gzip.compress((dumps / "enwiki-Pear-history-export-0.3.xml").read_bytes())
    r = vellum("import", "-", "--no-progress", data=data, stdin=pear)
    assert r.returncode == 0, r.stderr.decode()
    assert "Imported 1 page(s) (1 new), 4 revision(s)" in r.stderr.decode()

    # A truncated dump: exit status 1, offset and line, complete pages kept.
    whole = (dumps / "simplewiki-7pages-2019.xml").read_bytes()
    cut = whole.index(b"<text", whole.index(b"<title>August</title>")) + 300
    bad = tmp_path / "cut.xml"
    bad.write_bytes(whole[:cut])
    r = vellum("import", str(bad), data=data)
    err = r.stderr.decode()
    assert r.returncode == 1
    assert f"byte {cut}" in err and "line " in err and "truncated" in err
    assert "rolled back" in err and "'August'" in err

    out = tmp_path / "out.xml"
    r = vellum("export", "--current", "-o", str(out), data=data)
    assert r.returncode == 0, r.stderr.decode()
    load_schema(shared / "schemas" / "export-0.11.xsd").assertValid(etree.parse(str(out)))
    titles = [p.title for p in open_dump(out)]
    assert "Pear" in titles and "August" not in titles
    assert "April" in titles  # the complete page before the error

    r = vellum("export", "--pages", "Pear", data=data)
    assert r.returncode == 0
    revs = [rev.id for p in open_dump(io.BytesIO(r.stdout)) for rev in p.items]
    source = [
        rev.id for p in open_dump(dumps / "enwiki-Pear-history-export-0.3.xml") for rev in p.items
    ]
    assert revs == source


def test_missing_file(tmp_path: Path) -> None:
    r = vellum("import", str(tmp_path / "nope.xml"), data=tmp_path / "wiki")
    assert r.returncode == 1 and "cannot open dump" in r.stderr.decode()
