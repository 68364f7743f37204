"""action=edit / action=submit: the edit form, preview, show changes, save, undo, and
MediaWiki's edit-conflict screen (your text kept, with a diff against the current text)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

from vellum.wikitext.options import RenderOptions
from vellum.wikitext.title import Title

from ..models import Revision
from ..services import (
    ContentTooBig,
    EditConflict,
    EditError,
    PageDeleted,
    PermissionDenied,
)
from ..services.editing import (
    UndoFailed,
    check_edit_permissions,
    edit_page,
    normalize_text,
    undo_summary,
    undo_text,
)
from ..services.rendering import render_text
from ..services.users import request_actor
from .common import render, skin_context, wiki_url
from .diffs import diff_table_html
from .page import get_page


def _int(v: Any) -> int | None:
    try:
        return int(v)
    except (TypeError, ValueError):
        return None


def edit(request: HttpRequest, title: Title) -> HttpResponse:
    page = get_page(title)
    if request.method == "POST":
        return _submit(request, title, page)
    ctx = _form_context(request, title, page)
    permission_error = _permission_error(request, title, page)
    text = page.latest.content.text if page else ""
    oldid = _int(request.GET.get("oldid"))
    if page is not None and oldid and oldid != page.latest_id:
        old = Revision.objects.filter(pk=oldid, page=page).select_related("content").first()
        if old is not None:
            text = old.content.text
            ctx["editing_old"] = old
    section = request.GET.get("section") or None  # section= (empty) is the whole page
    if section is not None:
        from ..services.sections import NoSuchSection, get_section, parse_section

        try:
            sec = parse_section(section)
            if sec != "new":
                part = get_section(text, sec)
                if part is None:
                    raise NoSuchSection(f"There is no section {section}.")
                text = part
            else:
                text = ""
            ctx["section"] = section
            ctx["heading"] = f"Editing {title.prefixed_text} " + (
                "(new section)" if sec == "new" else "(section)"
            )
        except NoSuchSection as e:
            ctx["error"] = f"{e.message} The whole page is shown instead."
    undo_id, undoafter_id = _int(request.GET.get("undo")), _int(request.GET.get("undoafter"))
    if page is not None and undo_id:
        undo = Revision.objects.filter(pk=undo_id, page=page).first()
        after = (
            Revision.objects.filter(pk=undoafter_id, page=page).first()
            if undoafter_id
            else (Revision.objects.filter(pk=undo.parent_id).first() if undo else None)
        )
        if undo is None or after is None:
            ctx["error"] = "The edit could not be undone: the revision does not exist."
        else:
            try:
                new_text = undo_text(page, undo, after)
                ctx["summary"] = undo_summary(undo)
                ctx["undo_notice"] = True
                ctx["diff_html"] = diff_table_html(text, new_text, "Latest revision", "Your text")
                text = new_text
            except UndoFailed as e:
                ctx["error"] = e.message
    ctx["text"] = text
    if permission_error:
        ctx["permission_error"] = permission_error
    return render(request, "wiki/edit.html", ctx, status=403 if permission_error else 200)


def _permission_error(request: HttpRequest, title: Title, page) -> str:
    try:
        check_edit_permissions(request.user, title, page)
    except PermissionDenied as e:
        return e.message
    return ""


def _form_context(request: HttpRequest, title: Title, page, **kw: Any) -> dict[str, Any]:
    ctx = skin_context(request, title, page=page, action="edit")
    ctx.update(
        {
            "heading": ("Editing " if page else "Creating ") + title.prefixed_text,
            "base_rev_id": page.latest_id if page else 0,
            "start_time": datetime.now(UTC).strftime("%Y%m%d%H%M%S"),
            "summary": "",
            "minor": False,
            "max_size_kb": settings.MAX_ARTICLE_SIZE // 1024,
            "anon": not request.user.is_authenticated,
        }
    )
    ctx.update(kw)
    return ctx


def _submit(request: HttpRequest, title: Title, page) -> HttpResponse:
    p = request.POST
    text = p.get("wpTextbox1", "")
    summary = p.get("wpSummary", "")
    minor = bool(p.get("wpMinoredit"))
    base = _int(p.get("wpBaseRevId"))
    start = _parse_ts(p.get("wpStarttime"))
    section = p.get("wpSection") or None
    ctx = _form_context(
        request,
        title,
        page,
        text=text,
        summary=summary,
        minor=minor,
        base_rev_id=base if base is not None else (page.latest_id if page else 0),
        start_time=p.get("wpStarttime") or "",
        section=section or "",
    )
    if "wpPreview" in p:
        result, rendered = render_text(normalize_text(text), title, RenderOptions(preview=True))
        ctx["preview"] = rendered
        return render(request, "wiki/edit.html", ctx)
    if "wpDiff" in p:
        current = page.latest.content.text if page else ""
        mine = normalize_text(text)
        if section:
            from ..services.sections import parse_section, replace_section

            try:
                mine = replace_section(current, parse_section(section), mine, summary)
            except EditError as e:
                ctx["error"] = e.message
        ctx["diff_html"] = diff_table_html(current, mine, "Latest revision", "Your text")
        return render(request, "wiki/edit.html", ctx)
    try:
        edit_page(
            title,
            text,
            request.user,
            actor=request_actor(request),
            summary=summary,
            minor=minor,
            base_revision_id=base,
            start_timestamp=start,
            recreate=bool(p.get("wpRecreate")),
            section=section,
            section_title=summary if section == "new" else "",
        )
    except EditConflict as e:
        ctx.update(
            {
                "heading": f"Editing {title.prefixed_text} (edit conflict)",
                "conflict": True,
                "text": e.current.content.text,
                "your_text": e.your_text,
                "base_rev_id": e.current.pk,
                "diff_html": diff_table_html(
                    e.current.content.text, e.your_text, "Latest revision", "Your text"
                ),
            }
        )
        return render(request, "wiki/edit.html", ctx, status=409)
    except ContentTooBig as e:
        ctx["error"] = e.message
        return render(request, "wiki/edit.html", ctx, status=413)
    except PageDeleted:
        ctx["deleted_warning"] = True
        return render(request, "wiki/edit.html", ctx, status=409)
    except PermissionDenied as e:
        ctx["permission_error"] = e.message
        return render(request, "wiki/edit.html", ctx, status=403)
    except EditError as e:
        ctx["error"] = e.message
        return render(request, "wiki/edit.html", ctx, status=400)
    return HttpResponseRedirect(wiki_url(title))


def _parse_ts(v: str | None) -> datetime | None:
    if not v:
        return None
    try:
        return datetime.strptime(v, "%Y%m%d%H%M%S").replace(tzinfo=UTC)
    except ValueError:
        return None


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A stale or missing edit token: MediaWiki's session-failure message, the text kept."""
    from ..services.titles import parse_title

    text = request.POST.get("wpTextbox1")
    message = (
        "Sorry! We could not process your edit due to a loss of session data. Your edit has "
        "not been saved. Please try again. If it still does not work, try logging out and "
        "logging back in, and check that your browser allows cookies from this site."
    )
    title_text = request.POST.get("title") or request.GET.get("title")
    if text is not None and title_text is None and request.path.startswith("/wiki/"):
        title_text = request.path[len("/wiki/") :]
    if text is not None and title_text:
        try:
            title = parse_title(title_text)
        except Exception:
            title = None
        if title is not None:
            page = get_page(title)
            ctx = _form_context(
                request,
                title,
                page,
                text=text,
                summary=request.POST.get("wpSummary", ""),
                minor=bool(request.POST.get("wpMinoredit")),
                base_rev_id=_int(request.POST.get("wpBaseRevId")) or 0,
                error=message,
            )
            return render(request, "wiki/edit.html", ctx, status=403)
    from .common import error_page

    return error_page(request, "Session failure", message, 403)
