"""action=parse (ApiParse): render wikitext, a page or a revision with the wikitext engine."""

from __future__ import annotations

from html import escape
from typing import Any

from vellum.wiki.models import Page, Revision
from vellum.wiki.services.rendering import DatabaseSite, render_options
from vellum.wiki.services.sections import get_section
from vellum.wiki.services.titles import parse_title, title_of
from vellum.wikitext import render
from vellum.wikitext.title import InvalidTitle

from ..base import ApiModule
from ..errors import ApiError, bad_title
from ..formatting import parsed_comment
from ..params import Param

PROPS = [
    "text",
    "langlinks",
    "categories",
    "categorieshtml",
    "links",
    "templates",
    "images",
    "externallinks",
    "sections",
    "revid",
    "displaytitle",
    "subtitle",
    "headhtml",
    "modules",
    "jsconfigvars",
    "encodedjsconfigvars",
    "indicators",
    "iwlinks",
    "wikitext",
    "properties",
    "limitreportdata",
    "limitreporthtml",
    "parsetree",
    "parsewarnings",
    "parsewarningshtml",
    "headitems",
]
DEFAULT_PROPS = (
    "text|langlinks|categories|links|templates|images|externallinks|sections|"
    "revid|displaytitle|iwlinks|properties|parsewarnings"
)


