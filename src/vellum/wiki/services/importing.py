"""Importing MediaWiki XML dumps into the wiki (MediaWiki's WikiImporter + importDump.php).

`import_dump(source)` streams a dump (any version 0.3-0.11, any compression, see
`vellum.dumps`) into the database, one transaction per page:

- revision ids are kept where free (a taken id gets a new one and the parent ids of the same
  page follow); parents, timestamps, comments, minor flags, content model and format, texts
  (stored once per distinct text) and deletion flags are kept. Deleted text is stored and
  hidden (rev_deleted), as MediaWiki does. MCR slots other than main and a main slot's origin
  when it differs from the revision id are kept in the side table `dump_slot`; `<upload>`
  metadata in `dump_upload`.
- contributors: a name with a local account is attributed to that account; other names are
  recorded as imported actors under the name as written (with the dump's user id), IPs as
  IPs. Hidden contributors get the actor `imported>(username removed)`.
- the sha1 of every text is checked; a mismatch is reported (the text is kept as written).
- titles are mapped as MediaWiki's NaiveImportTitleFactory does: namespaces below 100 that
  exist locally keep their number (with the local name), others go to a local namespace of the
  same name, else to the main namespace with the full title.
- idempotent: a revision already on the page (same id, or same timestamp and sha1) is skipped,
  so importing a dump twice adds nothing and a newer dump adds only the new revisions; the
  page's latest revision is the newest by timestamp.
- after each page: link tables, categories, redirect table and search index from the latest
  revision (old revisions are never rendered), an import log entry, and recent changes for
  revisions within $wgRCMaxAge (90 days).

A malformed or truncated dump raises `DumpError` (byte offset, line); every page before it is
complete, the failing page is rolled back.
"""

from __future__ import annotations

import logging
import os
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, BinaryIO

from django.db import connection, transaction
from django.utils import timezone

from vellum.dumps import DumpError, DumpReader, LogItem, Page, Revision, SiteInfo, Upload
from vellum.dumps.model import MAIN_ROLE, Contributor
from vellum.dumps.sha1 import base36_sha1
from vellum.dumps.writer import default_format, is_ip
from vellum.wikitext.title import InvalidTitle, Title, ucfirst

from .. import models as m
from .titles import namespaces, parse_title

log = logging.getLogger(__name__)

DELETED_USER_NAME = "imported>(username removed)"
MAINTENANCE_USER = "Maintenance script"
RC_MAX_AGE = timedelta(days=90)
BATCH_REVISIONS = 200
BATCH_BYTES = 16 << 20

SIDE_TABLES = (
    "CREATE TABLE IF NOT EXISTS dump_slot ("
    " rev_id BIGINT NOT NULL, role VARCHAR(64) NOT NULL, origin BIGINT NOT NULL,"
    " model VARCHAR(64) NOT NULL, format VARCHAR(64) NOT NULL, content_id BIGINT,"
    " size INTEGER NOT NULL DEFAULT 0, sha1 VARCHAR(32) NOT NULL DEFAULT '',"
    " PRIMARY KEY (rev_id, role))",
    "CREATE TABLE IF NOT EXISTS dump_upload ("
    " page_id BIGINT NOT NULL, timestamp VARCHAR(20) NOT NULL, contributor TEXT NOT NULL,"
    " user_id BIGINT NOT NULL DEFAULT 0, comment TEXT, filename TEXT NOT NULL,"
    " archivename TEXT, src TEXT NOT NULL, size BIGINT NOT NULL DEFAULT 0,"
    " sha1base36 VARCHAR(40), rel TEXT, PRIMARY KEY (page_id, timestamp, filename))",
)


def ensure_side_tables() -> None:
    """Create `dump_slot` and `dump_upload` if they do not exist yet."""
    with connection.cursor() as c:
        for sql in SIDE_TABLES:
            c.execute(sql)


