"""action=query (ApiQuery): runs the page set, then the prop, list and meta submodules.

Submodules live one per file in this package; `vellum.api.registry.QUERY` names them.
"""

from __future__ import annotations

from typing import Any

from .. import registry
from ..base import ApiModule
from ..errors import ApiError
from ..params import Param
from .continuation import ContinuationManager
from .pageset import PageSet


def _badcontinue() -> ApiError:
    return ApiError(
        "badcontinue",
        "Invalid continue param. You should pass the original value returned by the previous "
        "query.",
    )


# The page-set parameters (ApiPageSet) shared by query and the modules that take pages
# (purge), in MediaWiki's order.
PAGESET_PARAMS = [
    Param("titles", "string", multi=True),
    Param("pageids", "integer", multi=True),
    Param("revids", "integer", multi=True),
    Param("generator", []),
    Param("redirects", "boolean"),
    Param("converttitles", "boolean"),
]


class ApiQuery(ApiModule):
    name = "query"
    classname = "ApiQuery"
    params = [
        Param("prop", [], multi=True),
        Param("list", [], multi=True),
        Param("meta", [], multi=True),
        Param("indexpageids", "boolean"),
        Param("export", "boolean"),
        Param("exportnowrap", "boolean"),
        Param("exportschema", ["0.10", "0.11"], default="0.11"),
        Param("iwurl", "boolean"),
        Param("continue", "string"),
        Param("rawcontinue", "boolean"),
        *PAGESET_PARAMS,
    ]

    @classmethod
    def all_params(cls) -> list[Param]:
        out: list[Param] = []
        for p in cls.params:
            if p.name in ("prop", "list", "meta"):
                names = registry.query_modules(p.name)
                p = Param(p.name, names, multi=True, submodules={n: f"query+{n}" for n in names})
            elif p.name == "generator":
                names = registry.generators()
                p = Param("generator", names, submodules={n: f"query+{n}" for n in names})
            out.append(p)
        return out

    def execute(self) -> None:
        api = self.api
        v = self.values()
        self.pageset = PageSet(api, follow_redirects=v["redirects"])
        modules: list[Any] = []
        for group in ("prop", "list", "meta"):
            for name in v[group]:
                cls = registry.query_module(name)
                if cls is not None and all(m.name != name for m in modules):
                    modules.append(cls(api, self))
        prop_names = [m.name for m in modules if m.group == "prop"]
        self.continuation = ContinuationManager(
            api.raw, v["continue"] or "", [m.name for m in modules], prop_names, _badcontinue
        )
        for m in modules:
            m.values()  # validate, and mark as used even when skipped or given no pages
        self.result: dict[str, Any] = {}
        self.pages_out: dict[int, dict[str, Any]] = {}

        self._run_pageset(v)
        info = self.pageset.general_info(api.fv)
        self.result.update(info)
        self.pages_out = self.pageset.page_records()

        for m in modules:
            if not self.continuation.is_skipped(m.name):
                m.execute()

        if v["export"] or v["exportnowrap"]:
            self._export(v)
        self._output(v)

    def _export(self, v: dict[str, Any]) -> None:
        """`export`: the page set's current revisions as a MediaWiki XML dump (0.11)."""
        import io

        from vellum.wiki.services.exporting import export_pages

        if v["exportschema"] != "0.11":
            self.api.warn(self.name, "Only the 0.11 export schema is available; using it.")
        buf = io.BytesIO()
        titles = [e.title.prefixed_text for e in self.pageset.good()]
        export_pages(buf, full=False, titles=titles)
        xml = buf.getvalue().decode("utf-8")
        if v["exportnowrap"]:
            self.api.xml_body = xml
            return
        self.result["export"] = xml if self.api.fv == 2 else {"*": xml}

    def _run_pageset(self, v: dict[str, Any]) -> None:
        run_pageset(self, v)

    def page(self, key: int) -> dict[str, Any]:
        """The output record of one page of the set, for prop modules to add to."""
        return self.pages_out[key]

    def add(self, key: str, value: Any) -> None:
        self.result[key] = value

    def _output(self, v: dict[str, Any]) -> None:
        api = self.api
        out: dict[str, Any] = {}
        for k in ("normalized", "redirects", "interwiki", "badrevids"):
            if k in self.result:
                out[k] = self.result.pop(k)
        if self.pages_out:
            if v["indexpageids"]:
                out["pageids"] = [str(k) for k in self.pages_out]
            if api.fv == 2:
                out["pages"] = list(self.pages_out.values())
            else:
                out["pages"] = {str(k): rec for k, rec in self.pages_out.items()}
        out.update(self.result)
        if v["rawcontinue"]:
            legacy = self.continuation.legacy_result()
            if legacy:
                api.result["query-continue"] = legacy
        else:
            data, batchcomplete = self.continuation.result()
            if batchcomplete:
                api.result["batchcomplete"] = True if api.fv == 2 else ""
            if data:
                api.result["continue"] = data
        if out:
            api.result["query"] = out


def run_pageset(owner: Any, v: dict[str, Any]) -> None:
    """Fill `owner.pageset` from titles/pageids/revids or a generator (ApiPageSet::execute).

    `owner` is the module holding the page set (ApiQuery, ApiPurge): it has `api`,
    `pageset` and `continuation`, which a generator reports its continuation to.
    """
    gen_cls = registry.query_module(v["generator"]) if v["generator"] else None
    sources = [n for n in ("titles", "pageids", "revids") if v[n]]
    if gen_cls is not None:
        sources = ["generator"] if gen_cls.group == "prop" else [*sources, "generator"]
    if len(sources) > 1:
        listed = ", ".join(f'"{s}"' for s in sources[:-1]) + f' and "{sources[-1]}"'
        raise ApiError("invalidparammix", f"The parameters {listed} can not be used together.")
    ps = owner.pageset
    if gen_cls is not None:
        gen = gen_cls(owner.api, owner, generator_mode=True)
        if gen.group == "prop":
            # A prop generator works on the pages named by titles/pageids/revids.
            source = PageSet(owner.api, follow_redirects=v["redirects"])
            gen.source = source
            if v["titles"]:
                source.add_titles(v["titles"])
            elif v["pageids"]:
                source.add_pageids(v["pageids"])
            elif v["revids"]:
                source.add_revids(v["revids"])
            source.resolve_redirects()
        if owner.continuation.generator_done:
            gen.values()
            return
        ps.add_mixed(gen.run_generator())
    elif v["titles"]:
        ps.add_titles(v["titles"])
    elif v["pageids"]:
        ps.add_pageids(v["pageids"])
    elif v["revids"]:
        ps.add_revids(v["revids"])
    ps.resolve_redirects()
