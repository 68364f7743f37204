"""Uploaded files under /images/ (MediaWiki's $wgUploadPath), read from DATA_DIR/images."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse

from ..models import File


def serve(request: HttpRequest, path: str) -> HttpResponse:
    root = Path(settings.MEDIA_ROOT).resolve()
    parts = path.split("/")
    if len(parts) == 5 and parts[0] == "thumb":
        from ..services.uploads import thumbnail

        made = thumbnail(parts[3], parts[4])
        if made is None:
            raise Http404("No such thumbnail")
        path = str(made.relative_to(root))
    try:
        full = (root / path).resolve()
    except (ValueError, OSError):  # NUL bytes, symlink loops
        raise Http404("No such file") from None
    if root not in full.parents or not full.is_file():
        raise Http404("No such file")
    name = full.name.split("px-", 1)[-1] if "/thumb/" in str(full) else full.name
    f = File.objects.filter(name=name).only("mime").first()
    mime = f.mime if f and f.mime.startswith("image/") else "application/octet-stream"
    resp = FileResponse(full.open("rb"), content_type=mime)
    resp["Content-Security-Policy"] = "default-src 'none'; sandbox"
    resp["Cache-Control"] = "public, max-age=86400"
    return resp
