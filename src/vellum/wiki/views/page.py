"""Reading: view (with redirects and oldid permalinks), action=raw, history, purge, rollback."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.html import escape

from vellum.wikitext.title import Title

from ..models import CategoryLink, Page, Redirect, Revision
from ..services import EditError
from ..services.editing import restriction_level
from ..services.pages import rollback as rollback_service
from ..services.rendering import render_revision
from ..services.titles import make_title, title_of
from ..services.users import has_right
from ..templatetags.wiki import prefetch_user_pages
from . import pagecache
from .common import error_page, render, skin_context, wiki_url


def get_page(title: Title) -> Page | None:
    return (
        Page.objects.select_related("latest", "latest__actor")
        .filter(namespace=title.namespace, title=title.dbkey)
        .first()
    )


def _int(v: str | None) -> int | None:
    try:
        return int(v) if v not in (None, "") else None
    except ValueError:
        return -1


def no_such_revision(request: HttpRequest, rev_id: object, title: Title | None) -> HttpResponse:
    name = title.prefixed_text if title else ""
    return error_page(
        request,
        "Revision not found" if title is None else title.prefixed_text,
        f'The revision #{escape(str(rev_id))} of the page named "{escape(name)}" does not exist. '
        "This is usually caused by following an outdated history link to a page that has "
        "been deleted.",
        404,
    )


def text_hidden(request: HttpRequest, rev: Revision) -> HttpResponse | None:
    """MediaWiki's rev-deleted-text-permission: a revision whose text was hidden
    (rev_deleted & 1) is shown only to users with the deletedtext right."""
    if rev.deleted & 1 and not has_right(request.user, "deletedtext"):
        return error_page(
            request,
            "Revision deleted",
            f"This revision of the page (#{rev.pk}) has been deleted. Details can be found in "
            "the deletion log.",
            403,
        )
    return None


def view(
    request: HttpRequest, title: Title | None, *, page_obj: Page | None = None
) -> HttpResponse:
    oldid = _int(request.GET.get("oldid"))
    revision = None
    if oldid is not None:
        revision = (
            Revision.objects.select_related("actor", "content", "page")
            .filter(pk=oldid, page__isnull=False)
            .first()
            if oldid > 0
            else None
        )
        if revision is None:
            return no_such_revision(request, request.GET.get("oldid"), title)
        if (hidden := text_hidden(request, revision)) is not None:
            return hidden
        if title is not None and (
            revision.page.namespace != title.namespace or revision.page.title != title.dbkey
        ):
            title = title_of(revision.page)
        page_obj = revision.page
        title = title_of(page_obj)
    page = page_obj or get_page(title)
    if page is not None and title is None:
        title = title_of(page)
    if page is None:
        return missing(request, title)
    redirected_from = None
    if (
        revision is None
        and page.is_redirect
        and request.GET.get("redirect") != "no"
        and (target := Redirect.objects.filter(page=page).first()) is not None
        and not target.interwiki
    ):
        target_page = get_page(make_title(target.namespace, target.title))
        if target_page is not None:
            redirected_from = title
            page = target_page
            title = title_of(page)
            if target.fragment:
                title = Title(title.namespace, title.dbkey, target.fragment, "", title.ns_name)
    rev = revision or page.latest
    rendered = render_revision(page, rev)
    ctx = skin_context(request, title, page=page)
    ctx.update(
        {
            "rendered": rendered,
            "revision": rev,
            "is_old": revision is not None and revision.pk != page.latest_id,
            "redirected_from": redirected_from,
            "is_redirect_page": page.is_redirect and redirected_from is None and revision is None,
            "categories": [c[0] for c in rendered.categories],
            "last_edit": page.latest.timestamp if page.latest else None,
        }
    )
    if ctx["is_redirect_page"]:
        target = Redirect.objects.filter(page=page).first()
        ctx["redirect_target"] = make_title(target.namespace, target.title) if target else None
    if revision is not None:
        ctx["older"] = (
            Revision.objects.filter(page=page, id__lt=revision.pk).order_by("-id").first()
        )
        ctx["newer"] = Revision.objects.filter(page=page, id__gt=revision.pk).order_by("id").first()
    if title.namespace == 6:
        from ..models import File
        from ..services.uploads import file_url

        f = File.objects.filter(name=title.dbkey).first()
        if f is not None:
            ctx["file"] = f
            ctx["file_url"] = file_url(f.name)
    if title.namespace == 14:
        members = list(
            CategoryLink.objects.filter(category=title.dbkey)
            .select_related("source")
            .order_by("sortkey")[:600]
        )
        ctx["subcats"] = [c for c in members if c.type == "subcat"]
        ctx["members"] = [c for c in members if c.type == "page"]
        ctx["media"] = [c for c in members if c.type == "file"]
    if rendered.display_title and revision is None:
        ctx["display_title_html"] = rendered.display_title
    response = render(request, "wiki/view.html", ctx)
    # Redirect and category pages show other pages' data: not in the whole-page cache.
    response.vellum_cacheable = (
        revision is None
        and redirected_from is None
        and not page.is_redirect
        and title.namespace != 14
    )
    response.vellum_cache_ttl = rendered.ttl(pagecache.TTL)
    return response


def missing(request: HttpRequest, title: Title) -> HttpResponse:
    from ..models import Archive

    ctx = skin_context(request, title, action="view")
    ctx["deleted"] = Archive.objects.filter(namespace=title.namespace, title=title.dbkey).exists()
    return render(request, "wiki/missing.html", ctx, status=404)


def raw(request: HttpRequest, title: Title) -> HttpResponse:
    """The saved wikitext, exactly, as text/x-wiki."""
    oldid = _int(request.GET.get("oldid"))
    if oldid is not None:
        rev = (
            Revision.objects.select_related("content").filter(pk=oldid, page__isnull=False).first()
        )
    else:
        page = get_page(title)
        rev = page.latest if page else None
        if rev is not None:
            rev = Revision.objects.select_related("content").get(pk=rev.pk)
    if rev is None:
        raise Http404("There is currently no text in this page.")
    if oldid is not None and (hidden := text_hidden(request, rev)) is not None:
        return hidden
    resp = HttpResponse(rev.content.text, content_type="text/x-wiki; charset=UTF-8")
    resp["Cache-Control"] = "private, s-maxage=0, max-age=0, must-revalidate"
    return resp


HISTORY_LIMIT = 50


def history(request: HttpRequest, title: Title) -> HttpResponse:
    page = get_page(title)
    if page is None:
        return missing(request, title)
    try:
        limit = max(1, min(5000, int(request.GET.get("limit", HISTORY_LIMIT))))
    except ValueError:
        limit = HISTORY_LIMIT
    offset = _int(request.GET.get("offset"))
    qs = Revision.objects.filter(page=page).select_related("actor").order_by("-id")
    if offset and offset > 0:
        qs = qs.filter(id__lt=offset)
    revs = list(qs[: limit + 1])
    more = len(revs) > limit
    revs = revs[:limit]
    prefetch_user_pages(r.actor.name for r in revs)
    parents = {r.parent_id for r in revs if r.parent_id}
    sizes = dict(Revision.objects.filter(pk__in=parents).values_list("id", "len"))
    rows = []
    for i, r in enumerate(revs):
        rows.append(
            {
                "rev": r,
                "parent_len": sizes.get(r.parent_id, 0),
                "is_cur": r.pk == page.latest_id,
                "check_old": i == 1 or (len(revs) == 1 and i == 0),
                "check_diff": i == 0,
            }
        )
    ctx = skin_context(request, title, page=page, action="history")
    ctx.update(
        {
            "heading": f"{title.prefixed_text}: Revision history",
            "rows": rows,
            "more": more,
            "next_offset": revs[-1].pk if more and revs else None,
            "limit": limit,
            "can_rollback": has_right(request.user, "rollback"),
        }
    )
    return render(request, "wiki/history.html", ctx)


def purge(request: HttpRequest, title: Title) -> HttpResponse:
    from ..services.pages import purge_page

    page = get_page(title)
    if page is None:
        return missing(request, title)
    if request.method == "POST":
        purge_page(page)
        return HttpResponseRedirect(wiki_url(title))
    ctx = skin_context(request, title, page=page, action="purge")
    return render(request, "wiki/purge.html", ctx)


def rollback(request: HttpRequest, title: Title) -> HttpResponse:
    if request.method != "POST":
        return error_page(
            request, "Rollback", "Rollback needs a POST request (use the link in the history).", 405
        )
    try:
        result = rollback_service(title, request.user, request.POST.get("from", ""))
    except EditError as e:
        return error_page(request, "Rollback failed", e.message, 403)
    ctx = skin_context(request, title, page=result.page, action="rollback")
    ctx.update({"heading": "Rollback finished", "result": result})
    return render(request, "wiki/rollback.html", ctx)


def info(request: HttpRequest, title: Title) -> HttpResponse:
    page = get_page(title)
    if page is None:
        return missing(request, title)
    first = Revision.objects.filter(page=page).select_related("actor").order_by("id").first()
    ctx = skin_context(request, title, page=page, action="info")
    ctx.update(
        {
            "heading": f'Information for "{title.prefixed_text}"',
            "first": first,
            "count": Revision.objects.filter(page=page).count(),
            "protection": {k: restriction_level(page, title, k) for k in ("edit", "move")},
        }
    )
    return render(request, "wiki/info.html", ctx)
