"""Uploaded files (MediaWiki's LocalFile): stored under DATA_DIR/images in MediaWiki's hashed
paths (images/a/ab/Name.png, old versions in images/archive/a/ab/TIMESTAMP!Name.png), with
the image table row, the file description page and the upload log entry."""

from __future__ import annotations

import hashlib
import io
import mimetypes
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from vellum.wikitext.site import FileInfo
from vellum.wikitext.title import InvalidTitle, Title

from ..models import File, OldFile, Page
from .errors import EditError, PermissionDenied
from .log import add_log_entry
from .titles import iso_timestamp, make_title, parse_title, sha1_base36
from .users import actor_for, has_right

FILE_EXTENSIONS = ("png", "gif", "jpg", "jpeg", "webp")  # $wgFileExtensions default
MAX_UPLOAD_SIZE = 100 * 1024 * 1024


class UploadError(EditError):
    """The file could not be uploaded."""

    code = "uploaderror"

    def __init__(self, message: str, code: str = "uploaderror") -> None:
        super().__init__(message)
        self.code = code


class UploadWarning(EditError):
    """The upload has warnings (the file exists, is a duplicate, ...); repeat with
    ignore_warnings to go ahead."""

    code = "uploadwarning"

    def __init__(self, warnings: dict[str, Any]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in warnings.items()))
        self.warnings = warnings


@dataclass
class UploadResult:
    file: File
    overwritten: bool = False
    warnings: dict[str, Any] = field(default_factory=dict)


def hash_path(name: str) -> str:
    """MediaWiki's hashed directory of a file name: 'a/ab'."""
    h = hashlib.md5(name.encode("utf-8")).hexdigest()
    return f"{h[0]}/{h[:2]}"


def images_dir() -> Path:
    return Path(settings.MEDIA_ROOT)


def file_path(name: str) -> Path:
    return images_dir() / hash_path(name) / name


def file_url(name: str) -> str:
    return f"{settings.MEDIA_URL}{hash_path(name)}/{quote(name)}"


def file_info(f: File) -> FileInfo:
    """The engine's FileInfo for an uploaded file."""
    return FileInfo(
        name=f.name,
        width=f.width,
        height=f.height,
        mime=f.mime,
        media_type=f.media_type,
        size=f.size,
        bits=f.bits,
        sha1=f.sha1,
        timestamp=iso_timestamp(f.timestamp),
        url=file_url(f.name),
        thumb_url=f"{settings.MEDIA_URL}thumb/{hash_path(f.name)}/{quote(f.name)}/",
        description_page=f"/wiki/File:{quote(f.name)}",
        comment=f.description,
    )


_PNG_COLOR_TYPES = {
    0: "greyscale",
    2: "truecolour",
    3: "index-coloured",
    4: "greyscale-alpha",
    6: "truecolour-alpha",
}
# The EXIF tags MediaWiki's Exif class keeps (IFD0 and the Exif sub-IFD), by their names.
_EXIF_TAGS = (
    "ImageDescription Make Model Orientation XResolution YResolution ResolutionUnit Software "
    "DateTime Artist Copyright YCbCrPositioning ExposureTime FNumber ExposureProgram "
    "ISOSpeedRatings ExifVersion DateTimeOriginal DateTimeDigitized ShutterSpeedValue "
    "ApertureValue BrightnessValue ExposureBiasValue MaxApertureValue SubjectDistance "
    "MeteringMode LightSource Flash FocalLength UserComment ColorSpace FocalPlaneXResolution "
    "FocalPlaneYResolution FocalPlaneResolutionUnit SensingMethod ExposureMode WhiteBalance "
    "DigitalZoomRatio FocalLengthIn35mmFilm SceneCaptureType Contrast Saturation Sharpness "
    "SubjectDistanceRange LensMake LensModel"
).split()


def format_metadata(im: Any, data: bytes) -> dict[str, Any]:
    """The format's metadata as MediaWiki stores it in img_metadata: PNGHandler (frameCount,
    loopCount, duration, bitDepth, colorType), GIFHandler (frameCount, looped, duration),
    ExifBitmapHandler for JPEG (the EXIF tags, MEDIAWIKI_EXIF_VERSION)."""
    try:
        if im.format == "PNG":
            return _png_metadata(im, data)
        if im.format == "GIF":
            return _gif_metadata(data)
        if im.format == "JPEG":
            return _jpeg_metadata(im)
    except (OSError, ValueError, EOFError, IndexError, struct.error):  # damaged: none
        pass
    return {}


