"""action=help (ApiHelp): the modules and their parameters, generated from the declarations
(the default action, so a browser opening /api.php sees it)."""

from __future__ import annotations

import sys
from html import escape

from .. import registry
from ..base import ApiModule
from ..params import Param


class ApiHelp(ApiModule):
    name = "help"
    classname = "ApiHelp"
    read_rights = False
    params = [
        Param("modules", "string", multi=True, default="main"),
        Param("submodules", "boolean"),
        Param("recursivesubmodules", "boolean"),
        Param("wrap", "boolean"),
        Param("toc", "boolean"),
    ]

    def execute(self) -> None:
        v = self.values()
        paths: list[str] = []
        for m in v["modules"] or ["main"]:
            paths.append(m)
            if m == "main" and (v["submodules"] or v["recursivesubmodules"]):
                paths += registry.action_names()
            if v["recursivesubmodules"] and m in ("main", "query"):
                paths += [f"query+{n}" for n in sorted(registry.QUERY)]
        parts = ['<div class="apihelp">']
        for path in dict.fromkeys(paths):
            cls = registry.module_by_path(path)
            if cls is None:
                parts.append(f"<p>Unknown module {escape(path)}.</p>")
                continue
            parts.append(f'<h2 id="{escape(path)}">{escape(path)}</h2>')
            doc = cls.__doc__ or sys.modules[cls.__module__].__doc__ or ""
            if doc:
                parts.append(f"<p>{escape(' '.join(doc.split()))}</p>")
            flags = [
                f
                for f, on in (
                    ("requires POST", cls.must_be_posted),
                    ("needs a " + str(cls.token) + " token", bool(cls.token)),
                )
                if on
            ]
            if flags:
                parts.append(f"<p><i>{escape('; '.join(flags))}</i></p>")
            parts.append("<dl>")
            prefix = getattr(cls, "prefix", "")
            for p in cls.all_params():
                kind = "one of: " + ", ".join(p.type) if isinstance(p.type, list) else p.type
                extra = []
                if p.multi:
                    extra.append("multiple values separated by |")
                if p.required:
                    extra.append("required")
                if p.default not in (None, ""):
                    extra.append(f"default: {p.default}")
                detail = "; ".join([kind, *extra])
                parts.append(f"<dt>{escape(prefix + p.name)}</dt><dd>{escape(detail)}</dd>")
            parts.append("</dl>")
        parts.append("</div>")
        html = "".join(parts)
        if self.api.raw.get("format", "jsonfm") == "jsonfm":
            # A browser opening /api.php: the help page itself, as MediaWiki shows it.
            self.api.html_body = html
            return
        out = {"mime": "text/html"}
        self.api.content(out, "help", html)
        self.api.result["help"] = out
