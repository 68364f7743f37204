"""Images that declare huge sizes (decompression bombs): refused at upload with a clear
error, and never decoded in full by the thumbnailer."""

from __future__ import annotations

import io
import struct
import zlib

import pytest

from .test_robustness import _client


def png(width: int, height: int) -> bytes:
    """A tiny PNG file whose header declares width x height pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def test_bomb_upload_is_refused(db, admin) -> None:
    from vellum.wiki.models import File
    from vellum.wiki.services.uploads import UploadError, upload_file

    with pytest.raises(UploadError) as e:
        upload_file("Bomb.png", png(40000, 40000), admin)
    assert str(e.value)
    assert not File.objects.exists()


def test_bomb_upload_form_answers(db, admin) -> None:
    client = _client(admin)
    f = io.BytesIO(png(40000, 40000))
    f.name = "Bomb.png"
    resp = client.post("/wiki/Special:Upload", {"wpUploadFile": f, "wpDestFile": "Bomb.png"})
    assert resp.status_code == 400


def test_bomb_upload_api_answers(db, admin) -> None:
    import json

    client = _client(admin)
    token = json.loads(
        client.get("/api.php", {"action": "query", "meta": "tokens", "format": "json"}).content
    )["query"]["tokens"]["csrftoken"]
    f = io.BytesIO(png(40000, 40000))
    f.name = "Bomb.png"
    resp = client.post(
        "/api.php",
        {"action": "upload", "filename": "Bomb.png", "file": f, "token": token, "format": "json"},
    )
    assert resp.status_code == 200
    err = json.loads(resp.content)["error"]
    assert not err["code"].startswith("internal_api_error"), err


def test_large_image_thumbnail_is_not_decoded(client, db, admin) -> None:
    """Between Pillow's warning and error limits an upload is accepted; a thumbnail request
    must not decode it (144 megapixels RGBA would need over half a gigabyte)."""
    from vellum.wiki.services.uploads import hash_path, upload_file

    upload_file("Large.png", png(12000, 12000), admin)
    resp = client.get(f"/images/thumb/{hash_path('Large.png')}/Large.png/120px-Large.png")
    assert resp.status_code in (200, 404)
