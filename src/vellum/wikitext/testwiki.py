"""The parser tests' wiki (MediaWiki's ParserTestRunner setup) as a SiteConfig + MemorySite.

Used by `vellum render --batch` (the parser tests' protocol) and by the engine's tests: the
settings are those listed in ../shared/parsertests/TEST-CONFIG.md.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from typing import Any

from .namespaces import Namespaces
from .options import RenderOptions
from .site import FileInfo, Interwiki, MemorySite, SiteConfig

INTERWIKIS: list[tuple[str, str, bool]] = [
    ("local", "http://example.org/wiki/$1", True),
    ("project", "http://example.org/wiki/$1", True),
    ("wikipedia", "http://en.wikipedia.org/wiki/$1", False),
    ("meatball", "http://www.usemod.com/cgi-bin/mb.pl?$1", False),
    ("memoryalpha", "http://www.memory-alpha.org/en/index.php/$1", False),
    ("zh", "http://zh.wikipedia.org/wiki/$1", True),
    ("es", "http://es.wikipedia.org/wiki/$1", True),
    ("fr", "http://fr.wikipedia.org/wiki/$1", True),
    ("ru", "http://ru.wikipedia.org/wiki/$1", True),
    ("mi", "http://example.org/wiki/$1", True),
    ("mul", "http://wikisource.org/wiki/$1", True),
    ("en", "//en.wikipedia.org/wiki/$1", True),
    ("stats", "https://stats.wikimedia.org/$1", True),
    ("gerrit", "https://gerrit.wikimedia.org/$1", True),
    ("wikinvest", "https://meta.wikimedia.org/wiki/Interwiki_map/discontinued#Wikinvest", True),
]
LANGUAGE_PREFIXES = {"zh", "es", "fr", "ru", "en", "mi", "mul"}


def test_config() -> SiteConfig:
    """The SiteConfig of MediaWiki's parser-test wiki."""
    namespaces = Namespaces.default(
        "TestWiki", extra={100: "MemoryAlpha", 101: "MemoryAlpha_talk"}, subpages=set()
    )
    interwiki = {
        p: Interwiki(p, url, local, language=p in LANGUAGE_PREFIXES) for p, url, local in INTERWIKIS
    }
    return SiteConfig(
        sitename="MediaWiki",
        server="http://example.org",
        server_name="example.org",
        script_path="",
        script="/index.php",
        article_path="/wiki/$1",
        style_path="/skins",
        meta_namespace="TestWiki",
        namespaces=namespaces,
        interwiki=interwiki,
        local_interwikis={"local", "project", "mi"},
        extra_interlanguage_prefixes={"mul"},
        magic_links={"ISBN": True, "PMID": True, "RFC": True},
        nofollow=True,
        nofollow_domain_exceptions=("no-nofollow.org",),
        enable_uploads=True,
        allow_external_images=True,
        thumb_limits=(0, 0, 0, 0, 0, 180),
        thumbsize_pref=5,
        fragment_mode=("legacy",),
        max_toc_level=999,
        pf_enable_string_functions=True,
    )


def test_options() -> RenderOptions:
    return RenderOptions(revision_id=1337, now=123.0, revision_timestamp="19700101000203")


def load_pages_xml(path: str) -> list[tuple[str, str]]:
    """(title, text) of every page of a MediaWiki XML export."""
    out: list[tuple[str, str]] = []
    for _, elem in ET.iterparse(path, events=("end",)):
        if elem.tag.rsplit("}", 1)[-1] != "page":
            continue
        title = text = None
        for child in elem.iter():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "title":
                title = child.text or ""
            elif tag == "text":
                text = child.text or ""
        if title is not None:
            out.append((title, text or ""))
        elem.clear()
    return out


def load_files_json(path: str) -> list[FileInfo]:
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    files = []
    for d in data:
        files.append(
            FileInfo(
                name=d["name"],
                width=d.get("width") or 0,
                height=d.get("height") or 0,
                mime=d.get("mime", ""),
                media_type=d.get("media_type", ""),
                size=d.get("size") or 0,
                bits=d.get("bits") or 0,
                sha1=d.get("sha1") or "",
                timestamp=d.get("timestamp") or "",
                url=d.get("url", ""),
                thumb_url=d.get("thumb_url", ""),
                description_page=d.get("description_page", ""),
                page_count=d.get("pages") or 0,
                page_sizes=d.get("page_sizes") or [],
                duration=d.get("duration"),
                translations=d.get("translations") or [],
                comment=d.get("comment", ""),
            )
        )
    return files


