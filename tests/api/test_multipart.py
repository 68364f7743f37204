"""multipart/form-data bodies with CRLF (browsers, requests/mwclient) and bare LF line breaks
(pywikibot's email-package bodies) give the same fields and files."""

from __future__ import annotations

from vellum.api import multipart

BODY = (
    b'--XyZ\r\nContent-Disposition: form-data; name="action"\r\n\r\nupload\r\n'
    b'--XyZ\r\nContent-Disposition: form-data; name="text"\r\n\r\nline 1\r\nline 2\r\n'
    b'--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n'
    b"Content-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n\x00\xff\r\n"
    b"--XyZ--\r\n"
)


def test_crlf_body():
    form = multipart.parse(BODY, b"XyZ")
    assert form.fields == {"action": "upload", "text": "line 1\r\nline 2"}
    assert form.files["file"].read() == b"\x89PNG\r\n\x1a\n\x00\xff"
    assert form.files["file"].name == "a.png"


def test_bare_lf_body_and_quoted_boundary():
    body = (
        b"--==b==\nContent-Type: text/plain\nMIME-Version: 1.0\n"
        b'Content-disposition: form-data; name="filename"\n\nX \xc3\xa9.png\n'
        b'--==b==\nContent-Type: image/png\nContent-disposition: form-data; name="file"; '
        b'filename="x.png"\nContent-Transfer-Encoding: binary\n\n\x00\n\x01\n--==b==--\n'
    )
    boundary = multipart.boundary_of('multipart/form-data; boundary="==b=="')
    assert boundary == b"==b=="
    form = multipart.parse(body, boundary)
    assert form.fields == {"filename": "X \u00e9.png"}
    assert form.files["file"].read() == b"\x00\n\x01"


def test_api_accepts_a_bare_lf_upload(admin_api):
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (2, 2), (5, 5, 5)).save(buf, "PNG")
    token = admin_api.token().encode()
    body = b"".join(
        b'--B\nContent-disposition: form-data; name="%s"\n\n%s\n' % (k, v)
        for k, v in (
            (b"action", b"upload"),
            (b"format", b"json"),
            (b"filename", b"Lf.png"),
            (b"token", token),
        )
    )
    body += (
        b'--B\nContent-disposition: form-data; name="file"; filename="f"\n\n'
        + buf.getvalue()
        + b"\n--B--\n"
    )
    resp = admin_api.client.generic(
        "POST", "/api.php", body, content_type='multipart/form-data; boundary="B"'
    )
    import json

    assert json.loads(resp.content)["upload"]["result"] == "Success"
