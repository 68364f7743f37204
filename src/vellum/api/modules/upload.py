"""action=upload (ApiUpload): store a file through the wiki's upload service, directly or in
chunks through the upload stash (`stash`, `offset`, `filekey`), with MediaWiki's warnings."""

from __future__ import annotations

import io
import re
import secrets
from pathlib import Path
from typing import Any

from django.conf import settings

from vellum.wiki.models import File
from vellum.wiki.services import uploads
from vellum.wiki.services.errors import EditError
from vellum.wiki.services.titles import make_title

from ..base import ApiModule
from ..errors import ApiError
from ..params import Param
from ..query.imageinfo import describe_file
from ..timestamps import iso
from ..wikierrors import api_error

RESULT_PROPS = {
    "timestamp",
    "user",
    "userid",
    "size",
    "dimensions",
    "comment",
    "parsedcomment",
    "canonicaltitle",
    "url",
    "sha1",
    "metadata",
    "mime",
    "mediatype",
    "bitdepth",
}
_FILEKEY = re.compile(r"^[0-9a-z]+\.[0-9a-z]+\.\d+(\.[0-9A-Za-z]+)?$")


STASH_MAX_AGE = 6 * 3600  # seconds an unclaimed stashed file is kept


def stash_dir() -> Path:
    return Path(settings.DATA_DIR) / "upload-stash"


def expire_stash() -> None:
    """Remove stashed files nobody claimed (MediaWiki's cleanupUploadStash)."""
    import time

    limit = time.time() - STASH_MAX_AGE
    for path in stash_dir().glob("*"):
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
        except OSError:
            pass


MIME_EXTENSIONS = {
    "image/png": {"png"},
    "image/gif": {"gif"},
    "image/jpeg": {"jpg", "jpeg", "jpe"},
    "image/webp": {"webp"},
}