def _png_metadata(im: Any, data: bytes) -> dict[str, Any]:
    # IHDR is the first chunk: width, height, bit depth, colour type
    bit_depth, color_type = data[24], data[25]
    frames, loops, duration = 0, 1, 0.0
    pos = 8
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"acTL" and len(body) >= 8:
            frames, loops = struct.unpack(">II", body[:8])
        elif kind == b"fcTL" and len(body) >= 24:
            num, den = struct.unpack(">HH", body[20:24])
            duration += num / (den or 100)
        elif kind in (b"IDAT", b"IEND") and not frames:
            break
        pos += 12 + length
    return {
        "frameCount": frames,
        "loopCount": loops,
        "duration": round(duration, 6),
        "bitDepth": bit_depth,
        "colorType": _PNG_COLOR_TYPES.get(color_type, "unknown"),
    }


def _gif_metadata(data: bytes) -> dict[str, Any]:
    """GIFMetadataExtractor: the block structure is read, no frame is decoded."""
    frames, looped, delay_cs = 0, False, 0
    flags = data[10]
    pos = 13 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
    while pos < len(data):
        kind = data[pos]
        if kind == 0x3B:  # trailer
            break
        if kind == 0x2C:  # image descriptor: one frame
            frames += 1
            flags = data[pos + 9]
            pos += 10 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0) + 1  # + LZW code size
        elif kind == 0x21:  # extension
            label = data[pos + 1]
            body = data[pos + 3 : pos + 3 + data[pos + 2]]
            if label == 0xF9 and len(body) >= 3:  # graphic control: delay in 1/100 s
                delay_cs += int.from_bytes(body[1:3], "little")
            elif label == 0xFF and body[:11] in (b"NETSCAPE2.0", b"ANIMEXTS1.0"):
                looped = True
            pos += 2
        else:
            raise ValueError("not a GIF block")
        while pos < len(data) and data[pos]:  # data sub-blocks up to the terminator
            pos += data[pos] + 1
        pos += 1
    return {"frameCount": frames, "looped": looped, "duration": delay_cs / 100}


def _exif_value(value: Any) -> Any:
    from PIL.TiffImagePlugin import IFDRational

    if isinstance(value, IFDRational):
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, bytes):
        return value.decode("latin-1").rstrip("\x00")
    if isinstance(value, str):
        return value.rstrip("\x00").strip()
    if isinstance(value, tuple):
        return [_exif_value(v) for v in value]
    return value


def _jpeg_metadata(im: Any) -> dict[str, Any]:
    from PIL import ExifTags

    exif = im.getexif()
    tags: dict[int, Any] = dict(exif)
    tags.update(exif.get_ifd(ExifTags.IFD.Exif))
    wanted = set(_EXIF_TAGS)
    meta: dict[str, Any] = {}
    for tag, value in tags.items():
        name = ExifTags.TAGS.get(tag)
        if name == "UserComment" and isinstance(value, bytes):
            value = value[8:]  # the 8-byte character code ("ASCII\0\0\0")
        if name in wanted:
            v = _exif_value(value)
            if v not in ("", None, []):
                meta[name] = v
    meta["MEDIAWIKI_EXIF_VERSION"] = 2
    return meta


def _inspect(data: bytes, name: str) -> dict[str, Any]:
    from PIL import Image, UnidentifiedImageError

    info: dict[str, Any] = {"width": 0, "height": 0, "bits": 0, "media_type": "UNKNOWN"}
    info["mime"] = mimetypes.guess_type(name)[0] or "application/octet-stream"
    try:
        with Image.open(io.BytesIO(data)) as im:
            info["width"], info["height"] = im.size
            info["bits"] = 8
            info["mime"] = Image.MIME.get(im.format or "", info["mime"])
            info["media_type"] = "BITMAP"
            info["metadata"] = format_metadata(im, data)
            if im.format == "PNG" and info["metadata"].get("bitDepth"):
                info["bits"] = info["metadata"]["bitDepth"]
    except Image.DecompressionBombError as e:
        raise UploadError(f"The image is too large to be processed: {e}", "file-too-large") from e
    except (UnidentifiedImageError, OSError):
        pass
    return info


