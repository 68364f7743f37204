"""Which class answers which module name: actions, and query's prop/list/meta submodules."""

from __future__ import annotations

from functools import cache
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .base import ApiModule

# action name -> "module:Class" under vellum.api
ACTIONS: dict[str, str] = {
    "clientlogin": "modules.clientlogin:ApiClientLogin",
    "compare": "modules.compare:ApiCompare",
    "createaccount": "modules.createaccount:ApiCreateAccount",
    "delete": "modules.delete:ApiDelete",
    "edit": "modules.edit:ApiEditPage",
    "expandtemplates": "modules.expandtemplates:ApiExpandTemplates",
    "help": "modules.help:ApiHelp",
    "login": "modules.login:ApiLogin",
    "logout": "modules.logout:ApiLogout",
    "move": "modules.move:ApiMove",
    "opensearch": "modules.opensearch:ApiOpenSearch",
    "paraminfo": "modules.paraminfo:ApiParamInfo",
    "parse": "modules.parse:ApiParse",
    "protect": "modules.protect:ApiProtect",
    "purge": "modules.purge:ApiPurge",
    "query": "query:ApiQuery",
    "rollback": "modules.rollback:ApiRollback",
    "undelete": "modules.undelete:ApiUndelete",
    "upload": "modules.upload:ApiUpload",
}

# query submodule name -> "module:Class" under vellum.api.query
QUERY: dict[str, str] = {
    # prop
    "categories": "categories:ApiQueryCategories",
    "categoryinfo": "categoryinfo:ApiQueryCategoryInfo",
    "extlinks": "pagelinks:ApiQueryExternalLinks",
    "images": "pagelinks:ApiQueryImages",
    "langlinks": "pagelinks:ApiQueryLangLinks",
    "imageinfo": "imageinfo:ApiQueryImageInfo",
    "info": "info:ApiQueryInfo",
    "links": "links:ApiQueryLinks",
    "pageprops": "pageprops:ApiQueryPageProps",
    "revisions": "revisions:ApiQueryRevisions",
    "templates": "links:ApiQueryTemplates",
    # list
    "allimages": "allimages:ApiQueryAllImages",
    "allpages": "allpages:ApiQueryAllPages",
    "allusers": "allusers:ApiQueryAllUsers",
    "backlinks": "backlinks:ApiQueryBacklinks",
    "categorymembers": "categorymembers:ApiQueryCategoryMembers",
    "embeddedin": "backlinks:ApiQueryEmbeddedIn",
    "imageusage": "backlinks:ApiQueryImageUsage",
    "logevents": "logevents:ApiQueryLogEvents",
    "recentchanges": "recentchanges:ApiQueryRecentChanges",
    "search": "search:ApiQuerySearch",
    "usercontribs": "usercontribs:ApiQueryUserContribs",
    "users": "users:ApiQueryUsers",
    # meta
    "siteinfo": "siteinfo:ApiQuerySiteinfo",
    "tokens": "tokens:ApiQueryTokens",
    "userinfo": "userinfo:ApiQueryUserInfo",
}


def _load(spec: str, package: str) -> type[ApiModule]:
    mod, cls = spec.split(":")
    return getattr(import_module(f"{package}.{mod}"), cls)


def action_names() -> list[str]:
    return sorted(ACTIONS)


@cache
def action(name: str) -> type[ApiModule] | None:
    spec = ACTIONS.get(name)
    return _load(spec, "vellum.api") if spec else None


@cache
def query_module(name: str) -> type[ApiModule] | None:
    spec = QUERY.get(name)
    return _load(spec, "vellum.api.query") if spec else None


@cache
def query_modules(group: str) -> list[str]:
    """Names of the query submodules of one group (prop, list, meta), sorted."""
    return sorted(n for n in QUERY if query_module(n).group == group)  # type: ignore[union-attr]


@cache
def generators() -> list[str]:
    return sorted(n for n in QUERY if getattr(query_module(n), "is_generator", False))


def module_by_path(path: str) -> type[ApiModule] | None:
    """A module by its paraminfo path: 'edit', 'query+allpages', 'main', 'json'."""
    from .main import JsonFormat, MainModule

    if path == "main":
        return MainModule
    if path == "json":
        return JsonFormat
    if path.startswith("query+"):
        return query_module(path[6:])
    return action(path)