def _verify_extension(filename: str, data: bytes) -> None:
    """MediaWiki's UploadBase::verifyFile: the extension must fit the detected MIME type."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as im:
            mime = Image.MIME.get(im.format or "", "")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        return  # upload_file gives the error
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if mime in MIME_EXTENSIONS and ext not in MIME_EXTENSIONS[mime]:
        raise ApiError(
            "verification-error",
            f'File extension ".{ext}" does not match the detected MIME type of the file ({mime}).',
            {"details": ["filetype-mime-mismatch", ext, mime]},
        )


class ApiUpload(ApiModule):
    name = "upload"
    classname = "ApiUpload"
    must_be_posted = True
    write = True
    token = "csrf"
    params = [
        Param("filename", "string"),
        Param("comment", "string", default=""),
        Param("tags", [], multi=True),
        Param("text", "text"),
        Param("watch", "boolean", deprecated=True),
        Param("watchlist", ["nochange", "preferences", "watch"], default="preferences"),
        Param("ignorewarnings", "boolean"),
        Param("file", "upload"),
        Param("url", "string"),
        Param("filekey", "string"),
        Param("sessionkey", "string", deprecated=True),
        Param("stash", "boolean"),
        Param("filesize", "integer", min=0, max=100 * 1024 * 1024),
        Param("offset", "integer", min=0),
        Param("chunk", "upload"),
        Param("async", "boolean"),
        Param("checkstatus", "boolean"),
    ]

    def execute(self) -> None:
        api = self.api
        v = self.values()
        if not api.has_right("upload"):
            raise ApiError(
                "permissiondenied",
                "You do not have permission to upload files.",
                header_codes=("cantupload",),
            )
        filekey = v["filekey"] or v["sessionkey"]
        if v["chunk"] is not None:
            self._chunk(v)
            return
        if v["filename"] is None:
            raise ApiError("missingparam", 'The "filename" parameter must be set.')
        if v["url"] is not None:
            raise ApiError("copyuploaddisabled", "Upload by URL is disabled.")
        if v["file"] is not None:
            data = v["file"].read()
        elif filekey is not None:
            data = self._stashed(filekey)
        else:
            raise ApiError(
                "missingparam",
                'One of the parameters "filekey", "file" and "url" is required.',
            )
        if v["stash"]:
            key = self._stash(data)
            api.result["upload"] = {"result": "Success", "filekey": key, "sessionkey": key}
            return
        comment = v["comment"] or ""
        text = v["text"]
        _verify_extension(v["filename"], data)
        try:
            result = uploads.upload_file(
                v["filename"],
                data,
                api.user,
                comment=comment,
                text=text,
                ignore_warnings=v["ignorewarnings"],
                actor=None if api.user.is_authenticated else api.user_name(),
            )
        except uploads.UploadWarning as w:
            key = self._stash(data)
            api.result["upload"] = {
                "result": "Warning",
                "warnings": self._warnings(w.warnings),
                "filekey": key,
                "sessionkey": key,
            }
            return
        except uploads.UploadError as e:
            raise self._error(e, v["filename"]) from e
        except EditError as e:
            raise api_error(e) from e
        if filekey is not None:
            self._drop(filekey)
        f = result.file
        info = describe_file(api, f, RESULT_PROPS, make_title(6, f.name))
        out: dict[str, Any] = {"result": "Success", "filename": f.name}
        if result.warnings:
            out["warnings"] = self._warnings(result.warnings)
        out["imageinfo"] = info
        api.result["upload"] = out

    # -- warnings and errors in MediaWiki's shape
    def _warnings(self, w: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if "exists" in w:
            out["exists"] = w["exists"]
            if "duplicateversions" in w:
                f = File.objects.filter(name=w["exists"]).first()
                out["nochange"] = {"timestamp": iso(f.timestamp) if f else ""}
        if "duplicate" in w:
            out["duplicate"] = list(w["duplicate"])
        for k, val in w.items():
            if k not in ("exists", "duplicate", "duplicateversions"):
                out[k] = val
        return out

    def _error(self, e: Any, filename: str) -> ApiError:
        ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
        if e.code == "filetype-banned":
            return ApiError(
                "filetype-banned",
                e.message,
                {"filetype": ext, "allowed": list(uploads.FILE_EXTENSIONS)},
            )
        if e.code == "verification-error":
            return ApiError(
                "verification-error",
                e.message,
                {"details": ["filetype-mime-mismatch", ext, "unknown/unknown"]},
            )
        if e.code == "empty-file":
            return ApiError("empty-file", "The file you submitted was empty.")
        if e.code == "file-too-large":
            return ApiError("file-too-large", "The file you submitted was too large.")
        return ApiError(e.code, e.message)

    # -- the stash (chunked uploads and warnings to confirm)
    def _new_key(self, ext: str = "") -> str:
        base = f"{secrets.token_hex(6)}.{secrets.token_hex(3)}.{self.api.user.pk or 0}"
        return base + (f".{ext}" if ext else "")

    def _path(self, key: str) -> Path:
        if not _FILEKEY.match(key):
            raise ApiError("stashfailed", "Invalid file key.")
        user_part = key.split(".")[2]
        if user_part != str(self.api.user.pk or 0):
            raise ApiError("stashfailed", "Invalid file key.")
        return stash_dir() / key

    def _stash(self, data: bytes) -> str:
        ext = ""
        filename = self.p("filename") or ""
        if "." in filename:
            ext = re.sub(r"[^0-9A-Za-z]", "", filename.rsplit(".", 1)[-1])[:10]
        key = self._new_key(ext)
        stash_dir().mkdir(parents=True, exist_ok=True)
        expire_stash()
        (stash_dir() / key).write_bytes(data)
        return key

    def _stashed(self, key: str) -> bytes:
        path = self._path(key)
        if not path.is_file():
            raise ApiError("stashfailed", "Could not find the file in the stash.")
        return path.read_bytes()

    def _drop(self, key: str) -> None:
        try:
            self._path(key).unlink(missing_ok=True)
        except ApiError:
            pass

    def _chunk(self, v: dict[str, Any]) -> None:
        api = self.api
        for name in ("filesize", "offset"):
            if v[name] is None:
                raise ApiError("missingparam", f'The "{name}" parameter must be set.')
        data = v["chunk"].read()
        offset, size = v["offset"], v["filesize"]
        if offset == 0:
            key = self._new_key(
                re.sub(r"[^0-9A-Za-z]", "", (v["filename"] or "").rsplit(".", 1)[-1])[:10]
                if "." in (v["filename"] or "")
                else ""
            )
            stash_dir().mkdir(parents=True, exist_ok=True)
            path = stash_dir() / key
            path.write_bytes(b"")
        else:
            key = v["filekey"] or ""
            path = self._path(key)
            if not path.is_file():
                raise ApiError("stashfailed", "Could not find the file in the stash.")
        if path.stat().st_size != offset:
            raise ApiError("stashfailed", "Invalid chunk offset.")
        if offset + len(data) > size:
            raise ApiError("stashfailed", "The chunks are bigger than the declared file size.")
        with path.open("ab") as fh:
            fh.write(data)
        done = offset + len(data) >= size
        out: dict[str, Any] = {"result": "Success" if done else "Continue", "filekey": key}
        if not done:
            out["offset"] = offset + len(data)
        api.result["upload"] = out
