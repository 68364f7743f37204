"""/images/ serves uploaded files only: no path leaves the upload directory."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

TRAVERSALS = [
    "/images/../secret.txt",
    "/images/%2e%2e/secret.txt",
    "/images/..%2fsecret.txt",
    "/images/%2e%2e%2fsecret.txt",
    "/images/a/../../secret.txt",
    "/images//secret.txt",
    "/images/thumb/a/ab/..%2f..%2f..%2fsecret.txt/1px-..%2f..%2f..%2fsecret.txt",
    "/images/thumb/../../secret.txt/1px-x",
    "/images/%00/../secret.txt",
    "/images/link/secret.txt",
]


@pytest.fixture
def secret(db) -> Path:
    root = Path(settings.MEDIA_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    path = root.parent / "secret.txt"
    path.write_text("TOPSECRET")
    (root / "link").symlink_to(root.parent, target_is_directory=True)
    return path


@pytest.mark.parametrize("url", TRAVERSALS)
def test_no_file_outside_uploads(client, secret, url: str) -> None:
    resp = client.get(url)
    assert resp.status_code in (301, 302, 400, 404), resp.status_code
    body = b"".join(resp.streaming_content) if resp.streaming else resp.content
    assert b"TOPSECRET" not in body