def upload_file(
    name: str,
    data: bytes,
    user: Any,
    *,
    actor: Any = None,
    comment: str = "",
    text: str | None = None,
    ignore_warnings: bool = False,
) -> UploadResult:
    """Store an uploaded file as File:`name`; raises UploadWarning / UploadError /
    PermissionDenied. `text` is the description page's text for a new file."""
    try:
        title = parse_title(name, 6)
    except InvalidTitle as e:
        raise UploadError(f"The file name is not valid: {e}", "illegal-filename") from e
    if title.namespace != 6:
        title = make_title(6, title.prefixed_dbkey.replace(":", "-"))
    name = title.dbkey
    if not has_right(user, "upload"):
        raise PermissionDenied("You do not have permission to upload files.", "upload")
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext not in FILE_EXTENSIONS:
        raise UploadError(
            f'".{ext}" is not a permitted file type. Permitted file types: '
            + ", ".join(FILE_EXTENSIONS)
            + ".",
            "filetype-banned",
        )
    if not data:
        raise UploadError("The file you submitted was empty.", "empty-file")
    if len(data) > MAX_UPLOAD_SIZE:
        raise UploadError(
            "The file is bigger than the server is configured to allow.", "file-too-large"
        )
    meta = _inspect(data, name)
    if meta["media_type"] != "BITMAP":
        raise UploadError("The file's contents do not match its extension.", "verification-error")
    sha1 = sha1_base36(data)
    existing = File.objects.filter(name=name).first()
    warnings: dict[str, Any] = {}
    if existing is not None:
        if existing.sha1 == sha1:
            warnings["duplicateversions"] = [name]
        warnings["exists"] = name
        if not has_right(user, "reupload"):
            raise PermissionDenied("You do not have permission to overwrite files.", "reupload")
    dups = list(File.objects.filter(sha1=sha1).exclude(name=name).values_list("name", flat=True))
    if dups:
        warnings["duplicate"] = dups
    if warnings and not ignore_warnings:
        raise UploadWarning(warnings)

    who = actor_for(actor if actor is not None else user)
    now = timezone.now()
    path = file_path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    with transaction.atomic():
        if existing is not None:
            archive_name = f"{now.strftime('%Y%m%d%H%M%S')}!{name}"
            apath = images_dir() / "archive" / hash_path(name) / archive_name
            apath.parent.mkdir(parents=True, exist_ok=True)
            if path.exists():
                path.replace(apath)
            OldFile.objects.create(
                name=name,
                archive_name=archive_name,
                size=existing.size,
                width=existing.width,
                height=existing.height,
                bits=existing.bits,
                mime=existing.mime,
                media_type=existing.media_type,
                sha1=existing.sha1,
                timestamp=existing.timestamp,
                actor=existing.actor,
                description=existing.description,
            )
            existing.delete()
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        f = File.objects.create(
            name=name,
            size=len(data),
            width=meta["width"],
            height=meta["height"],
            bits=meta["bits"],
            mime=meta["mime"],
            media_type=meta["media_type"],
            sha1=sha1,
            timestamp=now,
            actor=who,
            description=comment,
            metadata=meta.get("metadata", {}),
        )
        add_log_entry(
            "upload",
            "overwrite" if existing else "upload",
            who,
            title,
            comment=comment,
            params={"img_sha1": sha1, "img_timestamp": now.strftime("%Y%m%d%H%M%S")},
            page_id=Page.objects.filter(namespace=6, title=name)
            .values_list("id", flat=True)
            .first()
            or 0,
        )
    if not Page.objects.filter(namespace=6, title=name).exists():
        from .editing import edit_page

        edit_page(
            title,
            text if text is not None else comment,
            user,
            actor=who,
            summary=comment,
            check_permissions=False,
        )
    else:
        from .links import invalidate_users_of

        invalidate_users_of(title, links=True)
    return UploadResult(f, overwritten=existing is not None, warnings=warnings)


MAX_THUMB_WIDTH = 4000
MAX_IMAGE_AREA = 12_500_000  # $wgMaxImageArea: bigger images are served, never decoded here


def thumbnail(name: str, thumb_name: str) -> Path | None:
    """The thumbnail images/thumb/a/ab/NAME/WIDTHpx-NAME, made with Pillow on first request
    (MediaWiki's thumb.php); None if the file or the requested size does not exist."""
    import re

    m = re.fullmatch(r"(\d+)px-(.+)", thumb_name)
    if not m or m.group(2) != name:
        return None
    width = int(m.group(1))
    f = File.objects.filter(name=name).first()
    src = file_path(name)
    if f is None or not src.is_file() or f.width <= 0 or not 0 < width <= MAX_THUMB_WIDTH:
        return None
    out = images_dir() / "thumb" / hash_path(name) / name / thumb_name
    if out.is_file():
        return out
    if width >= f.width or f.width * f.height > MAX_IMAGE_AREA:
        return src
    from PIL import Image

    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        with Image.open(src) as im:
            height = max(1, round(f.height * width / f.width))
            thumb = im.copy()
            thumb.thumbnail((width, height))
            tmp = out.with_name(out.name + ".tmp")
            thumb.save(tmp, format=im.format)
            tmp.replace(out)
    except (OSError, Image.DecompressionBombError):  # a damaged file: no thumbnail
        return None
    return out


def file_title(f: File) -> Title:
    return make_title(6, f.name)
