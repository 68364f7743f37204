"""The search index: SQLite FTS5 (table `searchindex`, rowid = page id), or a plain
case-insensitive scan of current texts on other databases (PostgreSQL)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import connection
from django.utils.html import escape

from ..models import Page

_MARK_OPEN, _MARK_CLOSE = "\x01", "\x02"


def fts_enabled() -> bool:
    return connection.vendor == "sqlite"


def update_search_index(page: Page, text: str) -> None:
    """Index the page's title and current text (called on save, import and rebuild)."""
    if not fts_enabled():
        return
    with connection.cursor() as c:
        c.execute("DELETE FROM searchindex WHERE rowid = %s", [page.pk])
        c.execute(
            "INSERT INTO searchindex(rowid, si_title, si_text) VALUES (%s, %s, %s)",
            [page.pk, page.title.replace("_", " "), text],
        )


def remove_from_search_index(page_id: int) -> None:
    if fts_enabled():
        with connection.cursor() as c:
            c.execute("DELETE FROM searchindex WHERE rowid = %s", [page_id])


@dataclass
class SearchHit:
    page: Page
    snippet: str  # HTML, matches in <span class="searchmatch">
    size: int
    words: int


def _fts_query(q: str) -> str:
    terms = re.findall(r"\w+", q, re.UNICODE)
    return " ".join(f'"{t}"' for t in terms)


def _highlight(raw: str) -> str:
    html = escape(raw)
    return html.replace(_MARK_OPEN, '<span class="searchmatch">').replace(_MARK_CLOSE, "</span>")


def search(
    query: str, namespaces: list[int] | None = None, limit: int = 20, offset: int = 0
) -> tuple[list[SearchHit], int]:
    """Full-text search of current page texts; returns (hits, total hits)."""
    namespaces = namespaces or [0]
    # out-of-range numbers from URLs must not reach SQL (SQLite integers are 64-bit)
    limit, offset = max(0, min(limit, 5000)), max(0, min(offset, 2**62))
    if fts_enabled():
        fts = _fts_query(query)
        if not fts:
            return [], 0
        ns_sql = ",".join(str(int(n)) for n in namespaces)
        with connection.cursor() as c:
            c.execute(
                "SELECT count(*) FROM searchindex JOIN page ON page.id = searchindex.rowid "
                f"WHERE searchindex MATCH %s AND page.namespace IN ({ns_sql})",
                [fts],
            )
            total = c.fetchone()[0]
            c.execute(
                "SELECT searchindex.rowid, snippet(searchindex, 1, %s, %s, '…', 24) "
                "FROM searchindex JOIN page ON page.id = searchindex.rowid "
                f"WHERE searchindex MATCH %s AND page.namespace IN ({ns_sql}) "
                "ORDER BY rank LIMIT %s OFFSET %s",
                [_MARK_OPEN, _MARK_CLOSE, fts, limit, offset],
            )
            rows = c.fetchall()
        pages = Page.objects.select_related("latest__content").in_bulk([r[0] for r in rows])
        hits = []
        for pid, snip in rows:
            page = pages.get(pid)
            if page is None:
                continue
            hits.append(SearchHit(page, _highlight(snip), page.len, _words(page)))
        return hits, total
    terms = re.findall(r"\w+", query, re.UNICODE)
    if not terms:
        return [], 0
    qs = Page.objects.filter(namespace__in=namespaces).select_related("latest__content")
    for t in terms:
        qs = qs.filter(latest__content__text__icontains=t)
    total = qs.count()
    hits = []
    for page in qs.order_by("title")[offset : offset + limit]:
        text = page.latest.content.text
        hits.append(SearchHit(page, _plain_snippet(text, terms), page.len, len(text.split())))
    return hits, total


def _words(page: Page) -> int:
    return len(page.latest.content.text.split()) if page.latest_id else 0


def _plain_snippet(text: str, terms: list[str]) -> str:
    low = text.lower()
    pos = min((low.find(t.lower()) for t in terms if t.lower() in low), default=0)
    start = max(0, pos - 80)
    chunk = text[start : start + 200]
    out = escape(chunk)
    for t in terms:
        out = re.sub(
            f"({re.escape(escape(t))})", r'<span class="searchmatch">\1</span>', out, flags=re.I
        )
    return ("…" if start else "") + out + "…"
