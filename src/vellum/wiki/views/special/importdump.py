"""Special:Import: administrators upload a MediaWiki XML dump (plain or compressed); the
same importer as `vellum import` adds the pages with their histories."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from ...services.users import has_right
from ..common import render, skin_context


def view(request: HttpRequest, sub: str) -> HttpResponse:
    ctx = skin_context(request, None, heading="Import pages", action="special")
    if not has_right(request.user, "importupload"):
        ctx["error"] = "You do not have permission to import pages."
        return render(request, "wiki/special/import.html", ctx, status=403)
    if request.method == "POST":
        upload = request.FILES.get("xmlimport")
        if upload is None:
            ctx["error"] = "No file was uploaded."
            return render(request, "wiki/special/import.html", ctx, status=400)
        from vellum.dumps import DumpError
        from vellum.dumps.reader import DumpReader

        from ...services.importing import Importer

        importer = Importer(performer=request.user, comment=request.POST.get("log-comment", ""))
        try:
            reader = DumpReader(upload.file, name=upload.name)
            try:
                stats = importer.run(reader)
            finally:
                reader.close()
        except DumpError as e:
            s = importer.stats
            ctx["error"] = (
                f"Import failed: {e}. {s.pages} complete page(s) with {s.revisions} revision(s) "
                "were imported before the error."
            )
            return render(request, "wiki/special/import.html", ctx, status=400)
        ctx["stats"] = stats
    return render(request, "wiki/special/import.html", ctx)
