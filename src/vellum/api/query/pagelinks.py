"""prop=images, prop=extlinks, prop=langlinks (ApiQueryImages, ApiQueryExternalLinks,
ApiQueryLangLinks): the files a page uses, its external links and its interlanguage links."""

from __future__ import annotations

from typing import Any

from vellum.wiki.models import ExternalLink, ImageLink, LangLink
from vellum.wiki.services.titles import make_title

from ..params import Param
from .base import QueryModule


def _page_rows(module: QueryModule, qs: Any, key_fields: tuple[str, ...]) -> list[Any]:
    """Rows of the current pages, ordered by (page, keys), with `continue` = page|keys."""
    v = module.values()
    desc = v.get("dir") == "descending"
    if v["continue"]:
        parts = v["continue"].split("|", len(key_fields))
        pid = module.continue_int(parts[0])
        from django.db.models import Q

        key = parts[1] if len(parts) > 1 else ""
        field = key_fields[0]
        if field.endswith("id"):
            key = str(module.continue_int(key))  # a number, else badcontinue (not a crash)
        if desc:
            qs = qs.filter(Q(source_id__lt=pid) | Q(source_id=pid, **{f"{field}__lte": key}))
        else:
            qs = qs.filter(Q(source_id__gt=pid) | Q(source_id=pid, **{f"{field}__gte": key}))
    order = [f"-{f}" if desc else f for f in ("source_id", *key_fields)]
    limit = v["limit"]
    rows = list(qs.order_by(*order)[: limit + 1])
    if len(rows) > limit:
        n = rows[limit]
        module.set_continue("continue", f"{n.source_id}|{getattr(n, key_fields[0])}")
        rows = rows[:limit]
    return rows


class ApiQueryImages(QueryModule):
    name = "images"
    prefix = "im"
    group = "prop"
    is_generator = True
    classname = "ApiQueryImages"
    params = [
        Param("limit", "limit", default=10, max=500, highmax=5000),
        Param("continue", "string"),
        Param("images", "string", multi=True),
        Param("dir", ["ascending", "descending"], default="ascending"),
    ]

    def _rows(self, ids: list[int]) -> list[Any]:
        qs = ImageLink.objects.filter(source_id__in=ids)
        if self.p("images"):
            from .pageset import parse_or_none

            names = [t.dbkey for t in map(parse_or_none, self.p("images")) if t is not None]
            qs = qs.filter(name__in=names)
        return _page_rows(self, qs, ("name",))

    def execute(self) -> None:
        ids = [e.key for e in self.pageset.good()]
        if ids:
            for r in self._rows(ids):
                self.query.page(r.source_id).setdefault("images", []).append(
                    {"ns": 6, "title": make_title(6, r.name).prefixed_text}
                )

    def run_generator(self) -> list[Any]:
        self.values()
        ids = [e.key for e in self.source.good()]  # type: ignore[attr-defined]
        return [make_title(6, r.name) for r in self._rows(ids)] if ids else []


class ApiQueryExternalLinks(QueryModule):
    name = "extlinks"
    prefix = "el"
    group = "prop"
    classname = "ApiQueryExternalLinks"
    params = [
        Param("limit", "limit", default=10, max=500, highmax=5000),
        Param("continue", "string"),
        Param(
            "protocol",
            [
                "",
                "bitcoin",
                "ftp",
                "ftps",
                "geo",
                "git",
                "gopher",
                "http",
                "https",
                "irc",
                "ircs",
                "magnet",
                "mailto",
                "matrix",
                "mms",
                "news",
                "nntp",
                "redis",
                "sftp",
                "sip",
                "sips",
                "sms",
                "ssh",
                "svn",
                "tel",
                "telnet",
                "urn",
                "worldwind",
                "xmpp",
            ],
            default="",
        ),
        Param("query", "string"),
        Param("expandurl", "boolean"),
    ]

    def execute(self) -> None:
        ids = [e.key for e in self.pageset.good()]
        if not ids:
            return
        qs = ExternalLink.objects.filter(source_id__in=ids)
        proto, query = self.p("protocol"), self.p("query")
        if query:
            prefix = f"{proto or 'http'}://{query}" if proto != "mailto" else f"mailto:{query}"
            qs = qs.filter(url__startswith=prefix)
        elif proto:
            qs = qs.filter(url__startswith=proto + (":" if proto in ("mailto", "news") else "://"))
        for r in _page_rows(self, qs, ("id",)):
            d: dict[str, Any] = {}
            self.api.content(d, "url", r.url)
            self.query.page(r.source_id).setdefault("extlinks", []).append(d)


class ApiQueryLangLinks(QueryModule):
    name = "langlinks"
    prefix = "ll"
    group = "prop"
    classname = "ApiQueryLangLinks"
    params = [
        Param("prop", ["autonym", "langname", "url"], multi=True),
        Param("lang", "string"),
        Param("title", "string"),
        Param("dir", ["ascending", "descending"], default="ascending"),
        Param("inlanguagecode", "string", default="en"),
        Param("limit", "limit", default=10, max=500, highmax=5000),
        Param("continue", "string"),
        Param("url", "boolean", deprecated=True),
    ]

    def execute(self) -> None:
        ids = [e.key for e in self.pageset.good()]
        if not ids:
            return
        qs = LangLink.objects.filter(source_id__in=ids)
        if self.p("lang"):
            qs = qs.filter(lang=self.p("lang"))
            if self.p("title"):
                qs = qs.filter(title=self.p("title"))
        for r in _page_rows(self, qs, ("lang",)):
            d: dict[str, Any] = {"lang": r.lang}
            self.api.content(d, "title", r.title)
            self.query.page(r.source_id).setdefault("langlinks", []).append(d)
