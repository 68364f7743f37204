"""prop=pageprops (ApiQueryPageProps): page properties set by the page's text (DISPLAYTITLE,
DEFAULTSORT, behaviour switches), read from the stored rendering of the latest revision."""

from __future__ import annotations

from vellum.wiki.models import ParserCacheEntry

from ..params import Param
from .base import QueryModule


class ApiQueryPageProps(QueryModule):
    name = "pageprops"
    prefix = "pp"
    group = "prop"
    classname = "ApiQueryPageProps"
    params = [Param("continue", "string"), Param("prop", "string", multi=True)]

    def execute(self) -> None:
        pages = {e.key: e.page for e in self.pageset.good()}
        if not pages:
            return
        wanted = set(self.p("prop"))
        entries = ParserCacheEntry.objects.filter(page_id__in=list(pages)).only(
            "page_id", "revision_id", "data"
        )
        for entry in entries:
            page = pages[entry.page_id]
            if entry.revision_id != page.latest_id:
                continue
            props: dict[str, str] = {}
            data = entry.data or {}
            if data.get("display_title"):
                props["displaytitle"] = data["display_title"]
            if wanted:
                props = {k: v for k, v in props.items() if k in wanted}
            if props:
                self.query.page(page.pk)["pageprops"] = props
