"""action=compare (ApiComparePages): the diff table rows between two revisions, pages or
texts, from the diff engine (`vellum.diff.diff_table`)."""

from __future__ import annotations

from typing import Any

from vellum.diff import diff_table
from vellum.wiki.models import Page, Revision
from vellum.wiki.services.titles import parse_title, title_of
from vellum.wikitext.title import InvalidTitle

from ..base import ApiModule
from ..errors import ApiError, bad_title
from ..formatting import comment_fields, user_fields
from ..params import Param
from ..timestamps import iso

PROPS = [
    "comment",
    "diff",
    "diffsize",
    "ids",
    "parsedcomment",
    "rel",
    "size",
    "timestamp",
    "title",
    "user",
]


def _side_params(side: str) -> list[Param]:
    return [
        Param(f"{side}title", "string"),
        Param(f"{side}id", "integer"),
        Param(f"{side}rev", "integer"),
        Param(f"{side}slots", ["main"], multi=True),
        Param(f"{side}text-main", "text", templated=True),
        Param(f"{side}section-main", "string", templated=True),
        Param(f"{side}contentformat-main", ["text/x-wiki"], templated=True),
        Param(f"{side}contentmodel-main", ["wikitext"], templated=True),
        Param(f"{side}pst", "boolean"),
        Param(f"{side}text", "text", deprecated=True),
        Param(f"{side}contentformat", ["text/x-wiki"], deprecated=True),
        Param(f"{side}contentmodel", ["wikitext"], deprecated=True),
        Param(f"{side}section", "string", deprecated=True),
    ]


class ApiCompare(ApiModule):
    name = "compare"
    classname = "ApiComparePages"
    params = [
        *_side_params("from"),
        *_side_params("to"),
        Param("torelative", ["cur", "next", "prev"]),
        Param("prop", PROPS, multi=True, default="diff|ids|title"),
        Param("slots", ["main"], multi=True, allspecifier=True),
        Param("difftype", ["inline", "table"], default="table"),
    ]

    def execute(self) -> None:
        api = self.api
        v = self.values()
        props = set(v["prop"])
        from_rev, from_text = self._side("from", v)
        if v["torelative"]:
            if from_rev is None:
                raise ApiError(
                    "compare-relative-to-nothing",
                    '"torelative" requires "fromrev", "fromid" or "fromtitle".',
                )
            to_rev = self._relative(from_rev, v["torelative"])
            to_text = to_rev.content.text if to_rev else ""
        else:
            to_rev, to_text = self._side("to", v)
        out: dict[str, Any] = {}
        for side, rev in (("from", from_rev), ("to", to_rev)):
            if rev is None:
                continue
            page = rev.page
            if "ids" in props:
                out[f"{side}id"] = page.pk if page else 0
                out[f"{side}revid"] = rev.pk
            if "title" in props and page is not None:
                out[f"{side}ns"] = page.namespace
                out[f"{side}title"] = title_of(page).prefixed_text
            if "size" in props:
                out[f"{side}size"] = rev.len
            if "timestamp" in props:
                out[f"{side}timestamp"] = iso(rev.timestamp)
            if "user" in props:
                d: dict[str, Any] = {}
                user_fields(api, d, rev.actor, True, True, rev.deleted)
                for k, val in d.items():
                    out[f"{side}{k}"] = val
            if "comment" in props or "parsedcomment" in props:
                d = {}
                comment_fields(
                    api, d, rev.comment, "comment" in props, "parsedcomment" in props, rev.deleted
                )
                for k, val in d.items():
                    out[f"{side}{k}"] = val
        if "rel" in props and to_rev is not None:
            prev = Revision.objects.filter(pk=to_rev.parent_id).values_list("id", flat=True)
            if prev:
                out["prev"] = prev[0]
        if "diff" in props:
            body = diff_table(from_text, to_text, 2)
            if api.fv == 2:
                out["body"] = body
            else:
                out["*"] = body
        if "diffsize" in props:
            out["diffsize"] = len(diff_table(from_text, to_text, 2).encode("utf-8"))
        api.result["compare"] = out

    def _side(self, side: str, v: dict[str, Any]) -> tuple[Revision | None, str]:
        rev_id = v[f"{side}rev"]
        page_id = v[f"{side}id"]
        title = v[f"{side}title"]
        text = v[f"{side}text-main"] if v[f"{side}text-main"] is not None else v[f"{side}text"]
        if rev_id is not None:
            rev = (
                Revision.objects.filter(pk=rev_id, page__isnull=False)
                .select_related("page", "content", "actor")
                .first()
            )
            if rev is None:
                raise ApiError("nosuchrevid", f"There is no revision with ID {rev_id}.")
            return rev, rev.content.text if text is None else text
        page: Page | None = None
        if page_id is not None:
            page = Page.objects.filter(pk=page_id).first()
            if page is None:
                raise ApiError("nosuchpageid", f"There is no page with ID {page_id}.")
        elif title is not None:
            try:
                t = parse_title(title)
            except InvalidTitle:
                raise bad_title(title) from None
            page = Page.objects.filter(namespace=t.namespace, title=t.dbkey).first()
            if page is None and text is None:
                raise ApiError("missingtitle", "The page you specified doesn't exist.")
        if page is not None and text is None:
            rev = Revision.objects.select_related("page", "content", "actor").get(pk=page.latest_id)
            return rev, rev.content.text
        if text is not None:
            return None, text
        raise ApiError(
            "compare-no" + side,
            f'One of the parameters "{side}title", "{side}id", "{side}rev", "{side}text" '
            f'and "{side}slots" is required.'
            if side == "from"
            else f'One of the parameters "{side}title", "{side}id", "{side}rev", "{side}text", '
            f'"{side}slots" and "torelative" is required.',
        )

    @staticmethod
    def _relative(rev: Revision, rel: str) -> Revision | None:
        qs = Revision.objects.filter(page_id=rev.page_id).select_related("page", "content", "actor")
        if rel == "cur":
            return qs.get(pk=rev.page.latest_id)
        if rel == "prev":
            return qs.filter(pk=rev.parent_id).first()
        return qs.filter(parent_id=rev.pk).order_by("timestamp", "id").first()
