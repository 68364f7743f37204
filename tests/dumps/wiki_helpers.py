"""Helpers of the import/export tests: facts of a dump, and wiping the wiki between runs."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from vellum.dumps import Page, open_dump


def _tail(title: str) -> str:
    # Namespace names differ between wikis (Wikipedia: -> Vellum:); compare the rest.
    return title.split(":", 1)[1] if ":" in title else title


def dump_facts(source: Path | bytes) -> dict[int, tuple[str, list[tuple[Any, ...]]]]:
    """page id -> (title without namespace, revisions) for comparing dumps."""
    reader = open_dump(io.BytesIO(source) if isinstance(source, bytes) else source)
    out: dict[int, tuple[str, list[tuple[Any, ...]]]] = {}
    for page in reader:
        if not isinstance(page, Page):
            continue
        revs = []
        for r in page.items:
            c = r.contributor
            # An IP-like name that is no valid IP ("15.22") is written as <username> with id 0,
            # as MediaWiki does: compare the name and a non-zero id.
            who = ("deleted",) if c.deleted else (c.name, c.id or None)
            revs.append(
                (
                    r.id,
                    r.timestamp,
                    who,
                    None if r.comment_deleted else (r.comment or None),
                    r.comment_deleted,
                    r.minor,
                    tuple(
                        (s.role, s.model or "wikitext", None if s.text is None else s.sha1())
                        for s in r.slots
                    ),
                )
            )
        out[page.id] = (_tail(page.title), revs)
    return out


def parents(source: Path | bytes) -> dict[int, int]:
    reader = open_dump(io.BytesIO(source) if isinstance(source, bytes) else source)
    return {r.id: r.parentid for p in reader for r in p.items if r.parentid}


def wipe_wiki() -> None:
    """Empty every table the import writes (a fresh wiki, within one test)."""
    from django.db import connection

    from vellum.wiki import models as m

    m.Page.objects.update(latest=None)
    for model in (
        m.ParserCacheEntry,
        m.RecentChange,
        m.LogEntry,
        m.PageLink,
        m.TemplateLink,
        m.CategoryLink,
        m.ImageLink,
        m.ExternalLink,
        m.LangLink,
        m.Redirect,
        m.Revision,
        m.Page,
        m.Content,
        m.Actor,
    ):
        model.objects.all().delete()
    with connection.cursor() as c:
        for table in ("dump_slot", "dump_upload", "searchindex"):
            try:
                c.execute(f"DELETE FROM {table}")
            except Exception:
                pass
