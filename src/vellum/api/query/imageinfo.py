"""prop=imageinfo (ApiQueryImageInfo): uploaded file versions with size, URL, SHA-1, MIME."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from vellum.wiki.models import File, OldFile
from vellum.wiki.services.uploads import file_url, hash_path

from .. import siteinfo as site
from ..formatting import comment_fields, sha1_hex, user_fields
from ..params import Param
from ..timestamps import iso
from .base import QueryModule

PROPS = [
    "timestamp",
    "user",
    "userid",
    "comment",
    "parsedcomment",
    "canonicaltitle",
    "url",
    "size",
    "dimensions",
    "sha1",
    "mime",
    "thumbmime",
    "mediatype",
    "metadata",
    "commonmetadata",
    "extmetadata",
    "archivename",
    "bitdepth",
    "uploadwarning",
    "badfile",
]


class ApiQueryImageInfo(QueryModule):
    name = "imageinfo"
    prefix = "ii"
    group = "prop"
    classname = "ApiQueryImageInfo"
    params = [
        Param("prop", PROPS, multi=True, default="timestamp|user"),
        Param("limit", "limit", default=1, max=500, highmax=5000),
        Param("start", "timestamp"),
        Param("end", "timestamp"),
        Param("urlwidth", "integer", default=-1),
        Param("urlheight", "integer", default=-1),
        Param("metadataversion", "string", default="1"),
        Param("extmetadatalanguage", "string", default="en"),
        Param("extmetadatamultilang", "boolean"),
        Param("extmetadatafilter", "string", multi=True),
        Param("urlparam", "string", default=""),
        Param("badfilecontexttitle", "string"),
        Param("continue", "string"),
        Param("localonly", "boolean"),
    ]

    def execute(self) -> None:
        api = self.api
        props = set(self.p("prop"))
        limit = self.p("limit")
        entries = [e for e in self.pageset.all_titles() if e.title.namespace == 6]
        names = [e.title.dbkey for e in entries]
        files = {f.name: f for f in File.objects.filter(name__in=names).select_related("actor")}
        for e in entries:
            rec = self.query.page(e.key)
            f = files.get(e.title.dbkey)
            if f is None:
                rec["imagerepository"] = ""
                continue
            rec["imagerepository"] = "local"
            versions: list[Any] = [f]
            if limit > 1:
                olds = OldFile.objects.filter(name=f.name).select_related("actor")
                versions += list(olds.order_by("-timestamp")[: limit - 1])
            rec["imageinfo"] = [describe_file(api, v, props, e.title) for v in versions[:limit]]


def describe_file(api: Any, f: Any, props: set[str], title: Any) -> dict[str, Any]:
    """One file version as imageinfo (and action=upload's result) describes it."""
    server = site.server(api.request)
    d: dict[str, Any] = {}
    if "timestamp" in props:
        d["timestamp"] = iso(f.timestamp)
    if "user" in props or "userid" in props:
        user_fields(api, d, f.actor, "user" in props, "userid" in props)
    if "size" in props or "dimensions" in props:
        d["size"] = f.size
        d["width"] = f.width
        d["height"] = f.height
    if "comment" in props or "parsedcomment" in props:
        comment_fields(api, d, f.description, "comment" in props, "parsedcomment" in props)
    if "canonicaltitle" in props:
        d["canonicaltitle"] = title.prefixed_text
    if "url" in props:
        if isinstance(f, OldFile):
            url = f"/images/archive/{hash_path(f.name)}/{quote(f.archive_name)}"
        else:
            url = file_url(f.name)
        d["url"] = server + url
        d["descriptionurl"] = f"{server}/wiki/{quote(title.prefixed_dbkey, safe=':/')}"
    if "sha1" in props:
        d["sha1"] = sha1_hex(f.sha1)
    if "metadata" in props:
        d["metadata"] = _metadata(f)
    if "commonmetadata" in props:
        d["commonmetadata"] = []
    if "extmetadata" in props:
        d["extmetadata"] = {}
    if "mime" in props:
        d["mime"] = f.mime
    if "mediatype" in props:
        d["mediatype"] = f.media_type
    if "archivename" in props and isinstance(f, OldFile):
        d["archivename"] = f.archive_name
    if "bitdepth" in props:
        d["bitdepth"] = f.bits
    return d


def _metadata(f: Any) -> list[dict[str, Any]]:
    meta = getattr(f, "metadata", None) or {}
    return [{"name": k, "value": v} for k, v in meta.items()]
