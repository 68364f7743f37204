"""multipart/form-data bodies as PHP reads them: CRLF or bare LF line breaks.

pywikibot builds its upload requests with Python's email package, whose parts are separated
by bare LF; PHP (and so MediaWiki) accepts that, Django's parser does not. This parser takes
both, keeps file parts as bytes and text parts as UTF-8 strings.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

_PARAM = re.compile(r';\s*([\w*-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)')
MAX_BODY = 101 * 1024 * 1024  # the largest upload plus the other fields


class MultipartError(ValueError):
    pass


@dataclass
class Form:
    fields: dict[str, str] = field(default_factory=dict)
    files: dict[str, io.BytesIO] = field(default_factory=dict)


def boundary_of(content_type: str) -> bytes | None:
    for name, value in _PARAM.findall(content_type):
        if name.lower() == "boundary":
            value = value.strip()
            if value.startswith('"') and value.endswith('"'):
                value = value[1:-1]
            return value.encode("latin-1") if value else None
    return None


def _header_params(value: str) -> dict[str, str]:
    out = {}
    for name, v in _PARAM.findall(";" + value.split(";", 1)[1] if ";" in value else ""):
        v = v.strip()
        if v.startswith('"') and v.endswith('"'):
            v = re.sub(r"\\(.)", r"\1", v[1:-1])
        out[name.lower()] = v
    return out


def parse(body: bytes, boundary: bytes) -> Form:
    """Fields and files of a multipart/form-data body."""
    delimiter = b"--" + boundary
    chunks = body.split(delimiter)
    if len(chunks) < 3:
        raise MultipartError("no parts")
    form = Form()
    for chunk in chunks[1:]:
        if chunk.startswith(b"--"):
            break  # the closing delimiter
        # one line break after the delimiter, one before the next delimiter
        if chunk.startswith(b"\r\n"):
            chunk = chunk[2:]
        elif chunk.startswith(b"\n"):
            chunk = chunk[1:]
        if chunk.endswith(b"\r\n"):
            chunk = chunk[:-2]
        elif chunk.endswith(b"\n"):
            chunk = chunk[:-1]
        m = re.search(rb"\r?\n\r?\n", chunk)
        if chunk.startswith((b"\r\n", b"\n")):
            head, payload = b"", chunk.lstrip(b"\r").lstrip(b"\n")
        elif m is None:
            raise MultipartError("part without a header end")
        else:
            head, payload = chunk[: m.start()], chunk[m.end() :]
        headers: dict[str, str] = {}
        for line in re.split(rb"\r?\n", head):
            if b":" in line:
                k, _, v = line.decode("utf-8", "replace").partition(":")
                headers[k.strip().lower()] = v.strip()
        disposition = headers.get("content-disposition", "")
        params = _header_params(disposition)
        name = params.get("name")
        if name is None:
            continue
        if "filename" in params:
            f = io.BytesIO(payload)
            f.name = params["filename"] or "file"
            form.files[name] = f
        else:
            form.fields[name] = payload.decode("utf-8", "replace")
    return form
