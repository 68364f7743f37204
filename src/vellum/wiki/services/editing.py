"""Saving pages: the one place that writes revisions (MediaWiki's PageUpdater + EditPage logic).

`edit_page` runs in one transaction: it re-reads the page, checks the revision the editor
started from, merges concurrent changes with a 3-way merge (merge3, line-based like
MediaWiki's diff3) or raises `EditConflict`, skips null edits, and writes the content (once
per distinct text), the revision, the page row, the recent change and, for a new page, the
creation log. Link tables, the search index and the parser cache are updated right after
the commit (MediaWiki's deferred LinksUpdate).
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import merge3
from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone

from vellum.wikitext.title import Title

from ..models import Actor, Content, LogEntry, Page, PageRestriction, ProtectedTitle, Revision
from .errors import (
    ContentTooBig,
    EditConflict,
    EditError,
    MissingPage,
    NoSuchRevision,
    PageDeleted,
    PageExists,
    PermissionDenied,
    ProtectedPage,
)
from .log import add_edit_change, add_log_entry
from .titles import as_title, sha1_base36
from .users import actor_for, has_right

log = logging.getLogger(__name__)

# Protection levels and the right that lets a user edit past them ($wgRestrictionLevels).
LEVEL_RIGHTS = {"autoconfirmed": "editsemiprotected", "sysop": "editprotected"}


@dataclass
class EditResult:
    page: Page
    revision: Revision | None  # None for a null edit
    old_revision_id: int  # 0 when the page was created
    created: bool = False
    null_edit: bool = False
    merged: bool = False  # a concurrent change was merged in
    text: str = ""

    @property
    def revision_id(self) -> int:
        return self.revision.pk if self.revision else self.old_revision_id


class UndoFailed(EditError):
    """The edit could not be undone due to conflicting intermediate edits."""

    code = "undofailure"


def normalize_text(text: str) -> str:
    """As MediaWiki does on save: NFC, line endings to \\n, trailing whitespace trimmed."""
    text = unicodedata.normalize("NFC", text)
    return text.replace("\r\n", "\n").replace("\r", "\n").rstrip()


def merge_texts(base: str, current: str, mine: str) -> str | None:
    """Line-based 3-way merge; None if the changes overlap (an edit conflict)."""
    lines = [(t + "\n").splitlines(keepends=True) for t in (base, current, mine)]
    m = merge3.Merge3(lines[0], lines[1], lines[2])
    out: list[str] = []
    for group in m.merge_groups():
        kind = group[0]
        if kind == "conflict":
            _, base_l, cur_l, mine_l = group
            if cur_l == mine_l:
                out.extend(cur_l)
                continue
            return None
        out.extend(group[1])
    return "".join(out).rstrip()


def restriction_level(page: Page | None, title: Title, action: str = "edit") -> str:
    """The protection level of `action` on a page (or of creating a missing title), '' if none."""
    now = timezone.now()
    if page is None:
        if action not in ("edit", "create"):
            return ""
        pt = ProtectedTitle.objects.filter(namespace=title.namespace, title=title.dbkey).first()
        if pt and (pt.expiry is None or pt.expiry > now):
            return pt.level
        return ""
    r = PageRestriction.objects.filter(page=page, type=action).first()
    if r and (r.expiry is None or r.expiry > now):
        return r.level
    return ""


def check_edit_permissions(user: Any, title: Title, page: Page | None) -> None:
    """Raise PermissionDenied / ProtectedPage unless `user` may edit (or create) the page."""
    if title.namespace < 0:
        raise PermissionDenied("Special pages cannot be edited.", "edit")
    if not has_right(user, "edit"):
        raise PermissionDenied("You do not have permission to edit pages.", "edit")
    if page is None:
        right = "createtalk" if title.namespace % 2 == 1 else "createpage"
        if not has_right(user, right):
            raise PermissionDenied("You do not have permission to create pages.", right)
    if title.namespace == 8 and not has_right(user, "editinterface"):
        raise ProtectedPage(
            "This page provides interface text for the software on this wiki, and is "
            "protected to prevent abuse.",
            "sysop",
        )
    level = restriction_level(page, title, "edit" if page else "create")
    if level and not has_right(user, LEVEL_RIGHTS.get(level, level)):
        raise ProtectedPage(
            "This page has been protected to prevent editing or other actions."
            if level == "sysop"
            else "This page has been protected so that only autoconfirmed users can edit it.",
            level,
        )


def _get_content(text: str, sha1: str) -> Content:
    content = Content.objects.filter(sha1=sha1).first()
    if content is not None:
        return content
    try:
        with transaction.atomic():
            return Content.objects.create(sha1=sha1, text=text, size=len(text.encode("utf-8")))
    except IntegrityError:
        return Content.objects.get(sha1=sha1)


def store_content(text: str) -> Content:
    """The Content row of a text, created if it is new (content is stored once per sha1)."""
    return _get_content(text, sha1_base36(text))


def _pre_save_transform(text: str, title: Title, actor: Actor) -> str:
    try:
        from vellum.wikitext.pst import pre_save_transform
    except ImportError:
        return text
    from .rendering import DatabaseSite

    try:
        return pre_save_transform(text, title, DatabaseSite(), actor.name)
    except Exception:
        log.exception("pre-save transform of %s failed; saving the text as written", title)
        return text


def edit_page(
    title: Title | str,
    text: str,
    user: Any = None,
    *,
    actor: Actor | str | None = None,
    summary: str = "",
    minor: bool = False,
    bot: bool = False,
    base_revision_id: int | None = None,
    base_timestamp: datetime | None = None,
    start_timestamp: datetime | None = None,
    create_only: bool = False,
    no_create: bool = False,
    recreate: bool = False,
    check_permissions: bool = True,
    pst: bool = True,
    timestamp: datetime | None = None,
    section: int | str | None = None,
    section_title: str = "",
    same_user_rule: bool = True,
) -> EditResult:
    """Save `text` as the new content of `title`, by `user` (a Django user or AnonymousUser).

    `actor` is who the revision is attributed to (default: the user's actor; pass the
    client's IP for anonymous edits). `base_revision_id` is the revision the editor started
    from: 0 for a page that did not exist, None to skip conflict detection (as the API does
    without basetimestamp); `base_timestamp` (API basetimestamp) is an alternative.
    `start_timestamp` (API starttimestamp) detects a deletion since the editor started.

    `section` (a number, or "new" with `section_title`) makes `text` the new text of that
    section of the base revision (action=edit&section=N); the result is then merged as any
    edit.

    `same_user_rule=False` turns off MediaWiki's self-conflict rule (keep the editor's text
    when a merge fails but only they edited since the base revision), which MediaWiki applies
    to whole-page edits only: the API passes it with `section=` so that an overlapping section
    edit is an edit conflict even for the last editor.

    Raises InvalidTitle, PermissionDenied, ProtectedPage, MissingPage (no_create),
    PageExists (create_only), PageDeleted, ContentTooBig, EditConflict, NoSuchSection.
    """
    title = as_title(title)
    if title.namespace < 0 or title.interwiki:
        raise PermissionDenied("This page cannot be edited.", "edit")
    actor = actor_for(actor if actor is not None else user)
    if section is not None:
        text, summary = _with_section(
            title, text, section, section_title, summary, base_revision_id
        )
    text = normalize_text(text)
    limit = settings.MAX_ARTICLE_SIZE
    if len(text.encode("utf-8")) > limit:
        raise ContentTooBig(len(text.encode("utf-8")), limit)
    summary = " ".join(summary.split())[:500]
    if minor and user is not None and not has_right(user, "minoredit"):
        minor = False
    if bot and not (user is not None and "bot" in _rights(user)):
        bot = False

    try:
        with transaction.atomic():
            result = _save(
                title,
                text,
                user,
                actor,
                summary=summary,
                minor=minor,
                bot=bot,
                base_revision_id=base_revision_id,
                base_timestamp=base_timestamp,
                start_timestamp=start_timestamp,
                create_only=create_only,
                no_create=no_create,
                recreate=recreate,
                check_permissions=check_permissions,
                pst=pst,
                timestamp=timestamp,
                same_user_rule=same_user_rule,
            )
    except IntegrityError as e:
        # Another writer created the page between our read and insert (PostgreSQL only;
        # SQLite's IMMEDIATE transactions serialise writers): the page moved on.
        if Page.objects.filter(namespace=title.namespace, title=title.dbkey).exists():
            if create_only:
                raise PageExists() from e
            page = Page.objects.get(namespace=title.namespace, title=title.dbkey)
            raise EditConflict(page, page.latest, text, None) from e
        raise
    if result.revision is not None:
        after_save(result)
    return result


def _with_section(
    title: Title,
    text: str,
    section: int | str,
    section_title: str,
    summary: str,
    base_revision_id: int | None,
) -> tuple[str, str]:
    """The whole page text for a section edit, made from the revision the editor started
    from (so that a concurrent change elsewhere in the page is merged, not lost)."""
    from .sections import parse_section, replace_section

    sec = parse_section(section)
    base = None
    if base_revision_id:
        base = Revision.objects.filter(pk=base_revision_id).select_related("content").first()
    if base is None:
        page = (
            Page.objects.filter(namespace=title.namespace, title=title.dbkey)
            .select_related("latest__content")
            .first()
        )
        base = page.latest if page else None
    base_text = base.content.text if base else ""
    if sec == "new" and section_title and summary in ("", section_title):
        summary = f"/* {section_title} */ new section"
    return replace_section(base_text, sec, normalize_text(text), section_title), summary


def _rights(user: Any) -> set[str]:
    from .users import user_rights

    return user_rights(user)


def _save(
    title: Title,
    text: str,
    user: Any,
    actor: Actor,
    *,
    summary: str,
    minor: bool,
    bot: bool,
    base_revision_id: int | None,
    base_timestamp: datetime | None,
    start_timestamp: datetime | None,
    create_only: bool,
    no_create: bool,
    recreate: bool,
    check_permissions: bool,
    pst: bool,
    timestamp: datetime | None,
    same_user_rule: bool = True,
) -> EditResult:
    page = (
        Page.objects.select_for_update(of=("self",))
        .select_related("latest", "latest__content")
        .filter(namespace=title.namespace, title=title.dbkey)
        .first()
    )
    if check_permissions:
        check_edit_permissions(user, title, page)
    merged = False
    if page is None:
        if no_create:
            raise MissingPage()
        if not recreate and _deleted_since(title, base_revision_id, start_timestamp):
            raise PageDeleted()
    else:
        if create_only:
            raise PageExists()
        current = page.latest
        base_id = base_revision_id
        if base_id is None and base_timestamp is not None:
            base_rev = (
                Revision.objects.filter(page=page, timestamp__lte=base_timestamp)
                .order_by("-timestamp", "-id")
                .first()
            )
            base_id = base_rev.pk if base_rev else 0
        if current is not None and base_id is not None and base_id != current.pk:
            text, merged = _resolve_conflict(
                page, current, base_id, text, actor, same_user_rule=same_user_rule
            )
    if pst:
        text = _pre_save_transform(text, title, actor)
        text = normalize_text(text)
        if len(text.encode("utf-8")) > settings.MAX_ARTICLE_SIZE:
            raise ContentTooBig(len(text.encode("utf-8")), settings.MAX_ARTICLE_SIZE)

    sha1 = sha1_base36(text)
    if page is not None and page.latest is not None and page.latest.sha1 == sha1:
        return EditResult(page, None, page.latest_id, null_edit=True, merged=merged, text=text)

    now = timestamp or timezone.now()
    parent = page.latest if page is not None else None
    if parent is not None and now < parent.timestamp and timestamp is None:
        now = parent.timestamp  # never let history go backwards on clock skew
    content = _get_content(text, sha1)
    created = page is None
    size = len(text.encode("utf-8"))
    if created:
        import random

        page = Page.objects.create(
            namespace=title.namespace,
            title=title.dbkey,
            touched=now,
            random=random.random(),
            is_new=True,
        )
    rev = Revision.objects.create(
        page=page,
        parent_id=parent.pk if parent else 0,
        timestamp=now,
        actor=actor,
        comment=summary,
        minor=minor and not created,
        len=size,
        sha1=sha1,
        content=content,
    )
    from .links import redirect_target

    page.latest = rev
    page.len = size
    page.is_new = created
    page.is_redirect = redirect_target(text) is not None
    page.touched = timezone.now()
    page.save(update_fields=["latest", "len", "is_new", "is_redirect", "touched"])
    add_edit_change(page, rev, old_len=parent.len if parent else None, bot=bot)
    if created:
        add_log_entry(
            "create", "create", actor, title, comment=summary, page_id=page.pk, timestamp=now
        )
    return EditResult(
        page, rev, parent.pk if parent else 0, created=created, merged=merged, text=text
    )


def _deleted_since(title: Title, base_revision_id: int | None, start: datetime | None) -> bool:
    """Was the page deleted after the editor loaded it (they edited an existing revision, or
    a deletion was logged after `start`)?"""
    if base_revision_id:
        return True
    if start is None:
        return False
    return LogEntry.objects.filter(
        type="delete",
        action="delete",
        namespace=title.namespace,
        title=title.dbkey,
        timestamp__gte=start,
    ).exists()


def _resolve_conflict(
    page: Page,
    current: Revision,
    base_id: int,
    text: str,
    actor: Actor,
    *,
    same_user_rule: bool = True,
) -> tuple[str, bool]:
    """The text to save when the page moved on since revision `base_id`: a clean 3-way merge;
    else, if only this actor edited since, their text (MediaWiki's self-conflict rule); else
    EditConflict."""
    if base_id:
        base = Revision.objects.filter(pk=base_id, page=page).select_related("content").first()
        if base is None:
            raise NoSuchRevision(base_id)
        only_self = same_user_rule and (
            not Revision.objects.filter(page=page, id__gt=base.pk).exclude(actor=actor).exists()
        )
        base_text = base.content.text
    else:
        only_self = False
        base_text = ""  # the editor started on a page that did not exist then
    current_text = current.content.text
    if text == current_text:
        return text, False
    merged = merge_texts(base_text, current_text, text)
    if merged is None:
        if only_self:
            return text, False
        raise EditConflict(page, current, text, base_text)
    return merged, True


def after_save(result: EditResult) -> None:
    """Deferred updates after a revision is committed: link tables, search index, parser
    cache; pages that transclude (or, for a new page, link to) this one are re-rendered."""
    from .links import invalidate_users_of, update_secondary_data
    from .titles import title_of

    page = result.page
    try:
        update_secondary_data(page, result.revision)
    except Exception:
        log.exception("secondary data update of page %s failed", page.pk)
    invalidate_users_of(title_of(page), links=result.created)
    cache.delete("wiki:statistics")


def undo_text(page: Page, undo: Revision, undo_after: Revision) -> str:
    """The text of `page` with the changes from `undo_after` to `undo` taken back
    (action=edit&undo=N&undoafter=M). Raises UndoFailed when later edits overlap."""
    if undo.page_id != page.pk or undo_after.page_id != page.pk:
        raise UndoFailed("The revisions to undo do not belong to this page.")
    current = page.latest
    if current.pk == undo.pk:
        return undo_after.content.text
    merged = merge_texts(undo.content.text, current.content.text, undo_after.content.text)
    if merged is None:
        raise UndoFailed()
    return merged


def undo_summary(undo: Revision) -> str:
    name = undo.actor.name
    return (
        f"Undo revision {undo.pk} by [[Special:Contributions/{name}|{name}]] "
        f"([[User talk:{name}|talk]])"
    )


__all__ = [
    "EditResult",
    "UndoFailed",
    "check_edit_permissions",
    "edit_page",
    "merge_texts",
    "normalize_text",
    "restriction_level",
    "store_content",
    "undo_summary",
    "undo_text",
]
