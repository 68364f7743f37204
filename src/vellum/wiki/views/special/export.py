"""Special:Export: pages as a MediaWiki XML dump (0.11), the current revision or the whole
history, through the same code as `vellum export`."""

from __future__ import annotations

import io

from django.http import HttpRequest, HttpResponse

from ..common import render, skin_context


def view(request: HttpRequest, sub: str) -> HttpResponse:
    data = request.POST if request.method == "POST" else request.GET
    pages_text = data.get("pages") or sub
    titles = [t.strip() for t in pages_text.replace("\r", "").split("\n") if t.strip()]
    if titles and (request.method == "POST" or sub or data.get("pages")):
        from ...services.exporting import export_pages

        out = io.BytesIO()
        export_pages(out, full=not data.get("curonly") and bool(data.get("history")), titles=titles)
        resp = HttpResponse(out.getvalue(), content_type="application/xml; charset=utf-8")
        if data.get("wpDownload"):
            resp["Content-Disposition"] = 'attachment; filename="export.xml"'
        return resp
    ctx = skin_context(request, None, heading="Export pages", action="special")
    ctx["pages_text"] = pages_text
    return render(request, "wiki/special/export.html", ctx)
