"""prop=revisions (ApiQueryRevisions): the latest revision of each page, the given revids,
or the history of one page with limits, directions and `rvcontinue`."""

from __future__ import annotations

from typing import Any

from vellum.wiki.models import Revision
from vellum.wiki.services.sections import get_section

from ..errors import ApiError
from ..formatting import comment_fields, sha1_hex, text_hidden, user_fields
from ..params import Param
from ..timestamps import iso, mw, parse
from .base import QueryModule, continue_after, time_range

PROPS = [
    "ids",
    "flags",
    "timestamp",
    "user",
    "userid",
    "size",
    "slotsize",
    "sha1",
    "slotsha1",
    "contentmodel",
    "comment",
    "parsedcomment",
    "content",
    "tags",
    "roles",
    "parsetree",
]
ENUM_PARAMS = ("limit", "startid", "endid", "start", "end", "user", "excludeuser")
LEGACY_SLOTS = (
    'Because "rvslots" was not specified, a legacy format has been used for the output. This '
    "format is deprecated, and in the future the new format will always be used."
)


class ApiQueryRevisions(QueryModule):
    name = "revisions"
    prefix = "rv"
    group = "prop"
    is_generator = True
    classname = "ApiQueryRevisions"
    params = [
        Param("prop", PROPS, multi=True, default="ids|timestamp|flags|comment|user"),
        Param("slots", ["main"], multi=True, allspecifier=True),
        Param("limit", "limit", max=500, highmax=5000),
        Param("expandtemplates", "boolean", deprecated=True),
        Param("generatexml", "boolean", deprecated=True),
        Param("parse", "boolean", deprecated=True),
        Param("section", "string"),
        Param("diffto", "string", deprecated=True),
        Param("difftotext", "string", deprecated=True),
        Param("difftotextpst", "boolean", deprecated=True),
        Param("contentformat", ["text/x-wiki"], deprecated=True),
        Param("startid", "integer"),
        Param("endid", "integer"),
        Param("start", "timestamp"),
        Param("end", "timestamp"),
        Param("dir", ["newer", "older"], default="older"),
        Param("user", "user"),
        Param("excludeuser", "user"),
        Param("tag", "string"),
        Param("continue", "string"),
    ]

    def execute(self) -> None:
        v = self.values()
        ps = self.pageset
        enum_mode = (
            any(self.api.raw.get(self.prefix + n) is not None for n in ENUM_PARAMS)
            or self.api.raw.get(self.prefix + "dir") == "newer"
        )
        self.props = set(v["prop"])
        for unsupported in ("expandtemplates", "generatexml"):
            if v[unsupported]:
                self.api.warn(
                    self.name,
                    f'The parameter "{self.prefix}{unsupported}" is not supported by this wiki.',
                )
        if "content" in self.props and self.api.raw.get(self.prefix + "slots") is None:
            self.api.deprecate(self.name, LEGACY_SLOTS)
        if ps.revisions:
            if enum_mode:
                raise ApiError(
                    "revids",
                    "The revids= parameter may not be used with the list options (rvlimit, "
                    "rvstartid, rvendid, rvdir=newer, rvuser, rvexcludeuser, rvstart, and rvend).",
                )
            self._latest_or_given(list(ps.revisions.values()))
            return
        pages = ps.good()
        if enum_mode:
            if len(pages) > 1:
                raise ApiError(
                    "multpages",
                    "titles, pageids or a generator was used to supply multiple pages, but the "
                    "rvlimit, rvstartid, rvendid, rvdir=newer, rvuser, rvexcludeuser, rvstart, "
                    "and rvend parameters may only be used on a single page.",
                )
            if pages:
                self._enumerate(pages[0].key, v)
            return
        revs = []
        start = None
        if v["continue"]:
            start = self.continue_int(v["continue"])
        for e in pages:
            if e.page.latest_id and (start is None or e.page.latest_id >= start):
                revs.append(e.page.latest_id)
        revs.sort()
        if "content" in self.props:
            # Texts of at most 50 pages per request (500 with apihighlimits), as MediaWiki.
            cap = 500 if self.api.has_high_limits() else 50
            if len(revs) > cap:
                self.set_continue("continue", revs[cap])
                revs = revs[:cap]
        objs = Revision.objects.filter(pk__in=revs).select_related("actor", "content")
        by_id = {r.pk: r for r in objs}
        self._latest_or_given([by_id[r] for r in revs if r in by_id])

    def _latest_or_given(self, revs: list[Revision]) -> None:
        for r in sorted(revs, key=lambda r: r.pk):
            rec = self.query.page(r.page_id)
            rec.setdefault("revisions", []).append(self._rev(r))

    def _enumerate(self, page_id: int, v: dict[str, Any]) -> None:
        newer = v["dir"] == "newer"
        content = "content" in self.props
        limit = v["limit"] or 10
        if content:
            cap = 500 if self.api.has_high_limits() else 50
            if limit > cap:
                self.api.warn(
                    self.name,
                    f'The value "{limit}" for parameter "{self.prefix}limit" must be between '
                    f"1 and {cap}.",
                )
                limit = cap
        qs = Revision.objects.filter(page_id=page_id).select_related("actor", "content")
        order = ("timestamp", "id") if newer else ("-timestamp", "-id")
        qs = qs.filter(time_range(newer, v["start"], v["end"]))
        if v["startid"] is not None:
            qs = qs.filter(id__gte=v["startid"]) if newer else qs.filter(id__lte=v["startid"])
        if v["endid"] is not None:
            qs = qs.filter(id__lte=v["endid"]) if newer else qs.filter(id__gte=v["endid"])
        if v["user"]:
            qs = qs.filter(actor__name=v["user"])
        if v["excludeuser"]:
            qs = qs.exclude(actor__name=v["excludeuser"])
        if v["continue"]:
            ts_s, id_s = self.continue_parts(v["continue"], 2)
            ts = parse(ts_s)
            rid = self.continue_int(id_s)
            if ts is None:
                self.continue_int("x")
            qs = qs.filter(continue_after(newer, ts, rid))
        rows = list(qs.order_by(*order)[: limit + 1])
        rec = self.query.page(page_id)
        out = rec.setdefault("revisions", [])
        for r in rows[:limit]:
            out.append(self._rev(r))
        if len(rows) > limit:
            nxt = rows[limit]
            self.set_continue("continue", f"{mw(nxt.timestamp)}|{nxt.pk}")

    def _rev(self, r: Revision) -> dict[str, Any]:
        api = self.api
        p = self.props
        d: dict[str, Any] = {}
        if "ids" in p:
            d["revid"] = r.pk
            d["parentid"] = r.parent_id
        if "flags" in p:
            api.boolean(d, "minor", r.minor)
        if "user" in p or "userid" in p:
            user_fields(api, d, r.actor, "user" in p, "userid" in p, r.deleted)
        if "timestamp" in p:
            d["timestamp"] = iso(r.timestamp)
        if "size" in p:
            d["size"] = r.len
        if "sha1" in p:
            if text_hidden(r.deleted):
                api.flag(d, "sha1hidden")
            else:
                d["sha1"] = sha1_hex(r.sha1)
        if "contentmodel" in p and "content" not in p:
            d["contentmodel"] = r.content_model
        if "comment" in p or "parsedcomment" in p:
            comment_fields(api, d, r.comment, "comment" in p, "parsedcomment" in p, r.deleted)
        if "tags" in p:
            d["tags"] = []
        if "roles" in p:
            d["roles"] = ["main"]
        if (
            "contentmodel" in p
            and "content" in p
            and self.api.raw.get(self.prefix + "slots") is None
        ):
            d["contentmodel"] = r.content_model
        wants_slots = self.api.raw.get(self.prefix + "slots") is not None
        if wants_slots and ({"content", "slotsize", "slotsha1", "contentmodel"} & p):
            slot: dict[str, Any] = {}
            if "slotsize" in p:
                slot["size"] = r.len
            if "slotsha1" in p:
                slot["sha1"] = sha1_hex(r.sha1)
            if "contentmodel" in p or "content" in p:
                slot["contentmodel"] = r.content_model
            if "content" in p:
                self._content(slot, r)
            d["slots"] = {"main": slot}
        elif "content" in p:
            self._content(d, r)
        if self.p("diffto") is not None or self.p("difftotext") is not None:
            self._diff(d, r)
        return d

    def _content(self, d: dict[str, Any], r: Revision) -> None:
        api = self.api
        if text_hidden(r.deleted):
            api.flag(d, "texthidden")
            return
        text = r.content.text
        section = self.p("section")
        if section is not None:
            try:
                n = int(section)
                part = get_section(text, n)
            except ValueError:
                part = None
            if part is None:
                raise ApiError("nosuchsection", f"There is no section {section}.")
            text = part
        if self.p("parse"):
            text = self._parse(r, text)
            d["contentformat"] = "text/html"
        else:
            d["contentformat"] = r.content_format
        if "contentmodel" not in d:
            d["contentmodel"] = r.content_model
        api.content(d, "content", text)

    def _parse(self, r: Revision, text: str) -> str:
        """rvparse: the revision's wikitext rendered to HTML by the engine."""
        from vellum.wiki.services.rendering import DatabaseSite, render_options
        from vellum.wiki.services.titles import title_of
        from vellum.wikitext import render

        try:
            return render(text, title_of(r.page), DatabaseSite(), render_options(r.page, r)).html
        except Exception as e:  # the engine must never take the API down
            raise ApiError(
                "internal_api_error_" + type(e).__name__, "The page could not be rendered."
            ) from e

    def _diff(self, d: dict[str, Any], r: Revision) -> None:
        """rvdiffto / rvdifftotext: the diff engine's table rows against another revision."""
        from vellum.diff import diff_table

        v = self.values()
        if v["difftotext"] is not None:
            out: dict[str, Any] = {}
            self.api.content(out, "body", diff_table(r.content.text, v["difftotext"], 2))
            d["diff"] = out
            return
        target = v["diffto"]
        qs = Revision.objects.filter(page_id=r.page_id).select_related("content")
        if target == "prev":
            other = qs.filter(pk=r.parent_id).first()
            pair = (other, r)
        elif target == "next":
            other = qs.filter(parent_id=r.pk).order_by("timestamp", "id").first()
            pair = (r, other)
        elif target == "cur":
            other = qs.filter(pk=r.page.latest_id).first()
            pair = (r, other)
        else:
            try:
                other = qs.filter(pk=int(target)).first()
            except ValueError:
                raise ApiError(
                    "rvbaddiffto",
                    'The "rvdiffto" parameter must be a non-negative number, '
                    '"prev", "next" or "cur".',
                ) from None
            pair = (other, r)
        old, new = pair
        out = {}
        if old is not None:
            out["from"] = old.pk
        if new is not None:
            out["to"] = new.pk
        if old is not None and new is not None:
            self.api.content(out, "body", diff_table(old.content.text, new.content.text, 2))
        else:
            self.api.flag(out, "notcached")
        d["diff"] = out

    def run_generator(self) -> list[Any]:
        """As a generator: the pages of the given revisions or titles."""
        self.values()
        return [e.page for e in self.source.good()]  # type: ignore[attr-defined]
