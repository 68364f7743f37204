"""meta=siteinfo (ApiQuerySiteinfo): the wiki's general settings, namespaces, statistics."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.db import connection

from vellum.wiki.services.rendering import DatabaseSite
from vellum.wiki.services.titles import site_config
from vellum.wiki.services.users import GROUP_RIGHTS
from vellum.wikitext.namespaces import Namespaces

from .. import siteinfo as site
from ..params import Param
from ..timestamps import iso
from .base import QueryModule

PROPS = [
    "general",
    "namespaces",
    "namespacealiases",
    "specialpagealiases",
    "magicwords",
    "interwikimap",
    "dbrepllag",
    "statistics",
    "usergroups",
    "libraries",
    "extensions",
    "fileextensions",
    "rightsinfo",
    "restrictions",
    "languages",
    "languagevariants",
    "skins",
    "extensiontags",
    "functionhooks",
    "showhooks",
    "variables",
    "protocols",
    "defaultoptions",
    "uploaddialog",
]
LEGAL_TITLE_CHARS = " %!\"$&'()*,\\-.\\/0-9:;=?@A-Z\\\\^_`a-z~\\x80-\\xFF+"
FILE_EXTENSIONS = ["png", "gif", "jpg", "jpeg", "webp"]
EXTENSION_TAGS = [
    "<pre>",
    "<nowiki>",
    "<gallery>",
    "<indicator>",
    "<langconvert>",
    "<ref>",
    "<references>",
]


class ApiQuerySiteinfo(QueryModule):
    name = "siteinfo"
    prefix = "si"
    group = "meta"
    classname = "ApiQuerySiteinfo"
    read_rights = False
    params = [
        Param("prop", PROPS, multi=True, default="general"),
        Param("filteriw", ["!local", "local"]),
        Param("showalldb", "boolean"),
        Param("numberingroup", "boolean"),
        Param("inlanguagecode", "string"),
    ]

    def execute(self) -> None:
        for prop in self.p("prop"):
            fn = getattr(self, "_" + prop, None)
            if fn is not None:
                self.query.add(prop, fn())

    def _general(self) -> dict[str, Any]:
        api = self.api
        cfg = site_config()
        server = site.server(api.request)
        fv2 = api.fv == 2
        d: dict[str, Any] = {
            "mainpage": "Main Page",
            "base": f"{server}/wiki/Main_Page",
            "sitename": cfg.sitename,
            "logo": f"{server}/static/logo.svg",
            "generator": api_generator(),
            "phpversion": "",
            "phpsapi": "",
            "dbtype": connection.vendor,
            "dbversion": "",
        }
        api.boolean(d, "mainpageisdomainroot", False)
        api.boolean(d, "imagewhitelistenabled", False)
        api.boolean(d, "langconversion", False)
        api.boolean(d, "linkconversion", False)
        api.boolean(d, "titleconversion", False)
        d.update(
            {
                "linkprefixcharset": "",
                "linkprefix": "",
                "linktrail": "/^([a-z]+)(.*)$/sD",
                "legaltitlechars": LEGAL_TITLE_CHARS,
                "invalidusernamechars": "@:>",
            }
        )
        api.boolean(d, "allunicodefixes", False)
        api.boolean(d, "fixarabicunicode", True)
        api.boolean(d, "fixmalayalamunicode", True)
        d["case"] = "first-letter"
        d["lang"] = cfg.language
        d["fallback"] = []
        api.boolean(d, "rtl", False)
        d["fallback8bitEncoding"] = "windows-1252"
        api.boolean(d, "readonly", False)
        api.boolean(d, "writeapi", True)
        d["maxarticlesize"] = settings.MAX_ARTICLE_SIZE
        d["timezone"] = "UTC"
        d["timeoffset"] = 0
        d["articlepath"] = cfg.article_path
        d["scriptpath"] = cfg.script_path
        d["script"] = cfg.script
        d["variantarticlepath"] = False
        d["server"] = server
        d["servername"] = api.request.get_host().split(":")[0]
        d["wikiid"] = "".join(c for c in cfg.sitename.lower() if c.isalnum()) or "vellum"
        d["time"] = iso(datetime.now(UTC))
        api.boolean(d, "misermode", False)
        api.boolean(d, "uploadsenabled", cfg.enable_uploads)
        d["maxuploadsize"] = 100 * 1024 * 1024
        d["minuploadchunksize"] = 1024
        gallery: dict[str, Any] = {"imagesPerRow": 0, "imageWidth": 120, "imageHeight": 120}
        api.boolean(gallery, "captionLength", True)
        api.boolean(gallery, "showBytes", True)
        api.boolean(gallery, "showDimensions", True)
        gallery["mode"] = "traditional"
        d["galleryoptions"] = gallery
        limits = list(cfg.thumb_limits)
        images = [
            {"width": 320, "height": 240},
            {"width": 640, "height": 480},
            {"width": 800, "height": 600},
            {"width": 1024, "height": 768},
            {"width": 1280, "height": 1024},
            {"width": 2560, "height": 2048},
        ]
        d["thumblimits"] = {str(i): v for i, v in enumerate(limits)} if fv2 else limits
        d["imagelimits"] = {str(i): v for i, v in enumerate(images)} if fv2 else images
        d["favicon"] = f"{server}/favicon.ico"
        d["centralidlookupprovider"] = "local"
        d["allcentralidlookupproviders"] = ["local"]
        api.boolean(d, "interwikimagic", cfg.interwiki_magic)
        magic = dict(cfg.magic_links)
        d["magiclinks"] = magic if fv2 else [k for k, v in magic.items() if v]
        d["categorycollation"] = "uppercase"
        api.boolean(d, "nofollowlinks", cfg.nofollow)
        d["nofollownsexceptions"] = []
        d["nofollowdomainexceptions"] = list(cfg.nofollow_domain_exceptions)
        if fv2:
            d["externallinktarget"] = False
        api.boolean(d, "citeresponsivereferences", cfg.cite_responsive_references)
        return d

    def _namespaces(self) -> dict[str, Any]:
        api = self.api
        ns: Namespaces = site.namespaces()
        out: dict[str, Any] = {}
        for i in ns.ids():
            d: dict[str, Any] = {"id": i, "case": "first-letter"}
            name = ns.text(i)
            if api.fv == 2:
                d["name"] = name
            api.boolean(d, "subpages", ns.has_subpages(i))
            canonical = ns.canonical_name(i).replace("_", " ")
            if canonical:
                d["canonical"] = canonical
            api.boolean(d, "content", i == 0)
            api.boolean(d, "nonincludable", False)
            if api.fv == 1:
                d["*"] = name
            out[str(i)] = d
        return out

    def _namespacealiases(self) -> list[dict[str, Any]]:
        out = []
        for alias, i in sorted(site.namespaces().aliases.items(), key=lambda kv: kv[1]):
            d: dict[str, Any] = {"id": i}
            self.api.content(d, "alias", alias.replace("_", " "))
            out.append(d)
        return out

    def _statistics(self) -> dict[str, int]:
        stats = DatabaseSite().statistics()
        keys = ["pages", "articles", "edits", "images", "users", "activeusers", "admins"]
        out = {k: int(stats.get(k, stats.get("files", 0) if k == "images" else 0)) for k in keys}
        out["jobs"] = 0
        return out

    def _usergroups(self) -> list[dict[str, Any]]:
        out = []
        for g, rights in GROUP_RIGHTS.items():
            out.append({"name": g, "rights": sorted(rights)})
        return out

    def _interwikimap(self) -> list[dict[str, Any]]:
        out = []
        for prefix, iw in sorted(site_config().interwiki.items()):
            d: dict[str, Any] = {"prefix": prefix, "url": iw.url}
            self.api.flag(d, "local", iw.local)
            out.append(d)
        return out

    def _extensions(self) -> list[dict[str, Any]]:
        return [
            {
                "type": "parserhook",
                "name": "Cite",
                "version": "",
                "license-name": "GPL-2.0-or-later",
            },
            {
                "type": "parserhook",
                "name": "ParserFunctions",
                "version": "",
                "license-name": "GPL-2.0-or-later",
            },
        ]

    def _fileextensions(self) -> list[dict[str, str]]:
        return [{"ext": e} for e in FILE_EXTENSIONS]

    def _rightsinfo(self) -> dict[str, str]:
        return {"url": "", "text": ""}

    def _restrictions(self) -> dict[str, Any]:
        return {
            "types": ["create", "edit", "move", "upload"],
            "levels": ["", "autoconfirmed", "sysop"],
            "cascadinglevels": ["sysop"],
            "semiprotectedlevels": ["autoconfirmed"],
        }

    def _libraries(self) -> list[Any]:
        return []

    def _skins(self) -> list[dict[str, Any]]:
        d: dict[str, Any] = {"code": "vector"}
        self.api.flag(d, "default")
        self.api.content(d, "name", "Vector")
        return [d]

    def _extensiontags(self) -> list[str]:
        from vellum.wikitext.extensions import load

        return sorted({f"<{name}>" for name in load()} | set(EXTENSION_TAGS))

    def _functionhooks(self) -> list[str]:
        from vellum.wikitext import functions

        functions.load()
        return sorted(functions.FUNCTIONS)

    def _variables(self) -> list[str]:
        from vellum.wikitext.magicwords import VARIABLE_WORDS

        return list(VARIABLE_WORDS)

    def _languages(self) -> list[dict[str, Any]]:
        d: dict[str, Any] = {"code": "en", "bcp47": "en"}
        self.api.content(d, "name", "English")
        return [d]

    def _languagevariants(self) -> dict[str, Any]:
        return {}  # English has no variants

    def _showhooks(self) -> list[Any]:
        return []  # Vellum has no hook system

    def _defaultoptions(self) -> dict[str, Any]:
        return {"language": "en", "skin": "vector", "timecorrection": "System|0"}

    def _uploaddialog(self) -> dict[str, Any]:
        return {
            "fields": {"description": True, "date": False, "categories": False},
            "licensemessages": {"local": "generic-local", "foreign": "generic-foreign"},
            "comment": {"local": "", "foreign": ""},
            "format": {"filepage": "$DESCRIPTION"},
        }

    def _protocols(self) -> list[str]:
        return list(site_config().url_protocols)

    def _magicwords(self) -> list[dict[str, Any]]:
        from vellum.wikitext.magicwords import VARIABLE_WORDS

        words: dict[str, tuple[bool, tuple[str, ...]]] = {
            "redirect": (False, ("#REDIRECT",)),
            "notoc": (False, ("__NOTOC__",)),
            "forcetoc": (False, ("__FORCETOC__",)),
            "toc": (False, ("__TOC__",)),
            "noeditsection": (False, ("__NOEDITSECTION__",)),
            "defaultsort": (True, ("DEFAULTSORT:", "DEFAULTSORTKEY:", "DEFAULTCATEGORYSORT:")),
            "displaytitle": (True, ("DISPLAYTITLE:",)),
            **VARIABLE_WORDS,
        }
        out = []
        for name, (case, aliases) in words.items():
            d: dict[str, Any] = {"name": name, "aliases": list(aliases)}
            self.api.boolean(d, "case-sensitive", case)
            out.append(d)
        return out

    def _specialpagealiases(self) -> list[dict[str, Any]]:
        from vellum.wiki.views.special import ALIASES, SPECIAL_PAGES

        out = []
        for name in SPECIAL_PAGES:
            aliases = [name] + sorted(a for a, target in ALIASES.items() if target == name)
            out.append({"realname": name, "aliases": aliases})
        return out

    def _dbrepllag(self) -> list[dict[str, Any]]:
        return [{"host": "", "lag": 0}]


def api_generator() -> str:
    from ..main import GENERATOR

    return GENERATOR
