"""Page actions besides editing: move, delete, undelete, protect, rollback (MediaWiki's
MovePage, DeletePage, UndeletePage, WikiPage::doUpdateRestrictions, RollbackPage)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from vellum.wikitext.title import Title

from ..models import (
    Archive,
    CategoryLink,
    ExternalLink,
    ImageLink,
    LangLink,
    Page,
    PageLink,
    PageRestriction,
    ParserCacheEntry,
    ProtectedTitle,
    RecentChange,
    Redirect,
    Revision,
    TemplateLink,
)
from .editing import EditResult, edit_page
from .errors import EditError, MissingPage, PermissionDenied
from .log import add_log_entry
from .search import remove_from_search_index
from .titles import as_title, make_title
from .users import actor_for, has_right, require_right


def get_page(title: Title | str) -> Page | None:
    t = as_title(title)
    return Page.objects.filter(namespace=t.namespace, title=t.dbkey).first()


def _require_page(title: Title) -> Page:
    page = get_page(title)
    if page is None:
        raise MissingPage()
    return page


@dataclass
class MoveResult:
    page: Page
    old_title: Title
    new_title: Title
    redirect: Page | None
    talk: MoveResult | None = None


class ArticleExists(EditError):
    """A page of that name already exists, or the name you have chosen is not valid."""

    code = "articleexists"


class SelfMove(EditError):
    """The title is the same; cannot move a page over itself."""

    code = "selfmove"


def move_page(
    old: Title | str,
    new: Title | str,
    user: Any,
    *,
    reason: str = "",
    leave_redirect: bool = True,
    move_talk: bool = False,
    check_permissions: bool = True,
) -> MoveResult:
    """Rename a page (and optionally its talk page), leaving a redirect behind."""
    old_t, new_t = as_title(old), as_title(new)
    if old_t.prefixed_dbkey == new_t.prefixed_dbkey:
        raise SelfMove()
    if new_t.namespace < 0 or old_t.namespace < 0:
        raise PermissionDenied("Special pages cannot be moved.", "move")
    if check_permissions:
        require_right(user, "move")
        if old_t.namespace == 6 or new_t.namespace == 6:
            require_right(user, "movefile")
        if not has_right(user, "suppressredirect"):
            leave_redirect = True
    actor = actor_for(user)
    page = _require_page(old_t)
    if check_permissions:
        from .editing import LEVEL_RIGHTS, restriction_level

        level = restriction_level(page, old_t, "move")
        if level and not has_right(user, LEVEL_RIGHTS.get(level, level)):
            from .errors import ProtectedPage

            raise ProtectedPage("This page has been protected from moving.", level, "move")
    target = get_page(new_t)
    with transaction.atomic():
        if target is not None:
            # MediaWiki allows moving over a redirect to the page itself with one revision.
            if not (target.is_redirect and target.revisions.count() == 1):
                raise ArticleExists()
            _delete_rows(target)
        now = timezone.now()
        comment = reason
        text = f"[[{old_t.prefixed_text}]] moved to [[{new_t.prefixed_text}]]"
        if comment:
            text += f": {comment}"
        page.namespace, page.title = new_t.namespace, new_t.dbkey
        page.touched = now
        page.save(update_fields=["namespace", "title", "touched"])
        # The move is recorded as a null revision in the page's history, as MediaWiki does.
        latest = page.latest
        null_rev = Revision.objects.create(
            page=page,
            parent_id=latest.pk,
            timestamp=now,
            actor=actor,
            comment=text,
            minor=True,
            len=latest.len,
            sha1=latest.sha1,
            content=latest.content,
        )
        page.latest = null_rev
        page.save(update_fields=["latest"])
        add_log_entry(
            "move",
            "move",
            actor,
            old_t,
            comment=reason,
            page_id=page.pk,
            params={"4::target": new_t.prefixed_text, "5::noredir": "0" if leave_redirect else "1"},
            timestamp=now,
        )
    redirect_page = None
    if leave_redirect:
        res = edit_page(
            old_t,
            f"#REDIRECT [[{new_t.prefixed_text}]]",
            user,
            actor=actor,
            summary=text,
            check_permissions=False,
            pst=False,
        )
        redirect_page = res.page
        RecentChange.objects.filter(this_oldid=res.revision_id).delete()
    from .links import invalidate_users_of, update_secondary_data

    update_secondary_data(page)
    invalidate_users_of(old_t, links=True)
    invalidate_users_of(new_t, links=True)
    result = MoveResult(page, old_t, new_t, redirect_page)
    if move_talk:
        from vellum.wikitext.namespaces import Namespaces

        if not Namespaces.is_talk(old_t.namespace):
            ot = make_title(old_t.namespace + 1, old_t.dbkey)
            nt = make_title(new_t.namespace + 1, new_t.dbkey)
            if get_page(ot) is not None:
                result.talk = move_page(
                    ot,
                    nt,
                    user,
                    reason=reason,
                    leave_redirect=leave_redirect,
                    check_permissions=check_permissions,
                )
    cache.delete("wiki:statistics")
    return result


def _delete_rows(page: Page) -> None:
    for model in (PageLink, TemplateLink, CategoryLink, ImageLink, ExternalLink, LangLink):
        model.objects.filter(source=page).delete()
    Redirect.objects.filter(page=page).delete()
    ParserCacheEntry.objects.filter(page=page).delete()
    remove_from_search_index(page.pk)
    Page.objects.filter(pk=page.pk).update(latest=None)
    Revision.objects.filter(page=page).delete()
    page.delete()


def delete_page(
    title: Title | str, user: Any, *, reason: str = "", check_permissions: bool = True
) -> int:
    """Delete a page: its revisions go to the archive (restorable). Returns the log id."""
    t = as_title(title)
    if check_permissions:
        require_right(user, "delete")
    actor = actor_for(user)
    page = _require_page(t)
    with transaction.atomic():
        page_id = page.pk
        revs = list(Revision.objects.filter(page=page).values_list("id", flat=True))
        Archive.objects.bulk_create(
            Archive(revision_id=r, namespace=t.namespace, title=t.dbkey, page_id_was=page_id)
            for r in revs
        )
        Revision.objects.filter(page=page).update(page=None)
        for model in (PageLink, TemplateLink, CategoryLink, ImageLink, ExternalLink, LangLink):
            model.objects.filter(source=page).delete()
        Redirect.objects.filter(page=page).delete()
        ParserCacheEntry.objects.filter(page=page).delete()
        PageRestriction.objects.filter(page=page).delete()
        RecentChange.objects.filter(page_id=page_id).exclude(type=3).delete()
        remove_from_search_index(page_id)
        Page.objects.filter(pk=page_id).update(latest=None)
        page.delete()
        entry = add_log_entry(
            "delete",
            "delete",
            actor,
            t,
            comment=reason,
            page_id=page_id,
            params={"count": {"revisions": len(revs), "files": 0}},
        )
    from .links import invalidate_users_of

    invalidate_users_of(t, links=True)
    cache.delete("wiki:statistics")
    return entry.pk


def deleted_revisions(title: Title | str) -> list[Revision]:
    t = as_title(title)
    return list(
        Revision.objects.filter(archive__namespace=t.namespace, archive__title=t.dbkey)
        .select_related("actor", "content")
        .order_by("-timestamp", "-id")
    )


def undelete_page(
    title: Title | str,
    user: Any,
    *,
    reason: str = "",
    revision_ids: list[int] | None = None,
    check_permissions: bool = True,
) -> tuple[Page, int]:
    """Restore archived revisions of a title (all, or `revision_ids`). Returns (page, count)."""
    t = as_title(title)
    if check_permissions:
        require_right(user, "undelete")
    actor = actor_for(user)
    archived = Archive.objects.filter(namespace=t.namespace, title=t.dbkey)
    if revision_ids:
        archived = archived.filter(revision_id__in=revision_ids)
    ids = list(archived.values_list("revision_id", flat=True))
    if not ids:
        raise EditError("There are no deleted revisions of this page to restore.")
    with transaction.atomic():
        page = get_page(t)
        created = page is None
        if created:
            page = Page.objects.create(namespace=t.namespace, title=t.dbkey, touched=timezone.now())
        Revision.objects.filter(pk__in=ids).update(page=page)
        Archive.objects.filter(revision_id__in=ids).delete()
        latest = Revision.objects.filter(page=page).order_by("-timestamp", "-id").first()
        from .links import redirect_target

        page.latest = latest
        page.len = latest.len
        page.is_redirect = redirect_target(latest.content.text) is not None
        page.is_new = Revision.objects.filter(page=page).count() == 1
        page.touched = timezone.now()
        page.save()
        add_log_entry(
            "delete",
            "restore",
            actor,
            t,
            comment=reason,
            page_id=page.pk,
            params={"count": {"revisions": len(ids), "files": 0}},
        )
    from .links import invalidate_users_of, update_secondary_data

    update_secondary_data(page, latest)
    invalidate_users_of(t, links=created)
    cache.delete("wiki:statistics")
    return page, len(ids)


def protect_page(
    title: Title | str,
    user: Any,
    restrictions: dict[str, str],
    *,
    expiry: datetime | None = None,
    reason: str = "",
    cascade: bool = False,
    check_permissions: bool = True,
) -> dict[str, str]:
    """Set protection levels, e.g. {"edit": "sysop", "move": "sysop"}; '' or "all" removes.
    For a missing page only "create" applies (protected_titles)."""
    t = as_title(title)
    if check_permissions:
        require_right(user, "protect")
    for level in restrictions.values():
        if level not in ("", "all", "autoconfirmed", "sysop"):
            raise EditError(f'Invalid protection level "{level}".')
    actor = actor_for(user)
    page = get_page(t)
    with transaction.atomic():
        if page is None:
            level = restrictions.get("create", "")
            ProtectedTitle.objects.filter(namespace=t.namespace, title=t.dbkey).delete()
            if level not in ("", "all"):
                ProtectedTitle.objects.create(
                    namespace=t.namespace,
                    title=t.dbkey,
                    level=level,
                    expiry=expiry,
                    timestamp=timezone.now(),
                    actor=actor,
                    reason=reason,
                )
        else:
            was_protected = PageRestriction.objects.filter(page=page).exists()
            for kind, level in restrictions.items():
                PageRestriction.objects.filter(page=page, type=kind).delete()
                if level not in ("", "all"):
                    PageRestriction.objects.create(
                        page=page, type=kind, level=level, expiry=expiry, cascade=cascade
                    )
        active = {k: v for k, v in restrictions.items() if v not in ("", "all")}
        desc = "".join(
            f"[{k}={v}] ({'indefinite' if expiry is None else expiry.isoformat()})"
            for k, v in active.items()
        )
        if page is not None and page.latest_id is not None:
            _null_protection_revision(
                page, t, actor, active, expiry, reason, cascade, was_protected=was_protected
            )
        add_log_entry(
            "protect",
            "protect" if active else "unprotect",
            actor,
            t,
            comment=reason,
            page_id=page.pk if page else 0,
            params={"4::description": desc, "5::cascade": cascade},
        )
    return active


def purge_page(page: Page) -> None:
    """Purge a page (action=purge): bump `touched` and drop its parser cache entries, so the
    next view renders it afresh (the memory cache and the readers' page cache are keyed on
    `touched`, so they miss too)."""
    now = timezone.now()
    if page.touched is not None and now <= page.touched:
        now = page.touched + timedelta(microseconds=1)
    Page.objects.filter(pk=page.pk).update(touched=now)
    page.touched = now
    ParserCacheEntry.objects.filter(page=page).delete()


_RESTRICTION_NAMES = {"edit": "Edit", "move": "Move", "create": "Create", "upload": "Upload"}
_LEVEL_NAMES = {
    "sysop": "Allow only administrators",
    "autoconfirmed": "Allow only autoconfirmed users",
}


def protection_summary(
    title: Title,
    active: dict[str, str],
    expiry: datetime | None,
    reason: str = "",
    cascade: bool = False,
    *,
    was_protected: bool = False,
) -> str:
    """The edit summary of the null revision a protection change writes, as
    WikiPage::insertNullProtectionRevision words it (protectedarticle-comment, ...)."""
    name = title.prefixed_text
    if not active:
        text = f'Removed protection from "[[{name}]]"'
    elif was_protected:
        text = f'Changed protection level for "[[{name}]]"'
    else:
        text = f'Protected "[[{name}]]"'
    if reason:
        text += f": {reason}"
    if expiry is None:
        expiry_text = "indefinite"
    else:
        e = expiry.astimezone(UTC)
        expiry_text = f"expires {e:%H:%M}, {e.day} {e:%B %Y} (UTC)"
    desc = " ".join(
        f"[{_RESTRICTION_NAMES.get(kind, kind.capitalize())}={_LEVEL_NAMES.get(level, level)}]"
        f" ({expiry_text})"
        for kind, level in active.items()
    )
    if desc:
        text += f" ({desc})"
    if cascade and active:
        text += " [cascading]"
    return text


def _null_protection_revision(
    page: Page,
    title: Title,
    actor: Any,
    active: dict[str, str],
    expiry: datetime | None,
    reason: str,
    cascade: bool,
    *,
    was_protected: bool,
) -> Revision:
    """Record a protection change in the page's history as a null revision, as MediaWiki's
    WikiPage::doUpdateRestrictions does (so the page is no longer new)."""
    latest = Revision.objects.select_related("content").get(pk=page.latest_id)
    now = timezone.now()
    if now < latest.timestamp:
        now = latest.timestamp
    summary = protection_summary(
        title, active, expiry, reason, cascade, was_protected=was_protected
    )
    rev = Revision.objects.create(
        page=page,
        parent_id=latest.pk,
        timestamp=now,
        actor=actor,
        comment=summary[:500],
        minor=True,
        len=latest.len,
        sha1=latest.sha1,
        content=latest.content,
    )
    page.latest = rev
    page.is_new = False
    page.touched = now
    page.save(update_fields=["latest", "is_new", "touched"])
    return rev


class AlreadyRolled(EditError):
    """The last edit was not made by that user, or there is nothing to roll back."""

    code = "alreadyrolled"


def rollback(
    title: Title | str,
    user: Any,
    from_user: str,
    *,
    summary: str | None = None,
    bot: bool = False,
    check_permissions: bool = True,
) -> EditResult:
    """Revert the consecutive latest edits by `from_user` to the last other author's revision."""
    t = as_title(title)
    if check_permissions:
        require_right(user, "rollback")
    page = _require_page(t)
    latest = page.latest
    if latest.actor.name != from_user:
        raise AlreadyRolled()
    target = (
        Revision.objects.filter(page=page)
        .exclude(actor_id=latest.actor_id)
        .order_by("-timestamp", "-id")
        .first()
    )
    if target is None:
        raise EditError("There is no earlier revision by another user to roll back to.")
    if summary is None:
        summary = (
            f"Reverted edits by [[Special:Contributions/{from_user}|{from_user}]] "
            f"([[User talk:{from_user}|talk]]) to last revision by {target.actor.name}"
        )
    result = edit_page(
        t,
        target.content.text,
        user,
        summary=summary,
        minor=True,
        bot=bot and has_right(user, "markbotedits"),
        base_revision_id=latest.pk,
        check_permissions=check_permissions,
        pst=False,
    )
    return result


__all__ = [
    "AlreadyRolled",
    "ArticleExists",
    "MoveResult",
    "SelfMove",
    "delete_page",
    "deleted_revisions",
    "get_page",
    "move_page",
    "protect_page",
    "rollback",
    "undelete_page",
]