class ApiParse(ApiModule):
    name = "parse"
    classname = "ApiParse"
    params = [
        Param("title", "string"),
        Param("text", "text"),
        Param("revid", "integer"),
        Param("summary", "string"),
        Param("page", "string"),
        Param("pageid", "integer"),
        Param("redirects", "boolean"),
        Param("oldid", "integer"),
        Param("prop", PROPS, multi=True, default=DEFAULT_PROPS),
        Param("wrapoutputclass", "string", default="mw-parser-output"),
        Param("pst", "boolean"),
        Param("onlypst", "boolean"),
        Param("effectivelanglinks", "boolean", deprecated=True),
        Param("section", "string"),
        Param("sectiontitle", "string"),
        Param("disablepp", "boolean", deprecated=True),
        Param("disablelimitreport", "boolean"),
        Param("disableeditsection", "boolean"),
        Param("disablestylededuplication", "boolean"),
        Param("showstrategykeys", "boolean"),
        Param("generatexml", "boolean", deprecated=True),
        Param("preview", "boolean"),
        Param("sectionpreview", "boolean"),
        Param("disabletoc", "boolean"),
        Param("useskin", "string"),
        Param("contentformat", ["text/x-wiki"]),
        Param("contentmodel", ["wikitext"]),
    ]

    def execute(self) -> None:
        api = self.api
        v = self.values()
        props = set(v["prop"])
        page: Page | None = None
        rev: Revision | None = None
        if v["page"] is not None or v["pageid"] is not None or v["oldid"] is not None:
            page, rev = self._source(v)
            title = title_of(page)
            text = rev.content.text
        else:
            title_text = v["title"] if v["title"] is not None else "API"
            try:
                title = parse_title(title_text)
            except InvalidTitle:
                raise bad_title(title_text) from None
            text = v["text"] if v["text"] is not None else ""
            if v["summary"] is not None and v["text"] is None:
                self._summary_only(v["summary"], title)
                return
            page = Page.objects.filter(namespace=title.namespace, title=title.dbkey).first()
        if v["section"] is not None and v["section"] != "new":
            try:
                part = get_section(text, int(v["section"]))
            except ValueError:
                part = None
            if part is None:
                raise ApiError("nosuchsection", f"There is no section {v['section']}.")
            text = part
        opts = render_options(page if rev else None, rev)
        opts.wrap = False  # wrapped below, with the requested class
        opts.edit_section_links = not v["disableeditsection"]
        opts.allow_toc = not v["disabletoc"]
        opts.preview = v["preview"]
        opts.user_name = api.user_name()
        if v["pst"] or v["onlypst"]:
            text = _pst(text, title, api.user_name())
            if v["onlypst"]:
                out: dict[str, Any] = {}
                api.content(out, "text", text)
                api.result["parse"] = out
                return
        try:
            result = render(text, title, DatabaseSite(), opts)
        except Exception as e:  # the engine must never take the API down
            raise ApiError(
                "internal_api_error_" + type(e).__name__, "The page could not be rendered."
            ) from e
        out = {"title": title.prefixed_text, "pageid": page.pk if page else 0}
        if rev is not None and "revid" in props:
            out["revid"] = rev.pk
        html = result.html
        if v["wrapoutputclass"]:
            cls = escape(v["wrapoutputclass"], quote=True)
            html = f'<div class="{cls}">{html}</div>'
        if "text" in props:
            if api.fv == 2:
                out["text"] = html
            else:
                out["text"] = {"*": html}
        existing = _existing(result.links)
        if "langlinks" in props:
            out["langlinks"] = [self._langlink(x) for x in result.language_links]
        if "categories" in props:
            cats = []
            for name, sortkey in result.categories:
                d: dict[str, Any] = {"sortkey": sortkey or ""}
                api.content(d, "category", name.replace(" ", "_"))
                cats.append(d)
            out["categories"] = cats
        if "links" in props:
            links = []
            for key in dict.fromkeys(result.links):
                t = _title(key)
                if t is None or t.namespace < 0:
                    continue
                d = {"ns": t.namespace}
                api.boolean(d, "exists", (t.namespace, t.dbkey) in existing)
                api.content(d, "title", t.prefixed_text)
                links.append(d)
            out["links"] = links
        if "templates" in props:
            tpls = []
            tpl_existing = _existing(result.templates)
            for key in dict.fromkeys(result.templates):
                t = _title(key)
                if t is None:
                    continue
                d = {"ns": t.namespace}
                api.boolean(d, "exists", (t.namespace, t.dbkey) in tpl_existing)
                api.content(d, "title", t.prefixed_text)
                tpls.append(d)
            out["templates"] = tpls
        if "images" in props:
            out["images"] = [n.replace(" ", "_") for n in dict.fromkeys(result.images)]
        if "externallinks" in props:
            out["externallinks"] = list(dict.fromkeys(result.external_links))
        if "sections" in props:
            out["sections"] = [
                {
                    "toclevel": s.toclevel,
                    "level": str(s.level),
                    "line": s.line,
                    "number": s.number,
                    "index": s.index,
                    "fromtitle": (s.from_title or title.prefixed_dbkey)
                    if s.byte_offset is not None
                    else (s.from_title or False),
                    "byteoffset": s.byte_offset,
                    "anchor": s.anchor,
                    "linkAnchor": s.anchor,
                }
                for s in result.sections
            ]
        if "parsewarnings" in props:
            out["parsewarnings"] = list(result.warnings)
        if "displaytitle" in props:
            out["displaytitle"] = result.display_title or title.prefixed_text
        if "iwlinks" in props:
            out["iwlinks"] = []
        if "properties" in props:
            pp = []
            if result.default_sort:
                d = {"name": "defaultsort"}
                api.content(d, "value", result.default_sort)
                pp.append(d)
            out["properties"] = (
                pp if api.fv == 1 else {p["name"]: p.get("value", p.get("*")) for p in pp}
            )
        if "wikitext" in props:
            d = {}
            api.content(d, "wikitext", text)
            out["wikitext"] = d if api.fv == 1 else text
        api.result["parse"] = out

    def _source(self, v: dict[str, Any]) -> tuple[Page, Revision]:
        if v["oldid"] is not None:
            rev = (
                Revision.objects.filter(pk=v["oldid"], page__isnull=False)
                .select_related("page", "content", "actor")
                .first()
            )
            if rev is None:
                raise ApiError("nosuchrevid", f"There is no revision with ID {v['oldid']}.")
            return rev.page, rev
        if v["pageid"] is not None:
            page = Page.objects.filter(pk=v["pageid"]).first()
            if page is None:
                raise ApiError("nosuchpageid", f"There is no page with ID {v['pageid']}.")
        else:
            try:
                t = parse_title(v["page"])
            except InvalidTitle:
                raise bad_title(v["page"]) from None
            page = Page.objects.filter(namespace=t.namespace, title=t.dbkey).first()
            if page is None:
                raise ApiError("missingtitle", "The page you specified doesn't exist.")
        if v["redirects"] and page.is_redirect:
            from vellum.wiki.models import Redirect

            r = Redirect.objects.filter(page=page).first()
            target = (
                Page.objects.filter(namespace=r.namespace, title=r.title).first() if r else None
            )
            if target is not None:
                page = target
        rev = Revision.objects.select_related("content", "actor").get(pk=page.latest_id)
        return page, rev

    def _summary_only(self, summary: str, title: Any) -> None:
        out: dict[str, Any] = {"title": title.prefixed_text, "pageid": 0}
        parsed = parsed_comment(summary)
        out["parsedsummary"] = parsed if self.api.fv == 2 else {"*": parsed}
        self.api.result["parse"] = out

    def _langlink(self, ll: str) -> dict[str, Any]:
        lang, _, t = ll.partition(":")
        d: dict[str, Any] = {"lang": lang, "url": "", "langname": lang, "autonym": lang}
        self.api.content(d, "title", t)
        return d


def _title(key: str) -> Any:
    try:
        return parse_title(key)
    except InvalidTitle:
        return None


def _existing(keys: list[str]) -> set[tuple[int, str]]:
    from django.db.models import Q

    cond = Q()
    n = 0
    for key in set(keys):
        t = _title(key)
        if t is not None and t.namespace >= 0:
            cond |= Q(namespace=t.namespace, title=t.dbkey)
            n += 1
    if not n:
        return set()
    return set(Page.objects.filter(cond).values_list("namespace", "title"))


def _pst(text: str, title: Any, user_name: str) -> str:
    try:
        from vellum.wikitext.pst import pre_save_transform
    except ImportError:
        return text
    return pre_save_transform(text, title, DatabaseSite(), user_name)