@dataclass
class ImportStats:
    """What an import did, for the progress bar and the final report."""

    pages: int = 0  # pages completed (created or updated)
    pages_created: int = 0
    revisions: int = 0  # revisions added
    skipped: int = 0  # revisions already present
    renumbered: int = 0  # revisions whose id was taken
    sha1_mismatches: list[int] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    uploads: int = 0
    log_items: int = 0  # <logitem>s (not imported: reported)
    restrictions: int = 0  # <restrictions> of pages (not applied: reported)
    renamed: list[tuple[str, str]] = field(default_factory=list)  # (dump title, local title)
    bytes_read: int = 0
    raw_bytes: int = 0
    raw_size: int | None = None
    current_page: str = ""

    def warnings(self) -> list[str]:
        out = []
        if self.sha1_mismatches:
            ids = ", ".join(map(str, self.sha1_mismatches[:10]))
            more = "…" if len(self.sha1_mismatches) > 10 else ""
            out.append(
                f"{len(self.sha1_mismatches)} revision(s) whose text does not match the "
                f"dump's sha1 (kept as written): {ids}{more}"
            )
        if self.unknown:
            out.append(
                f"{len(self.unknown)} unknown element(s) not imported: "
                + ", ".join(sorted(set(self.unknown))[:10])
            )
        if self.log_items:
            out.append(f"{self.log_items} <logitem>(s) not imported")
        if self.restrictions:
            out.append(f"{self.restrictions} page protection(s) (<restrictions>) not applied")
        if self.renumbered:
            out.append(f"{self.renumbered} revision id(s) were taken and got new ids")
        for old, new in self.renamed[:10]:
            out.append(f"page {old!r} imported as {new!r}")
        return out


class TitleMapper:
    """Maps dump titles to local ones (MediaWiki's NaiveImportTitleFactory)."""

    def __init__(self, siteinfo: SiteInfo) -> None:
        self.local = namespaces()
        self.foreign = {ns.key: ns.name for ns in siteinfo.namespaces}

    def _split(self, title: str, ns: int) -> tuple[str, str]:
        """(foreign namespace name, title text) of a dump page."""
        if ns == 0:
            return "", title
        name = self.foreign.get(ns)
        if name and title.startswith(name + ":"):
            return name, title[len(name) + 1 :]
        if name is None and ":" in title:
            prefix, _, rest = title.partition(":")
            return prefix, rest
        return name or "", title

    def _make(self, ns: int, text: str) -> Title:
        local_name = self.local.text(ns)
        try:
            t = parse_title(f"{local_name}:{text}" if local_name else text)
            if t.namespace == ns and not t.fragment:
                return t
        except InvalidTitle:
            pass
        dbkey = text.replace(" ", "_").strip("_")
        if self.local.capital_links:
            dbkey = ucfirst(dbkey)
        if not dbkey or "#" in dbkey:
            raise InvalidTitle("title-invalid-characters", "invalid title", text)
        return Title.make(ns, dbkey, self.local)

    def title(self, page: Page) -> Title:
        ns = page.ns or 0
        ns_name, text = self._split(page.title, ns)
        if 0 <= ns < 100 and ns in self.local.names:
            return self._make(ns, text)
        if ns_name:
            found = self.local.lookup(ns_name)
            if found is not None and found >= 0:
                return self._make(found, text)
        return self._make(0, page.title)


