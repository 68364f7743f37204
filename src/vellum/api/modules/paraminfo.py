"""action=paraminfo (ApiParamInfo): module descriptions generated from the declarations."""

from __future__ import annotations

from typing import Any

from .. import registry
from ..base import ApiModule
from ..params import Param, paraminfo_param


class ApiParamInfo(ApiModule):
    name = "paraminfo"
    classname = "ApiParamInfo"
    read_rights = False
    params = [
        Param("modules", "string", multi=True),
        Param("helpformat", ["html", "none", "raw", "wikitext"], default="none"),
        Param("querymodules", "string", multi=True, deprecated=True),
        Param("mainmodule", "string", deprecated=True),
        Param("pagesetmodule", "string", deprecated=True),
        Param("formatmodules", "string", multi=True, deprecated=True),
    ]

    def execute(self) -> None:
        v = self.values()
        paths: list[str] = []
        for m in v["modules"]:
            paths += _expand(m)
        paths += [f"query+{m}" for m in v["querymodules"]]
        if v["mainmodule"] is not None:
            paths.append("main")
        paths += list(v["formatmodules"])
        modules = []
        for path in dict.fromkeys(paths):
            cls = registry.module_by_path(path)
            if cls is None:
                d: dict[str, Any] = {"name": path.rsplit("+", 1)[-1], "path": path}
                self.api.flag(d, "missing")
                modules.append(d)
                continue
            modules.append(self.describe(cls, path))
        self.api.result["paraminfo"] = {"helpformat": v["helpformat"], "modules": modules}

    def describe(self, cls: type[ApiModule], path: str) -> dict[str, Any]:
        api = self.api
        fv = api.fv
        group = {"prop": "prop", "list": "list", "meta": "meta", "format": "format"}.get(
            cls.group, "action"
        )
        d: dict[str, Any] = {
            "name": cls.name,
            "classname": cls.classname or cls.__name__,
            "path": path,
        }
        if path != "main":
            d["group"] = group
        d["prefix"] = getattr(cls, "prefix", "")
        d["source"] = "MediaWiki"
        d["sourcename"] = "MediaWiki"
        d["licensetag"] = "GPL-2.0-or-later"
        d["licenselink"] = api.server() + "/wiki/Special:Version/License/MediaWiki"
        if cls.read_rights and path not in ("main",) and group != "format":
            api.flag(d, "readrights")
        if cls.write:
            api.flag(d, "writerights")
        if cls.must_be_posted:
            api.flag(d, "mustbeposted")
        if getattr(cls, "is_generator", False):
            api.flag(d, "generator")
        d["helpurls"] = [cls.helpurl] if cls.helpurl else []
        declared = cls.all_params()
        plain = [p for p in declared if not p.templated]
        d["parameters"] = [paraminfo_param(p, i, fv, d["prefix"]) for i, p in enumerate(plain, 1)]
        d["templatedparameters"] = [
            paraminfo_param(p, i, fv, d["prefix"])
            for i, p in enumerate((p for p in declared if p.templated), len(plain) + 1)
        ]
        return d


def _expand(spec: str) -> list[str]:
    """`query+*` and `main+*`-style wildcards of the modules parameter."""
    if spec.endswith("+*"):
        parent = spec[:-2]
        if parent == "query":
            return [f"query+{n}" for n in sorted(registry.QUERY)]
        if parent == "main":
            return registry.action_names()
    return [spec]
