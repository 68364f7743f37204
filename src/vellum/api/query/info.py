"""prop=info (ApiQueryInfo): page length, latest revision, touched, protection, URLs."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from django.utils import timezone

from vellum.wiki.models import Page, PageRestriction, ProtectedTitle

from .. import siteinfo as site
from ..params import Param
from ..timestamps import iso
from .base import QueryModule

PROPS = [
    "protection",
    "talkid",
    "watched",
    "watchers",
    "visitingwatchers",
    "notificationtimestamp",
    "subjectid",
    "associatedpage",
    "url",
    "preload",
    "displaytitle",
    "varianttitles",
    "linkclasses",
]


def expiry_out(dt: Any) -> str:
    return "infinity" if dt is None else iso(dt)


class ApiQueryInfo(QueryModule):
    name = "info"
    prefix = "in"
    group = "prop"
    classname = "ApiQueryInfo"
    params = [
        Param("prop", PROPS, multi=True),
        Param("linkcontext", "title", default="Main Page"),
        Param("testactions", "string", multi=True),
        Param("testactionsdetail", ["boolean", "full", "quick"], default="boolean"),
        Param("continue", "string"),
    ]

    def execute(self) -> None:
        api = self.api
        props = set(self.p("prop"))
        ps = self.pageset
        now = timezone.now()
        pages = {e.key: e.page for e in ps.good()}
        restrictions: dict[int, list[PageRestriction]] = {}
        if "protection" in props and pages:
            for r in PageRestriction.objects.filter(page_id__in=list(pages)):
                if r.expiry is None or r.expiry > now:
                    restrictions.setdefault(r.page_id, []).append(r)
        for e in ps.entries:
            if e.kind not in ("good", "missing"):
                continue
            rec = self.query.page(e.key)
            rec["contentmodel"] = "wikitext" if e.page is None else e.page.content_model
            rec["pagelanguage"] = "en"
            rec["pagelanguagehtmlcode"] = "en"
            rec["pagelanguagedir"] = "ltr"
            page: Page | None = e.page
            if page is not None:
                rec["touched"] = iso(page.touched)
                rec["lastrevid"] = page.latest_id or 0
                rec["length"] = page.len
                api.flag(rec, "redirect", page.is_redirect)
                api.flag(rec, "new", page.is_new)
            if "protection" in props:
                prot = []
                if page is not None:
                    for r in sorted(restrictions.get(page.pk, []), key=lambda r: r.type):
                        item: dict[str, Any] = {
                            "type": r.type,
                            "level": r.level,
                            "expiry": expiry_out(r.expiry),
                        }
                        if r.cascade:
                            api.flag(item, "cascade")
                        prot.append(item)
                    rec["restrictiontypes"] = ["edit", "move"] + (
                        ["upload"] if page.namespace == 6 else []
                    )
                else:
                    pt = ProtectedTitle.objects.filter(
                        namespace=e.title.namespace, title=e.title.dbkey
                    ).first()
                    if pt and (pt.expiry is None or pt.expiry > now):
                        prot.append(
                            {"type": "create", "level": pt.level, "expiry": expiry_out(pt.expiry)}
                        )
                    rec["restrictiontypes"] = ["create"]
                rec["protection"] = prot
                if "restrictiontypes" in rec:
                    rec["restrictiontypes"] = rec.pop("restrictiontypes")
            if "talkid" in props or "subjectid" in props or "associatedpage" in props:
                self._associated(rec, e.title, props)
            if "url" in props:
                server = site.server(api.request)
                path = "/wiki/" + quote(e.title.prefixed_dbkey, safe="/:")
                rec["fullurl"] = server + path
                rec["editurl"] = (
                    f"{server}/index.php?title={quote(e.title.prefixed_dbkey)}&action=edit"
                )
                rec["canonicalurl"] = server + path
            if "displaytitle" in props:
                rec["displaytitle"] = e.title.prefixed_text
            if "watched" in props:
                api.boolean(rec, "watched", False)
            if "notificationtimestamp" in props:
                rec["notificationtimestamp"] = ""

    def _associated(self, rec: dict[str, Any], title: Any, props: set[str]) -> None:
        from vellum.wiki.services.titles import make_title
        from vellum.wikitext.namespaces import Namespaces

        ns = title.namespace
        if ns < 0:
            return
        other_ns = Namespaces.subject(ns) if Namespaces.is_talk(ns) else Namespaces.talk(ns)
        other = make_title(other_ns, title.dbkey)
        if "associatedpage" in props:
            rec["associatedpage"] = other.prefixed_text
        pid = (
            Page.objects.filter(namespace=other_ns, title=title.dbkey)
            .values_list("id", flat=True)
            .first()
        )
        if pid:
            if Namespaces.is_talk(ns) and "subjectid" in props:
                rec["subjectid"] = pid
            elif not Namespaces.is_talk(ns) and "talkid" in props:
                rec["talkid"] = pid
