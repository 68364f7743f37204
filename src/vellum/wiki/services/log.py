"""Log entries (MediaWiki's logging table) and recent changes (recentchanges)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.utils import timezone

from vellum.wikitext.title import Title

from ..models import RC_EDIT, RC_LOG, RC_NEW, Actor, LogEntry, Page, RecentChange, Revision

# Log types MediaWiki keeps out of Special:RecentChanges ($wgLogRestrictions aside, "create"
# entries duplicate the page-creation change).
_NOT_IN_RC = {"create"}


def add_log_entry(
    type: str,
    action: str,
    actor: Actor,
    title: Title,
    *,
    comment: str = "",
    params: dict[str, Any] | None = None,
    page_id: int = 0,
    timestamp: datetime | None = None,
    bot: bool = False,
    recent_change: bool = True,
) -> LogEntry:
    """Write a log entry and, for the types MediaWiki shows there, its recent change."""
    ts = timestamp or timezone.now()
    entry = LogEntry.objects.create(
        type=type,
        action=action,
        timestamp=ts,
        actor=actor,
        namespace=title.namespace,
        title=title.dbkey,
        page_id=page_id,
        comment=comment,
        params=params or {},
    )
    if recent_change and type not in _NOT_IN_RC:
        RecentChange.objects.create(
            timestamp=ts,
            actor=actor,
            namespace=title.namespace,
            title=title.dbkey,
            page_id=page_id,
            type=RC_LOG,
            source="mw.log",
            bot=bot,
            comment=comment,
            log=entry,
        )
    return entry


def add_edit_change(
    page: Page,
    revision: Revision,
    *,
    old_len: int | None,
    bot: bool = False,
    source: str | None = None,
) -> RecentChange:
    """The recent change of a saved revision (an edit, or a page creation)."""
    new = revision.parent_id == 0
    return RecentChange.objects.create(
        timestamp=revision.timestamp,
        actor_id=revision.actor_id,
        namespace=page.namespace,
        title=page.title,
        page_id=page.pk,
        this_oldid=revision.pk,
        last_oldid=revision.parent_id,
        type=RC_NEW if new else RC_EDIT,
        source=source or ("mw.new" if new else "mw.edit"),
        minor=revision.minor and not new,
        bot=bot,
        new=new,
        old_len=None if new else old_len,
        new_len=revision.len,
        comment=revision.comment,
    )
