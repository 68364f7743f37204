"""The diff page: ?diff=N&oldid=M (and diff=prev|next|cur), as MediaWiki's DifferenceEngine
shows it: both revisions' headers, Older/Newer edit links, the diff, the newer revision below."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.safestring import mark_safe

from vellum.wikitext.title import Title

from ..models import Revision
from ..services.rendering import render_revision
from ..services.titles import title_of
from .common import render, skin_context
from .diffs import TABLE_HEAD, cached_diff_rows
from .page import get_page, no_such_revision, text_hidden


def _rev(rev_id: int | None) -> Revision | None:
    if rev_id is None or rev_id <= 0:
        return None
    return (
        Revision.objects.select_related("actor", "content", "page")
        .filter(pk=rev_id, page__isnull=False)
        .first()
    )


def _num(v: str | None) -> int | None:
    try:
        return int(v) if v not in (None, "") else None
    except ValueError:
        return -1


def resolve(
    request: HttpRequest, title: Title | None
) -> tuple[Revision | None, Revision | None, str]:
    """(old, new, bad id) from the diff / oldid parameters, as DifferenceEngine does."""
    diff_p = request.GET.get("diff", "")
    oldid_p = request.GET.get("oldid")
    oldid = _num(oldid_p)
    page = get_page(title) if title is not None else None
    if diff_p in ("prev", "next", "cur", "0", ""):
        if oldid is not None:
            base = _rev(oldid)
            if base is None:
                return None, None, str(oldid_p)
        else:
            if page is None or page.latest_id is None:
                return None, None, diff_p
            base = _rev(page.latest_id)
        revs = Revision.objects.filter(page=base.page)
        if diff_p == "prev" or (diff_p in ("", "0") and oldid is None):
            new = base
            old = (
                _rev(base.parent_id)
                if base.parent_id
                else (revs.filter(id__lt=base.pk).order_by("-id").first())
            )
        elif diff_p == "next":
            old = base
            new = revs.filter(id__gt=base.pk).order_by("id").first() or base
            new = _rev(new.pk)
        else:  # cur
            old = base
            new = _rev(base.page.latest_id)
        return old, new, ""
    new_id = _num(diff_p)
    new = _rev(new_id)
    if new is None:
        return None, None, diff_p
    if oldid is None:
        old = _rev(new.parent_id) if new.parent_id else None
        return old, new, ""
    old = _rev(oldid)
    if old is None:
        return None, None, str(oldid_p)
    if old.timestamp > new.timestamp or (old.timestamp == new.timestamp and old.pk > new.pk):
        old, new = new, old
    return old, new, ""


def view(request: HttpRequest, title: Title | None) -> HttpResponse:
    old, new, bad = resolve(request, title)
    if new is None:
        return no_such_revision(request, bad, title)
    for rev in (old, new):
        if rev is not None and (hidden := text_hidden(request, rev)) is not None:
            return hidden
    page = new.page
    title = title_of(page)
    inline = request.GET.get("diff-type") == "inline"
    if old is None:  # a page creation: everything was added
        rows = cached_diff_rows(0, new.pk, "", new.content.text, inline)
    elif old.pk != new.pk:
        rows = cached_diff_rows(old.pk, new.pk, old.content.text, new.content.text, inline)
    else:
        rows = ""
    if not rows.strip():
        rows = (
            '<tr><td colspan="4" class="diff-notice"><div class="mw-diff-empty">'
            "(No difference)</div></td></tr>"
        )
    older = (
        Revision.objects.filter(page=page, id__lt=old.pk).order_by("-id").first() if old else None
    )
    newer = Revision.objects.filter(page=page, id__gt=new.pk).order_by("id").first()
    ctx = skin_context(request, title, page=page, action="diff")
    ctx.update(
        {
            "heading": f"{title.prefixed_text}: Difference between revisions",
            "old": old,
            "new": new,
            "old_parent_len": _len(old.parent_id) if old else 0,
            "new_parent_len": _len(new.parent_id),
            "has_older": older is not None or (old is not None and old.parent_id),
            "has_newer": newer is not None,
            "new_is_latest": new.pk == page.latest_id,
            "inline": inline,
            "query_table": _query(request, None),
            "query_inline": _query(request, "inline"),
            "diff_table": mark_safe(f"{TABLE_HEAD}{rows}</tbody></table>"),
            "rendered": render_revision(page, new) if request.GET.get("diffonly") != "1" else None,
        }
    )
    return render(request, "wiki/diff.html", ctx)


def _query(request: HttpRequest, diff_type: str | None) -> str:
    q = request.GET.copy()
    q.pop("diff-type", None)
    if diff_type:
        q["diff-type"] = diff_type
    return "/index.php?" + q.urlencode()


def _len(rev_id: int) -> int:
    if not rev_id:
        return 0
    return Revision.objects.filter(pk=rev_id).values_list("len", flat=True).first() or 0
