"""Fixtures of the wiki's tests: users, a page-saving helper, a running `vellum serve`."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _clear_cache() -> Iterator[None]:
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def alice(db):
    from vellum.wiki.services.users import create_user

    return create_user("Alice", "alice-password-1")


@pytest.fixture
def bob(db):
    from vellum.wiki.services.users import create_user

    return create_user("Bob", "bob-password-1")


@pytest.fixture
def admin(db):
    from vellum.wiki.services.users import create_user

    return create_user("Admin", "admin-password-1", admin=True)


@pytest.fixture
def save(db, alice):
    """save("Title", "text", user=alice, summary="") -> EditResult."""
    from vellum.wiki.services.editing import edit_page

    def _save(title: str, text: str, user=None, **kw):
        return edit_page(title, text, user or alice, **kw)

    return _save


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str
    data: Path
    proc: subprocess.Popen

    def vellum(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "vellum.cli", *args, "--data", str(self.data)],
            capture_output=True,
            text=True,
            timeout=120,
        )


def start_server(data: Path, workers: int = 2) -> Server:
    port = free_port()
    env = {
        k: v for k, v in os.environ.items() if k not in ("VELLUM_DATA", "DJANGO_SETTINGS_MODULE")
    }
    log = open(data.parent / f"serve-{port}.log", "wb")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "vellum.cli",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--data",
            str(data),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError((data.parent / f"serve-{port}.log").read_text(errors="replace"))
        try:
            with urllib.request.urlopen(url + "/wiki/Main_Page", timeout=5) as r:
                if r.status == 200:
                    return Server(url, data, proc)
        except OSError:
            time.sleep(0.3)
    proc.terminate()
    raise RuntimeError("vellum serve did not start")


def stop_server(server: Server) -> None:
    server.proc.terminate()
    try:
        server.proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.proc.kill()
        server.proc.wait(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    """A `vellum serve` on a free port with a fresh data directory, stopped afterwards."""
    data = tmp_path_factory.mktemp("wiki") / "data"
    srv = start_server(data)
    try:
        yield srv
    finally:
        stop_server(srv)


@pytest.fixture
def fake_engine(monkeypatch):
    """Replace the wikitext engine by a tiny one whose output the wiki's tests control:
    [[links]] and {{templates}} are recorded, templates' current text is transcluded."""
    import re

    from django.utils.html import escape

    import vellum.wikitext as wikitext
    from vellum.wikitext.result import RenderResult

    calls: list[str] = []

    def render(text, title, site, options=None):
        calls.append(str(title))
        links = [m.strip().replace(" ", "_") for m in re.findall(r"\[\[([^|\]]+)", text)]
        templates = []

        def transclude(m):
            t = site.config.parse_title(m.group(1), 10)
            templates.append(t.prefixed_dbkey)
            return site.page_text(t) or ""

        body = re.sub(r"\{\{([^}|]+)\}\}", transclude, text)
        redirect = re.match(r"#REDIRECT \[\[([^\]]+)\]\]", text)
        return RenderResult(
            html=f"<p>{escape(body)}</p>",
            links=links,
            templates=templates,
            categories=[
                (c.replace(" ", "_"), "") for c in re.findall(r"\[\[Category:([^\]]+)\]\]", text)
            ],
            redirect_target=redirect.group(1) if redirect else None,
        )

    monkeypatch.setattr(wikitext, "render", render)
    return calls


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