class _Actors:
    """Actor ids by name, created in bulk (imported names, IPs, local users)."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def resolve(self, contributors: list[Contributor]) -> None:
        wanted: dict[str, int] = {}
        for c in contributors:
            name = self.name_of(c)
            if name not in self.ids:
                wanted.setdefault(name, c.id or 0)
        if not wanted:
            return
        names = list(wanted)
        for i in range(0, len(names), 500):
            part = names[i : i + 500]
            for pk, name in m.Actor.objects.filter(name__in=part).values_list("id", "name"):
                self.ids[name] = pk
        missing = [n for n in names if n not in self.ids]
        if missing:
            m.Actor.objects.bulk_create(
                [
                    m.Actor(
                        name=n,
                        imported=not is_ip(n),
                        imported_user_id=0 if is_ip(n) else wanted[n],
                    )
                    for n in missing
                ],
                batch_size=500,
            )
            for i in range(0, len(missing), 500):
                part = missing[i : i + 500]
                for pk, name in m.Actor.objects.filter(name__in=part).values_list("id", "name"):
                    self.ids[name] = pk

    @staticmethod
    def name_of(c: Contributor) -> str:
        if c.deleted or c.name is None:
            return DELETED_USER_NAME
        return c.name[:255]

    def id_of(self, c: Contributor) -> int:
        return self.ids[self.name_of(c)]


def _contents(texts: dict[str, str]) -> dict[str, int]:
    """Content ids for sha1 -> text, inserting the texts not stored yet."""
    ids: dict[str, int] = {}
    shas = list(texts)
    for i in range(0, len(shas), 500):
        part = shas[i : i + 500]
        ids.update(m.Content.objects.filter(sha1__in=part).values_list("sha1", "id"))
    new = [
        m.Content(sha1=sha, text=text, size=len(text.encode("utf-8")))
        for sha, text in texts.items()
        if sha not in ids
    ]
    if new:
        created = m.Content.objects.bulk_create(new, batch_size=100)
        if all(c.pk for c in created):
            ids.update((c.sha1, c.pk) for c in created)
        else:  # a backend without RETURNING
            ids.update(
                m.Content.objects.filter(sha1__in=[c.sha1 for c in new]).values_list("sha1", "id")
            )
    return ids


class _PageImport:
    """The revisions of one page being imported, written in batches."""

    def __init__(self, importer: Importer, page: m.Page, created: bool) -> None:
        self.importer = importer
        self.page = page
        self.created = created
        self.existing_ids: set[int] = set()
        self.existing_keys: dict[tuple[Any, str], int] = {}
        self.id_map: dict[int, int] = {}
        self.last_id = 0  # the previous revision of the page in dump order
        self.latest: tuple[Any, int] | None = None  # (timestamp, id) of the newest revision
        self.added = 0
        self.added_revisions: list[tuple[int, Any]] = []  # (id, timestamp) of recent ones
        if not created:
            for pk, ts, sha in m.Revision.objects.filter(page=page).values_list(
                "id", "timestamp", "sha1"
            ):
                self.existing_ids.add(pk)
                self.existing_keys[(ts, sha)] = pk
                if self.latest is None or (ts, pk) > self.latest:
                    self.latest = (ts, pk)
            if self.latest:
                self.last_id = self.latest[1]

    def add(self, revs: list[Revision]) -> None:
        imp = self.importer
        stats = imp.stats
        rows = []
        for rev in revs:
            ts = rev.datetime()
            sha = rev.computed_sha1() or rev.sha1 or ""
            known = self.existing_keys.get((ts, sha))
            if known is None and rev.id in self.existing_ids:
                known = rev.id
            if known is not None:
                stats.skipped += 1
                self.id_map[rev.id] = known
                self.last_id = known
                continue
            if rev.sha1_mismatch():
                stats.sha1_mismatches.append(rev.id)
            for u in rev.unknown:
                stats.unknown.append(u.path)
            rows.append((rev, ts, sha))
        if not rows:
            return
        rows.sort(key=lambda r: (r[1], r[0].id))
        imp.actors.resolve([r[0].contributor for r in rows])
        texts: dict[str, str] = {}
        for rev, _, _ in rows:
            for slot in rev.slots:
                text = slot.text if slot.text is not None else ""
                texts.setdefault(slot.sha1() if slot.text is not None else _EMPTY, text)
        content_ids = _contents(texts)
        ids = [r[0].id for r in rows]
        taken = set(m.Revision.objects.filter(id__in=ids).values_list("id", flat=True))
        objs = []
        slot_rows = []
        for rev, ts, sha in rows:
            main = rev.main
            deleted = (
                (m.DELETED_TEXT if main.text_deleted else 0)
                | (m.DELETED_COMMENT if rev.comment_deleted else 0)
                | (m.DELETED_USER if rev.contributor.deleted else 0)
            )
            pk = rev.id if rev.id not in taken else None
            if pk is None:
                stats.renumbered += 1
            parent = self.id_map.get(rev.parentid, rev.parentid) if rev.parentid else self.last_id
            model = main.model or "wikitext"
            text_sha = main.sha1() if main.text is not None else _EMPTY
            obj = m.Revision(
                id=pk,
                page_id=self.page.pk,
                parent_id=parent or 0,
                timestamp=ts,
                actor_id=imp.actors.id_of(rev.contributor),
                comment=rev.comment or "",
                minor=rev.minor,
                deleted=deleted,
                len=main.size(),
                sha1=sha,
                content_id=content_ids[text_sha],
                content_model=model,
                content_format=main.format or default_format(model),
            )
            objs.append((rev, obj, ts, sha))
        created = m.Revision.objects.bulk_create([o[1] for o in objs], batch_size=200)
        if any(o.pk is None for o in created):  # a backend without RETURNING
            for _rev, obj, ts, _ in objs:
                if obj.pk is None:
                    obj.pk = (
                        m.Revision.objects.filter(page_id=self.page.pk, timestamp=ts)
                        .order_by("-id")
                        .values_list("id", flat=True)
                        .first()
                    )
        cutoff = timezone.now() - RC_MAX_AGE
        for rev, obj, ts, sha in objs:
            self.id_map[rev.id] = obj.pk
            self.existing_ids.add(obj.pk)
            self.existing_keys[(ts, sha)] = obj.pk
            self.last_id = obj.pk
            if self.latest is None or (ts, obj.pk) > self.latest:
                self.latest = (ts, obj.pk)
            if ts >= cutoff:
                self.added_revisions.append((obj.pk, ts))
            for slot in rev.slots:
                if slot.role == MAIN_ROLE and (slot.origin in (None, rev.id)):
                    continue
                origin = self.id_map.get(slot.origin or rev.id, slot.origin or obj.pk)
                text_sha = slot.sha1() if slot.text is not None else _EMPTY
                slot_rows.append(
                    (
                        obj.pk,
                        slot.role,
                        origin,
                        slot.model or "wikitext",
                        slot.format or default_format(slot.model),
                        content_ids[text_sha] if slot.text is not None else None,
                        slot.size(),
                        slot.sha1() or "",
                    )
                )
        if slot_rows:
            with connection.cursor() as c:
                c.executemany(
                    "INSERT INTO dump_slot (rev_id, role, origin, model, format, content_id,"
                    " size, sha1) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                    slot_rows,
                )
        self.added += len(objs)
        stats.revisions += len(objs)

    def add_upload(self, up: Upload) -> None:
        c = up.contributor
        with connection.cursor() as cur:
            cur.execute(
                "SELECT 1 FROM dump_upload WHERE page_id = %s AND timestamp = %s AND filename = %s",
                [self.page.pk, up.timestamp, up.filename],
            )
            if cur.fetchone():
                return
            cur.execute(
                "INSERT INTO dump_upload (page_id, timestamp, contributor, user_id, comment,"
                " filename, archivename, src, size, sha1base36, rel)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                [
                    self.page.pk,
                    up.timestamp,
                    _Actors.name_of(c),
                    c.id or 0,
                    up.comment,
                    up.filename,
                    up.archivename,
                    up.src,
                    up.size,
                    up.sha1base36,
                    up.rel,
                ],
            )
        self.importer.stats.uploads += 1

    def finish(self) -> None:
        """Point the page at its newest revision and rebuild what derives from it."""
        from .links import redirect_target

        if self.latest is None:
            return
        page = self.page
        latest = m.Revision.objects.select_related("content").get(pk=self.latest[1])
        changed = page.latest_id != latest.pk
        page.latest = latest
        page.len = latest.len
        page.content_model = latest.content_model
        page.is_redirect = redirect_target(latest.content.text) is not None
        page.is_new = m.Revision.objects.filter(page=page).count() == 1
        page.touched = timezone.now()
        page.save(
            update_fields=["latest", "len", "content_model", "is_redirect", "is_new", "touched"]
        )
        imp = self.importer
        if self.added:
            self._recent_changes()
            imp.log_import(page, self.added)
        if imp.update_links and (changed or self.created):
            from .links import update_secondary_data

            update_secondary_data(page, latest, store_parser_cache=False)

    def _recent_changes(self) -> None:
        if not self.added_revisions:
            return
        from .log import add_edit_change

        by_id = {
            r.pk: r for r in m.Revision.objects.filter(pk__in=[i for i, _ in self.added_revisions])
        }
        lens = dict(
            m.Revision.objects.filter(
                pk__in=[r.parent_id for r in by_id.values() if r.parent_id]
            ).values_list("id", "len")
        )
        for pk, _ in sorted(self.added_revisions, key=lambda x: (x[1], x[0])):
            rev = by_id[pk]
            add_edit_change(self.page, rev, old_len=lens.get(rev.parent_id), source="mw.import")


_EMPTY = base36_sha1("")


class Importer:
    """One import run; see `import_dump`."""

    def __init__(
        self,
        *,
        performer: Any = None,
        update_links: bool = True,
        progress: Callable[[ImportStats], None] | None = None,
        comment: str = "",
    ) -> None:
        self.update_links = update_links
        self.progress = progress
        self.comment = comment
        self.stats = ImportStats()
        self.actors = _Actors()
        self._performer = performer
        self._performer_actor: m.Actor | None = None

    def performer(self) -> m.Actor:
        if self._performer_actor is None:
            from .users import actor_for, actor_for_name

            if self._performer is None:
                self._performer_actor = actor_for_name(MAINTENANCE_USER, imported=True)
            else:
                self._performer_actor = actor_for(self._performer)
        return self._performer_actor

    def log_import(self, page: m.Page, count: int) -> None:
        from .log import add_log_entry
        from .titles import title_of

        add_log_entry(
            "import",
            "upload",
            self.performer(),
            title_of(page),
            comment=self.comment,
            params={"count": count},
            page_id=page.pk,
        )

    def run(self, reader: DumpReader) -> ImportStats:
        ensure_side_tables()
        stats = self.stats
        stats.raw_size = reader.source.raw_size
        siteinfo = reader.read_siteinfo()
        for u in siteinfo.unknown:
            stats.unknown.append(u.path)
        mapper = TitleMapper(siteinfo)
        items = iter(reader)
        while True:
            try:
                item = next(items)
            except StopIteration:
                break
            if isinstance(item, LogItem):
                stats.log_items += 1
                continue
            self._page(item, mapper, reader)
            self._tick(reader)
        for u in reader.unknown:
            if u.path.count("/") == 0:
                stats.unknown.append(u.path)
        self._tick(reader)
        _reset_sequences()
        return stats

    def _tick(self, reader: DumpReader) -> None:
        self.stats.bytes_read = reader.bytes_read
        self.stats.raw_bytes = reader.source.raw_position
        if self.progress:
            self.progress(self.stats)

    def _page(self, page: Page, mapper: TitleMapper, reader: DumpReader) -> None:
        stats = self.stats
        try:
            title = mapper.title(page)
        except InvalidTitle as e:
            raise reader.error(f"invalid page title {page.title!r}: {e}", page.line) from None
        stats.current_page = title.prefixed_text
        if title.prefixed_text != page.title and len(stats.renamed) < 1000:
            stats.renamed.append((page.title, title.prefixed_text))
        if page.restrictions:
            stats.restrictions += 1
        for u in page.unknown:
            stats.unknown.append(u.path)
        with transaction.atomic():
            row = (
                m.Page.objects.select_for_update()
                .filter(namespace=title.namespace, title=title.dbkey)
                .first()
            )
            created = row is None
            if row is None:
                pk = page.id if page.id and not m.Page.objects.filter(pk=page.id).exists() else None
                row = m.Page.objects.create(
                    id=pk,
                    namespace=title.namespace,
                    title=title.dbkey,
                    touched=timezone.now(),
                    random=random.random(),
                )
                stats.pages_created += 1
            work = _PageImport(self, row, created)
            batch: list[Revision] = []
            size = 0
            for item in page.items:
                if isinstance(item, Upload):
                    stats.unknown.extend(u.path for u in item.unknown)
                    work.add_upload(item)
                    continue
                batch.append(item)
                size += sum(len(s.text or "") for s in item.slots)
                if len(batch) >= BATCH_REVISIONS or size >= BATCH_BYTES:
                    work.add(batch)
                    batch, size = [], 0
                    self._tick(reader)
            if batch:
                work.add(batch)
            if work.latest is None:
                # A page without any revision: nothing to keep.
                transaction.set_rollback(True)
                stats.pages_created -= int(created)
                return
            work.finish()
        stats.pages += 1


def _reset_sequences() -> None:
    """After inserting explicit ids, move PostgreSQL's sequences past them."""
    if connection.vendor != "postgresql":
        return
    from django.core.management.color import no_style

    sql = connection.ops.sequence_reset_sql(no_style(), [m.Page, m.Revision])
    with connection.cursor() as c:
        for stmt in sql:
            c.execute(stmt)


def import_dump(
    source: str | os.PathLike[str] | BinaryIO | DumpReader,
    *,
    performer: Any = None,
    update_links: bool = True,
    progress: Callable[[ImportStats], None] | None = None,
    comment: str = "",
    name: str | None = None,
) -> ImportStats:
    """Import a dump (path, "-", binary stream or DumpReader); see the module docstring.

    `performer` (a Django user or Actor; default "Maintenance script") is who the import log
    entries name. `update_links=False` skips link tables and the search index (run
    `vellum rebuild` afterwards). Raises DumpError on bad input (pages before it are kept).
    """
    reader = source if isinstance(source, DumpReader) else DumpReader(source, name=name)
    try:
        return Importer(
            performer=performer, update_links=update_links, progress=progress, comment=comment
        ).run(reader)
    finally:
        if not isinstance(source, DumpReader):
            reader.close()


__all__ = [
    "DELETED_USER_NAME",
    "DumpError",
    "ImportStats",
    "Importer",
    "TitleMapper",
    "ensure_side_tables",
    "import_dump",
]
