"""ApiPageSet: the pages a query works on, from titles, pageids, revids or a generator.

Titles are normalised (reported in `normalized`), redirects followed on request (`redirects`),
and every page lands in one bucket: existing, missing (negative fake ids), invalid, special,
interwiki, bad revision ids or missing page ids — as MediaWiki's ApiPageSet sorts them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from vellum.wiki.models import Page, Redirect, Revision
from vellum.wiki.services.titles import make_title, parse_title, site_config
from vellum.wikitext.title import InvalidTitle, Title

if TYPE_CHECKING:
    from ..main import ApiMain


@dataclass
class Entry:
    """One page of the set: an existing Page, or a Title with a negative fake id."""

    key: int  # page id, or a negative fake id
    title: Title
    page: Page | None = None
    kind: str = "good"  # good | missing | invalid | special


class PageSet:
    def __init__(self, api: ApiMain, follow_redirects: bool = False) -> None:
        self.api = api
        self.follow_redirects = follow_redirects
        self.entries: list[Entry] = []
        self.invalid: list[tuple[int, str, str]] = []  # (fake id, text, reason)
        self.interwiki: list[tuple[str, str]] = []
        self.normalized: list[tuple[str, str]] = []
        self.redirects: list[tuple[str, str, str]] = []  # from, to, fragment
        self.bad_revids: list[int] = []
        self.missing_pageids: list[int] = []
        self.revisions: dict[int, Revision] = {}  # revids given: id -> Revision
        self._fake = 0
        self._seen: set[tuple[int, str]] = set()

    # -- buckets
    def good(self) -> list[Entry]:
        return [e for e in self.entries if e.kind == "good"]

    def missing(self) -> list[Entry]:
        return [e for e in self.entries if e.kind == "missing"]

    def all_titles(self) -> list[Entry]:
        return [e for e in self.entries if e.kind in ("good", "missing", "special")]

    def _next_fake(self) -> int:
        self._fake -= 1
        return self._fake

    # -- input
    def add_titles(self, texts: list[str]) -> None:
        parsed: list[Title] = []
        for text in texts:
            try:
                t = site_config().parse_title(text)
            except InvalidTitle as e:
                self.invalid.append((self._next_fake(), text, str(e)))
                continue
            if t.interwiki:
                self.interwiki.append((text, t.interwiki))
                continue
            t = Title(t.namespace, t.dbkey, "", "", t.ns_name)
            if t.prefixed_text != text:
                self.normalized.append((text, t.prefixed_text))
            parsed.append(t)
        self.add_title_objects(parsed)

    def add_title_objects(self, titles: list[Title]) -> None:
        by_key: dict[tuple[int, str], Page] = {}
        by_ns: dict[int, list[str]] = {}
        for t in titles:
            if t.namespace >= 0:
                by_ns.setdefault(t.namespace, []).append(t.dbkey)
        for ns, keys in by_ns.items():
            for i in range(0, len(keys), 500):
                for p in Page.objects.filter(namespace=ns, title__in=keys[i : i + 500]):
                    by_key[(ns, p.title)] = p
        for t in titles:
            k = (t.namespace, t.dbkey)
            if k in self._seen:
                continue
            self._seen.add(k)
            if t.namespace < 0:
                self.entries.append(Entry(self._next_fake(), t, kind="special"))
            elif k in by_key:
                page = by_key[k]
                self.entries.append(Entry(page.pk, t, page))
            else:
                self.entries.append(Entry(self._next_fake(), t, kind="missing"))

    def add_pages(self, pages: list[Page]) -> None:
        for page in pages:
            k = (page.namespace, page.title)
            if k in self._seen:
                continue
            self._seen.add(k)
            self.entries.append(Entry(page.pk, make_title(page.namespace, page.title), page))

    def add_pageids(self, ids: list[int]) -> None:
        found = Page.objects.in_bulk(ids)
        for pid in ids:
            page = found.get(pid)
            if page is None:
                if pid not in self.missing_pageids:
                    self.missing_pageids.append(pid)
            else:
                self.add_pages([page])

    def add_revids(self, ids: list[int]) -> None:
        revs = Revision.objects.filter(pk__in=ids, page__isnull=False).select_related("page")
        found = {r.pk: r for r in revs}
        for rid in ids:
            rev = found.get(rid)
            if rev is None:
                self.bad_revids.append(rid)
                continue
            self.revisions[rid] = rev
            self.add_pages([rev.page])

    def add_mixed(self, items: list[Any]) -> None:
        """Generator output: Page objects and Titles, in order."""
        pages = [i for i in items if isinstance(i, Page)]
        titles = [i for i in items if isinstance(i, Title)]
        self.add_pages(pages)
        self.add_title_objects(titles)

    # -- redirects (ApiPageSet::resolvePendingRedirects)
    def resolve_redirects(self) -> None:
        if not self.follow_redirects:
            return
        for _ in range(10):  # chains, with a bound against loops
            pending = [e for e in self.entries if e.page is not None and e.page.is_redirect]
            if not pending:
                return
            targets = {
                r.page_id: r for r in Redirect.objects.filter(page_id__in=[e.key for e in pending])
            }
            new_titles: list[Title] = []
            for e in pending:
                r = targets.get(e.key)
                if r is None or r.interwiki:
                    continue
                target = make_title(r.namespace, r.title)
                self.redirects.append((e.title.prefixed_text, target.prefixed_text, r.fragment))
                self.entries.remove(e)
                self._seen.discard((e.title.namespace, e.title.dbkey))
                if (target.namespace, target.dbkey) in self._seen:
                    continue
                new_titles.append(target)
            self.add_title_objects(new_titles)
            if not new_titles:
                return

    # -- output
    def general_info(self, fv: int) -> dict[str, Any]:
        """`normalized`, `redirects`, `interwiki`, `badrevids` for the query result."""
        api = self.api
        out: dict[str, Any] = {}
        if self.normalized:
            items = []
            for a, b in self.normalized:
                d: dict[str, Any] = (
                    {"from": a, "to": b}
                    if fv == 1
                    else {
                        "fromencoded": False,
                        "from": a,
                        "to": b,
                    }
                )
                items.append(d)
            out["normalized"] = items
        if self.redirects:
            items = []
            for a, b, frag in self.redirects:
                d = {"from": a, "to": b}
                if frag:
                    d["tofragment"] = frag
                items.append(d)
            out["redirects"] = items
        if self.interwiki:
            out["interwiki"] = [{"title": t, "iw": iw} for t, iw in self.interwiki]
        if self.bad_revids:
            bad: dict[str, Any] = {}
            for rid in self.bad_revids:
                d = {"revid": rid}
                api.flag(d, "missing")
                bad[str(rid)] = d
            out["badrevids"] = bad if fv == 1 else list(bad.values())
        return out

    def page_records(self) -> dict[int, dict[str, Any]]:
        """The basic record of each page, keyed by page id or fake id, in MediaWiki's order."""
        api = self.api
        recs: dict[int, dict[str, Any]] = {}
        for e in self.entries:
            if e.kind == "missing":
                d: dict[str, Any] = {"ns": e.title.namespace, "title": e.title.prefixed_text}
                api.flag(d, "missing")
                recs[e.key] = d
        for fake, text, reason in self.invalid:
            d = {"title": text, "invalidreason": reason}
            api.flag(d, "invalid")
            recs[fake] = d
        for pid in self.missing_pageids:
            d = {"pageid": pid}
            api.flag(d, "missing")
            recs[pid] = d
        for e in self.entries:
            if e.kind == "special":
                d = {"ns": e.title.namespace, "title": e.title.prefixed_text}
                api.flag(d, "special")
                api.flag(d, "missing", not _known_special(e.title))
                recs[e.key] = d
        for e in self.entries:
            if e.kind == "good":
                recs[e.key] = {
                    "pageid": e.key,
                    "ns": e.title.namespace,
                    "title": e.title.prefixed_text,
                }
        return recs


def _known_special(title: Title) -> bool:
    """Is this Special: page one the wiki has (Media: pages are never "known")?"""
    if title.namespace != -1:
        return False
    from vellum.wiki.views.special import ALIASES, SPECIAL_PAGES

    name = title.dbkey.split("/", 1)[0]
    known = {n.lower() for n in SPECIAL_PAGES} | {a.lower() for a in ALIASES}
    return name.lower() in known


def parse_or_none(text: str) -> Title | None:
    try:
        return parse_title(text)
    except InvalidTitle:
        return None
