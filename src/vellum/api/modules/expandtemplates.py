"""action=expandtemplates (ApiExpandTemplates): wikitext with templates, parser functions and
magic words expanded by the engine's preprocessor (MediaWiki's Parser::preprocess)."""

from __future__ import annotations

from typing import Any

from vellum.wiki.models import Revision
from vellum.wiki.services.rendering import DatabaseSite, render_options
from vellum.wiki.services.titles import parse_title
from vellum.wikitext.title import InvalidTitle

from ..base import ApiModule
from ..errors import ApiError, bad_title
from ..params import Param

LEGACY = (
    'Because no values have been specified for the "prop" parameter, a legacy format has been '
    "used for the output. This format is deprecated, and in the future, a default value will be "
    'set for the "prop" parameter, causing the new format to always be used.'
)


def expand(text: str, title: Any, revision: Revision | None) -> str:
    """The preprocessed text: templates expanded, comments removed, tags kept."""
    from vellum.wikitext.extensions import load
    from vellum.wikitext.parser import make_context
    from vellum.wikitext.preprocessor import preprocess

    load()
    page = revision.page if revision is not None else None
    ctx = make_context(text, title, DatabaseSite(), render_options(page, revision))
    return ctx.strip.unstrip_both(preprocess(ctx, text, mode="pre"))


class ApiExpandTemplates(ApiModule):
    name = "expandtemplates"
    classname = "ApiExpandTemplates"
    params = [
        Param("title", "string"),
        Param("text", "text", required=True),
        Param("revid", "integer"),
        Param(
            "prop",
            [
                "categories",
                "encodedjsconfigvars",
                "jsconfigvars",
                "modules",
                "parsetree",
                "properties",
                "ttl",
                "volatile",
                "wikitext",
            ],
            multi=True,
        ),
        Param("includecomments", "boolean"),
        Param("showstrategykeys", "boolean"),
        Param("generatexml", "boolean", deprecated=True),
    ]

    def execute(self) -> None:
        api = self.api
        v = self.values()
        revision = None
        if v["revid"] is not None:
            revision = (
                Revision.objects.filter(pk=v["revid"], page__isnull=False)
                .select_related("page", "actor")
                .first()
            )
            if revision is None:
                raise ApiError("nosuchrevid", f"There is no revision with ID {v['revid']}.")
        title_text = v["title"] or "API"
        try:
            title = parse_title(title_text)
        except InvalidTitle:
            raise bad_title(title_text) from None
        if v["includecomments"]:
            api.warn(self.name, 'The parameter "includecomments" is not supported by this wiki.')
        try:
            text = expand(v["text"], title, revision)
        except Exception as e:  # the engine must never take the API down
            raise ApiError(
                "internal_api_error_" + type(e).__name__, "The text could not be expanded."
            ) from e
        props = set(v["prop"])
        out: dict[str, Any] = {}
        if not props:
            api.deprecate(self.name, LEGACY)
            api.content(out, "wikitext", text)
        else:
            if "wikitext" in props:
                out["wikitext"] = text
            if "categories" in props:
                out["categories"] = []
            if "properties" in props:
                out["properties"] = []
            if "volatile" in props:
                api.flag(out, "volatile", False)
            if "ttl" in props:
                out["ttl"] = 86400
            if "modules" in props:
                out["modules"] = []
                out["modulescripts"] = []
                out["modulestyles"] = []
            if "jsconfigvars" in props:
                out["jsconfigvars"] = {}
            if "encodedjsconfigvars" in props:
                out["encodedjsconfigvars"] = "{}"
        api.result["expandtemplates"] = out
