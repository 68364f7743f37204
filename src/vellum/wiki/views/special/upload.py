"""Special:Upload: upload a file (a simple form, as MediaWiki's basic upload)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

from ...services.errors import EditError
from ...services.uploads import FILE_EXTENSIONS, UploadWarning, upload_file
from ...services.users import has_right, request_actor
from ..common import render, skin_context, wiki_url


def view(request: HttpRequest, sub: str) -> HttpResponse:
    ctx = skin_context(request, None, heading="Upload file", action="special")
    ctx["extensions"] = ", ".join(FILE_EXTENSIONS)
    if not has_right(request.user, "upload"):
        ctx["error"] = "You must be logged in to upload files."
        return render(request, "wiki/special/upload.html", ctx, status=403)
    if request.method == "POST":
        f = request.FILES.get("wpUploadFile")
        name = (request.POST.get("wpDestFile") or (f.name if f else "")).strip()
        ctx.update({"dest": name, "description": request.POST.get("wpUploadDescription", "")})
        if f is None or not name:
            ctx["error"] = "No file was selected."
            return render(request, "wiki/special/upload.html", ctx, status=400)
        try:
            result = upload_file(
                name,
                f.read(),
                request.user,
                actor=request_actor(request),
                comment=ctx["description"],
                ignore_warnings=bool(request.POST.get("wpIgnoreWarning")),
            )
        except UploadWarning as e:
            ctx["warnings"] = e.warnings
            return render(request, "wiki/special/upload.html", ctx, status=409)
        except EditError as e:
            ctx["error"] = e.message
            return render(request, "wiki/special/upload.html", ctx, status=400)
        return HttpResponseRedirect(wiki_url(f"File:{result.file.name}"))
    return render(request, "wiki/special/upload.html", ctx)
