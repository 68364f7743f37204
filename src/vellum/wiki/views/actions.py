"""Administrators' page actions as forms: action=delete, action=protect, Special:MovePage,
Special:Undelete — thin views over `services.pages`."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

from vellum.wikitext.title import InvalidTitle, Title

from ..services.errors import EditError
from ..services.pages import (
    delete_page,
    deleted_revisions,
    get_page,
    move_page,
    protect_page,
    undelete_page,
)
from ..services.titles import parse_title
from ..services.users import has_right
from .common import error_page, render, skin_context, wiki_url
from .page import missing


def delete(request: HttpRequest, title: Title) -> HttpResponse:
    page = get_page(title)
    if page is None:
        return missing(request, title)
    if not has_right(request.user, "delete"):
        return error_page(
            request, "Permission error", "You do not have permission to delete pages.", 403
        )
    ctx = skin_context(request, title, page=page, action="delete")
    ctx["heading"] = f'Delete "{title.prefixed_text}"'
    if request.method == "POST":
        try:
            delete_page(title, request.user, reason=request.POST.get("wpReason", ""))
        except EditError as e:
            ctx["error"] = e.message
            return render(request, "wiki/actions/delete.html", ctx, status=400)
        ctx["done"] = True
        ctx["page"] = None
    return render(request, "wiki/actions/delete.html", ctx)


def protect(request: HttpRequest, title: Title) -> HttpResponse:
    from ..services.editing import restriction_level

    page = get_page(title)
    if not has_right(request.user, "protect"):
        return error_page(
            request,
            "Permission error",
            "You do not have permission to change protection levels.",
            403,
        )
    ctx = skin_context(request, title, page=page, action="protect")
    ctx["heading"] = f'Change protection level for "{title.prefixed_text}"'
    kinds = ("edit", "move") if page is not None else ("create",)
    if request.method == "POST":
        levels = {k: request.POST.get(f"mwProtect-level-{k}", "") for k in kinds}
        try:
            protect_page(
                title, request.user, levels, reason=request.POST.get("mwProtect-reason", "")
            )
        except EditError as e:
            ctx["error"] = e.message
            return render(request, "wiki/actions/protect.html", ctx, status=400)
        return HttpResponseRedirect(wiki_url(title))
    ctx["kinds"] = [(k, restriction_level(page, title, k)) for k in kinds]
    ctx["levels"] = [
        ("", "Allow all users"),
        ("autoconfirmed", "Allow only autoconfirmed users"),
        ("sysop", "Allow only administrators"),
    ]
    return render(request, "wiki/actions/protect.html", ctx)


def movepage(request: HttpRequest, sub: str) -> HttpResponse:
    target = sub or request.GET.get("target") or request.POST.get("wpOldTitle", "")
    try:
        title = parse_title(target)
    except InvalidTitle as e:
        return error_page(request, "Bad title", str(e), 400)
    page = get_page(title)
    if page is None:
        return missing(request, title)
    if not has_right(request.user, "move"):
        return error_page(request, "Permission error", "You must be logged in to move a page.", 403)
    ctx = skin_context(request, None, heading=f"Move {title.prefixed_text}", action="special")
    ctx.update(
        {
            "old": title,
            "new": title.prefixed_text,
            "can_suppress": has_right(request.user, "suppressredirect"),
        }
    )
    if request.method == "POST":
        p = request.POST
        ctx["new"] = p.get("wpNewTitle", "")
        try:
            res = move_page(
                title,
                parse_title(ctx["new"]),
                request.user,
                reason=p.get("wpReason", ""),
                leave_redirect=bool(p.get("wpLeaveRedirect")) or not ctx["can_suppress"],
                move_talk=bool(p.get("wpMovetalk")),
            )
        except (EditError, InvalidTitle) as e:
            ctx["error"] = getattr(e, "message", str(e))
            return render(request, "wiki/actions/move.html", ctx, status=400)
        return HttpResponseRedirect(wiki_url(res.new_title))
    return render(request, "wiki/actions/move.html", ctx)


def undelete(request: HttpRequest, sub: str) -> HttpResponse:
    target = sub or request.GET.get("target") or request.POST.get("target", "")
    if not has_right(request.user, "undelete"):
        return error_page(
            request,
            "Permission error",
            "You do not have permission to view or restore deleted pages.",
            403,
        )
    try:
        title = parse_title(target) if target else None
    except InvalidTitle as e:
        return error_page(request, "Bad title", str(e), 400)
    ctx = skin_context(request, None, heading="Undelete pages", action="special")
    if title is None:
        return render(request, "wiki/actions/undelete.html", ctx)
    ctx["target"] = title
    ctx["revisions"] = deleted_revisions(title)
    if request.method == "POST":
        ids = [
            int(k[len("ts") :])
            for k in request.POST
            # revision ids: ASCII digits that fit SQLite's 64-bit integers
            if k.startswith("ts") and k[2:].isascii() and k[2:].isdigit() and len(k) < 20
        ]
        try:
            undelete_page(
                title,
                request.user,
                reason=request.POST.get("wpComment", ""),
                revision_ids=ids or None,
            )
        except EditError as e:
            ctx["error"] = e.message
            return render(request, "wiki/actions/undelete.html", ctx, status=400)
        return HttpResponseRedirect(wiki_url(title))
    return render(request, "wiki/actions/undelete.html", ctx)
