"""Fixtures of the API tests: an API caller over Django's test client, and a real
`vellum serve` (temp data dir, users made with `vellum createuser`) for the client tests."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

VELLUM = str(Path(sys.executable).with_name("vellum"))


@pytest.fixture(autouse=True)
def _fast_passwords_and_temp_files(settings, tmp_path) -> None:
    """Argon2 is slow on purpose and the in-process tests log in many times; uploads and the
    upload stash go to a temporary directory."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.DATA_DIR = tmp_path
    settings.MEDIA_ROOT = str(tmp_path / "images")


@pytest.fixture(autouse=True)
def _clear_cache() -> Iterator[None]:
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


class Api:
    """Calls /api.php through Django's test client; keeps the session like a bot would."""

    def __init__(self, client: Any) -> None:
        self.client = client

    def raw(self, method: str = "POST", files: dict[str, Any] | None = None, **params: Any):
        params.setdefault("format", "json")
        data = {k: v for k, v in params.items() if v is not None}
        if method == "GET":
            return self.client.get("/api.php", data)
        if files:
            data.update(files)
            return self.client.post("/api.php", data)
        return self.client.post("/api.php", data)

    def __call__(self, method: str = "POST", **params: Any) -> dict[str, Any]:
        resp = self.raw(method, **params)
        assert resp.status_code == 200, resp.content[:300]
        return json.loads(resp.content)

    def token(self, kind: str = "csrf") -> str:
        return self("GET", action="query", meta="tokens", type=kind)["query"]["tokens"][
            f"{kind}token"
        ]

    def login(self, name: str, password: str) -> dict[str, Any]:
        tok = self.token("login")
        return self(action="login", lgname=name, lgpassword=password, lgtoken=tok)


@pytest.fixture
def api(client, db) -> Api:
    return Api(client)


@pytest.fixture
def admin(db):
    from vellum.wiki.services.users import create_user

    return create_user("Admin", "admin-password-1", admin=True)


@pytest.fixture
def normal_user(db):
    from vellum.wiki.services.users import create_user

    return create_user("Smoke user", "user-password-1")


@pytest.fixture
def admin_api(api, admin) -> Api:
    assert api.login("Admin", "admin-password-1")["login"]["result"] == "Success"
    return api


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    host: str
    port: int
    data: Path
    user: str  # an administrator
    password: str
    plain_user: str = "Plain tester"  # a user in the groups *, user, autoconfirmed only
    plain_password: str = "plain-password-1"

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"


@pytest.fixture(scope="session")
def vellum_server(tmp_path_factory) -> Iterator[Server]:
    """`vellum serve` on a free port with a fresh data directory and an account."""
    data = tmp_path_factory.mktemp("apiserve")
    env = {k: v for k, v in os.environ.items() if k not in ("VELLUM_DATA", "DATABASE_URL")}
    env["VELLUM_SERVER"] = ""
    user, password = "Client tester", "client-password-1"
    subprocess.run(
        [VELLUM, "createuser", user, "--password", password, "--admin", "--data", str(data)],
        check=True,
        env=env,
        capture_output=True,
        timeout=300,
    )
    subprocess.run(
        [
            VELLUM,
            "createuser",
            Server.plain_user,
            "--password",
            Server.plain_password,
            "--data",
            str(data),
        ],
        check=True,
        env=env,
        capture_output=True,
        timeout=300,
    )
    port = _free_port()
    log = open(data / "serve.log", "w")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        [
            VELLUM,
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            "2",
            "--data",
            str(data),
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/api.php?action=query&meta=siteinfo&format=json"
    try:
        deadline = time.time() + 120
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as r:
                    json.loads(r.read())
                break
            except OSError:
                if proc.poll() is not None or time.time() > deadline:
                    raise RuntimeError(
                        "vellum serve did not start: " + (data / "serve.log").read_text()[-2000:]
                    ) from None
                time.sleep(0.3)
        yield Server("127.0.0.1", port, data, user, password)
    finally:
        os.killpg(proc.pid, 15)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
        log.close()
