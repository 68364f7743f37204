"""`vellum render`: wikitext on stdin to HTML, or the parser tests' JSON-lines protocol."""

from __future__ import annotations

import copy
import json
import sys
import time
import traceback
from dataclasses import replace
from typing import Any

from .options import RenderOptions
from .site import FileInfo, MemorySite, SiteConfig
from .testwiki import (
    apply_test_settings,
    build_site,
    load_files_json,
    load_pages_xml,
    register_test_hooks,
    test_config,
    test_options,
)


def run_render(args: Any) -> int:
    if getattr(args, "batch", False):
        return run_batch(sys.stdin, sys.stdout)
    from . import render

    text = sys.stdin.read()
    site = MemorySite(test_config())
    result = render(text, args.title, site, test_options())
    sys.stdout.write(result.html + "\n")
    return 0


class BatchRunner:
    """Answers parser-test requests; pages and files are loaded once per path."""

    def __init__(self) -> None:
        self.base_config: SiteConfig = test_config()
        self.files: dict[str, list[FileInfo]] = {}
        self.sites: dict[tuple[str, str], MemorySite] = {}
        register_test_hooks()

    def site_for(self, pages: str | None, files: str | None) -> MemorySite:
        key = (pages or "", files or "")
        site = self.sites.get(key)
        if site is None:
            file_list: list[FileInfo] = []
            if files:
                if files not in self.files:
                    self.files[files] = load_files_json(files)
                file_list = self.files[files]
            page_list = load_pages_xml(pages) if pages else []
            site = build_site(self.base_config, page_list, file_list)
            self.sites[key] = site
        return site

    def handle(self, req: dict[str, Any]) -> dict[str, Any]:

        site = self.site_for(req.get("pages"), req.get("files"))
        options = req.get("options") or {}
        config = req.get("config") or {}
        if options or config:
            cfg = apply_test_settings(site.config, options, config)
            if cfg is not site.config:
                site = copy.copy(site)
                site.config = cfg
        ropts = test_options()
        ropts = replace(
            ropts,
            wrap="wrap" in options,
            allow_toc="notoc" not in options,
            config=dict(config),
            test_options=dict(options),
        )
        text = req.get("wikitext", "")
        title = req.get("title") or "Parser test"
        return {"html": run_mode(text, title, site, ropts, options)}


def run_mode(text: str, title: str, site: MemorySite, ropts: Any, options: dict[str, Any]) -> str:
    """What MediaWiki's ParserTestRunner outputs for a test with these options."""
    from .parser import render

    if "pst" in options:
        from .pst import pre_save_transform

        return pre_save_transform(text, title, site, "127.0.0.1", ropts)
    if "section" in options:
        from .preprocessor.sections import get_section

        return get_section(text, str(options["section"]), "")
    if "replace" in options:
        from .preprocessor.sections import replace_section

        section, new = options["replace"][0], options["replace"][1]
        return replace_section(text, str(section), new)
    if "comment" in options:
        from .comments import format_comment

        return format_comment(text, title, site, local="local" in options)
    if "msg" in options or "preload" in options:
        return _preprocess_only(text, title, site, ropts, preload="preload" in options)
    result = render(text, title, site, ropts)
    out = result.html.rstrip()
    if "showtitle" in options:
        shown = result.display_title or title
        out = f"{shown}\n{out}"
    if "showindicators" in options:
        out = "".join(f"{k}={v}\n" for k, v in result.indicators.items()) + out
    if "showflags" in options:
        out += "\nflags=" + ", ".join(sorted(result.flags))
    if "ill" in options:
        out = " ".join(result.language_links)
    elif "cat" in options:
        out = "\n".join(f"cat={name} sort={key}" for name, key in result.categories)
    return out


def _preprocess_only(text: str, title: str, site: MemorySite, ropts: Any, preload: bool) -> str:
    """Parser::transformMsg (a message's wikitext, expanded) or Parser::getPreloadText
    (<noinclude>/<includeonly> applied, templates and arguments left alone)."""
    from .parser import make_context
    from .preprocessor import NO_ARGS, NO_TEMPLATES, build_dom, get_state, preprocess, root_frame

    ctx = make_context(text, title, site, ropts)
    if preload:
        get_state(ctx).mode = "pre"
        dom = build_dom(ctx, text, for_inclusion=True)
        out = root_frame(ctx).expand(dom, NO_ARGS | NO_TEMPLATES)
    else:
        out = preprocess(ctx, text, mode="pre")
    return ctx.strip.unstrip_both(out)


def run_batch(stdin: Any, stdout: Any) -> int:
    runner = BatchRunner()
    for line in stdin:
        line = line.strip()
        if not line:
            continue
        try:
            req = json.loads(line)
        except ValueError as exc:
            sys.stderr.write(f"bad request line: {exc}\n")
            continue
        rid = req.get("id", "")
        start = time.perf_counter()
        try:
            resp = runner.handle(req)
        except Exception as exc:  # one bad test must not end the run
            sys.stderr.write(f"{rid}: {traceback.format_exc()}\n")
            resp = {"error": f"{type(exc).__name__}: {exc}"}
        except RecursionError as exc:
            resp = {"error": f"RecursionError: {exc}"}
        resp["id"] = rid
        resp["us"] = int((time.perf_counter() - start) * 1e6)
        stdout.write(json.dumps(resp) + "\n")
        stdout.flush()
    return 0


__all__ = ["RenderOptions", "run_batch", "run_render"]