def build_site(
    config: SiteConfig, pages: list[tuple[str, str]], files: list[FileInfo]
) -> MemorySite:
    site = MemorySite(config)
    for f in files:
        site.add_file(f)
        desc = f"File:{f.name}"
        if site.config.try_title(desc) is not None:
            site.add_page(desc, "")
    for title, text in pages:
        t = config.try_title(title)
        if t is not None:
            site.add_page(t, text)
    return site


_CONFIG_FIELDS = {
    "wgMaxTocLevel": "max_toc_level",
    "wgAllowExternalImages": "allow_external_images",
    "wgEnableUploads": "enable_uploads",
    "wgNoFollowLinks": "nofollow",
    "wgExternalLinkTarget": "external_link_target",
    "wgParserEnableLegacyMediaDOM": "legacy_media_dom",
    "wgAllowDisplayTitle": "allow_display_title",
    "wgRestrictDisplayTitle": "restrict_display_title",
    "wgCiteResponsiveReferences": "cite_responsive_references",
    "wgRawHtml": "raw_html",
}


def apply_test_settings(
    config: SiteConfig, options: dict[str, Any], globals_: dict[str, Any]
) -> SiteConfig:
    """A copy of `config` with a test's `!! config` globals and setting options applied."""
    if not options and not globals_:
        return config
    changes: dict[str, Any] = {}
    extra = dict(config.extra)
    for name, value in globals_.items():
        field_name = _CONFIG_FIELDS.get(name)
        if field_name:
            changes[field_name] = value
        elif name == "wgFragmentMode":
            changes["fragment_mode"] = tuple(value)
        elif name == "wgNoFollowDomainExceptions":
            changes["nofollow_domain_exceptions"] = tuple(value)
        elif name == "wgEnableMagicLinks" and isinstance(value, dict):
            changes["magic_links"] = {**config.magic_links, **value}
        else:
            extra[name] = value
    opt = {k.lower(): v for k, v in options.items()}
    if "thumbsize" in opt:
        try:
            changes["thumb_limits"] = (0, 0, 0, 0, 0, int(opt["thumbsize"]))
        except ValueError:
            pass
    if "wgmaxtoclevel" in opt:
        changes["max_toc_level"] = int(opt["wgmaxtoclevel"])
    if "wgallowexternalimages" in opt:
        changes["allow_external_images"] = opt["wgallowexternalimages"] not in ("0", "", "false")
    if "wgenableuploads" in opt:
        changes["enable_uploads"] = opt["wgenableuploads"] not in ("0", "", "false")
    if "wgrawhtml" in opt:
        changes["raw_html"] = opt["wgrawhtml"] not in ("0", "", "false")
    if "wgenablemagiclinks" in opt and isinstance(opt["wgenablemagiclinks"], dict):
        changes["magic_links"] = {**config.magic_links, **opt["wgenablemagiclinks"]}
    if "subpage" in opt:
        ns = config.namespaces
        changes["namespaces"] = Namespaces(
            names=ns.names,
            aliases=ns.aliases,
            canonical=ns.canonical,
            subpages=set(ns.names),
            capital_links=ns.capital_links,
        )
    if "language" in opt and isinstance(opt["language"], str):
        changes["language"] = opt["language"]
    changes["extra"] = extra
    return replace(config, **changes)


def _var_export(value: Any) -> str:
    """PHP's var_export for strings, null and string arrays."""
    if value is None:
        return "NULL"
    if isinstance(value, dict):
        items = "".join(f"  {_var_export(k)} => {_var_export(v)},\n" for k, v in value.items())
        return "array (\n" + items + ")"
    return "'" + str(value).replace("\\", "\\\\").replace("'", "\\'") + "'"


def register_test_hooks() -> None:
    """The tags that exist only in MediaWiki's parser-test runner (TEST-CONFIG.md §7)."""
    from .extensions import TAG_HOOKS, load

    load()
    static: dict[str, str] = {}

    def tag(ctx, content, attrs, frame):
        return f"<pre>\n{_var_export(content)}\n{_var_export(attrs)}\n</pre>"

    def statictag(ctx, content, attrs, frame):
        key = "statictag"
        if attrs.get("action") == "flush":
            out = static.get(key, "")
            static.pop(key, None)
            return out
        static[key] = content or ""
        return ""

    def asidetag(ctx, content, attrs, frame):
        return "<aside>Some aside content</aside>"

    def pwraptest(ctx, content, attrs, frame):
        return "<!--CMT--><style>p{}</style>"

    TAG_HOOKS.setdefault("tag", tag)
    TAG_HOOKS.setdefault("tåg", tag)
    TAG_HOOKS.setdefault("statictag", statictag)
    TAG_HOOKS.setdefault("asidetag", asidetag)
    TAG_HOOKS.setdefault("pwraptest", pwraptest)
