"""`vellum serve` and `vellum createuser`: a fresh data directory becomes a working wiki."""

from __future__ import annotations

import sqlite3

import pytest
import requests

pytestmark = pytest.mark.slow


def test_first_start_creates_data_dir(server):
    data = server.data
    assert (data / "vellum.sqlite3").exists() and (data / "secret_key").exists()
    with sqlite3.connect(data / "vellum.sqlite3") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("SELECT title FROM page").fetchall() == [("Main_Page",)]
    r = requests.get(server.url + "/wiki/Main_Page", timeout=10)
    assert r.status_code == 200 and "Welcome to" in r.text
    css = requests.get(server.url + "/static/wiki/vellum.css", timeout=10)
    assert css.status_code == 200 and "prefers-color-scheme: dark" in css.text


def test_createuser_then_login_and_edit(server):
    out = server.vellum("createuser", "Teacher", "--password", "chalk-and-talk", "--admin")
    assert out.returncode == 0, out.stderr
    assert "Created user Teacher" in out.stdout
    again = server.vellum("createuser", "Teacher", "--password", "x")
    assert again.returncode == 1 and "already in use" in again.stderr

    s = requests.Session()
    s.get(server.url + "/wiki/Special:UserLogin", timeout=10)
    r = s.post(
        server.url + "/wiki/Special:UserLogin",
        data={
            "wpName": "Teacher",
            "wpPassword": "chalk-and-talk",
            "csrfmiddlewaretoken": s.cookies["csrftoken"],
        },
        headers={"Referer": server.url + "/wiki/Special:UserLogin"},
        timeout=10,
        allow_redirects=False,
    )
    assert r.status_code == 302
    form = s.get(server.url + "/index.php?title=Lesson&action=edit", timeout=10)
    assert form.status_code == 200
    r = s.post(
        server.url + "/index.php?title=Lesson&action=submit",
        data={
            "wpTextbox1": "Lesson one.",
            "wpSummary": "plan",
            "wpBaseRevId": "0",
            "wpSave": "1",
            "csrfmiddlewaretoken": s.cookies["csrftoken"],
        },
        headers={"Referer": server.url + "/index.php"},
        timeout=10,
    )
    assert r.status_code == 200 and r.url.endswith("/wiki/Lesson")
    raw = requests.get(server.url + "/index.php?title=Lesson&action=raw", timeout=10)
    assert raw.text == "Lesson one."
    hist = requests.get(server.url + "/index.php?title=Lesson&action=history", timeout=10)
    assert "Teacher" in hist.text and "plan" in hist.text
