"""action=purge (ApiPurge): purge the cache of the pages of a page set (titles, pageids,
revids or a generator), through the wiki's `purge_page` service; `forcelinkupdate` also
rebuilds their link tables from the current revision."""

from __future__ import annotations

from typing import Any

from vellum.wiki.services.pages import purge_page

from .. import registry
from ..base import ApiModule
from ..errors import ApiError
from ..params import Param
from ..query import PAGESET_PARAMS, run_pageset
from ..query.continuation import ContinuationManager
from ..query.pageset import PageSet


def _badcontinue() -> ApiError:
    return ApiError(
        "badcontinue",
        "Invalid continue param. You should pass the original value returned by the previous "
        "query.",
    )


class ApiPurge(ApiModule):
    name = "purge"
    classname = "ApiPurge"
    must_be_posted = True
    write = True
    helpurl = "https://www.mediawiki.org/wiki/Special:MyLanguage/API:Purge"
    params = [
        Param("forcelinkupdate", "boolean"),
        Param("forcerecursivelinkupdate", "boolean"),
        Param("continue", "string"),
        *PAGESET_PARAMS,
    ]

    @classmethod
    def all_params(cls) -> list[Param]:
        names = registry.generators()
        return [
            Param("generator", names, submodules={n: f"query+{n}" for n in names})
            if p.name == "generator"
            else p
            for p in cls.params
        ]

    def execute(self) -> None:
        api = self.api
        v = self.values()
        self.pageset = PageSet(api, follow_redirects=v["redirects"])
        self.continuation = ContinuationManager(api.raw, v["continue"] or "", [], [], _badcontinue)
        run_pageset(self, v)
        ps = self.pageset
        out: list[dict[str, Any]] = []
        # ApiPageSet::getInvalidTitlesAndRevisions, in its order
        for _fake, text, reason in ps.invalid:
            d: dict[str, Any] = {"title": text, "invalidreason": reason}
            api.flag(d, "invalid")
            out.append(d)
        for e in ps.entries:
            if e.kind == "special":
                d = {"ns": e.title.namespace, "title": e.title.prefixed_text}
                api.flag(d, "special")
                out.append(d)
        for pid in ps.missing_pageids:
            d = {"pageid": pid}
            api.flag(d, "missing")
            out.append(d)
        for rid in ps.bad_revids:
            d = {"revid": rid}
            api.flag(d, "missing")
            out.append(d)
        for e in ps.missing():
            d = {"ns": e.title.namespace, "title": e.title.prefixed_text}
            api.flag(d, "missing")
            out.append(d)
        for text, iw in ps.interwiki:
            out.append({"title": text, "iw": iw})

        may_purge = api.has_right("purge")
        if ps.good() and not may_purge:
            api.warn(
                self.name,
                "The action you have requested is limited to users in the group: Users.",
            )
        link_update = v["forcelinkupdate"] or v["forcerecursivelinkupdate"]
        for e in ps.good():
            d = {"ns": e.title.namespace, "title": e.title.prefixed_text}
            if may_purge and e.page is not None:
                purge_page(e.page)
                api.flag(d, "purged")
                if link_update:
                    _update_links(e.page)
                    api.flag(d, "linkupdate")
            out.append(d)

        data, batchcomplete = self.continuation.result()
        if batchcomplete:
            api.result["batchcomplete"] = True if api.fv == 2 else ""
        if data:
            api.result["continue"] = data
        api.result["purge"] = out
        info = ps.general_info(api.fv)
        for key in ("normalized", "redirects"):
            if key in info:
                api.result[key] = info[key]


def _update_links(page: Any) -> None:
    """Rebuild the page's link tables, categories and search index from its current
    revision (LinksUpdate, what forcelinkupdate asks for)."""
    from vellum.wiki.services.links import update_secondary_data

    update_secondary_data(page)
