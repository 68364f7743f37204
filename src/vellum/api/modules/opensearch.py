"""action=opensearch (ApiOpenSearch): title prefix suggestions in the OpenSearch format."""

from __future__ import annotations

from urllib.parse import quote

from vellum.wiki.models import Page
from vellum.wiki.services.titles import make_title, site_config

from .. import siteinfo as site
from ..base import ApiModule
from ..params import Param


class ApiOpenSearch(ApiModule):
    name = "opensearch"
    classname = "ApiOpenSearch"
    params = [
        Param("search", "string", required=True),
        Param("namespace", "namespace", multi=True, default="0"),
        Param("limit", "limit", default=10, max=100, highmax=100),
        Param("suggest", "boolean", deprecated=True),
        Param("redirects", ["resolve", "return"]),
        Param("format", ["json", "jsonfm", "xml", "xmlfm"], default="json"),
        Param("warningsaserror", "boolean"),
    ]

    def execute(self) -> None:
        api = self.api
        v = self.values()
        search = v["search"]
        namespaces = v["namespace"] or [0]
        titles: list[str] = []
        urls: list[str] = []
        prefix = search.replace(" ", "_")
        ns_filter = list(namespaces)
        t = site_config().try_title(search) if search else None
        if t is not None and t.namespace != 0 and ":" in search:
            ns_filter = [t.namespace]
            prefix = t.dbkey
        elif prefix:
            prefix = prefix[0].upper() + prefix[1:]
        server = site.server(api.request)
        if search.strip():
            qs = Page.objects.filter(namespace__in=ns_filter, title__startswith=prefix)
            for p in qs.order_by("namespace", "title")[: v["limit"]]:
                title = make_title(p.namespace, p.title)
                titles.append(title.prefixed_text)
                urls.append(f"{server}/wiki/{quote(title.prefixed_dbkey, safe='/:')}")
        # OpenSearch's array form: [search, titles, descriptions, urls].
        api.raw_body = [search, titles, [""] * len(titles), urls]
