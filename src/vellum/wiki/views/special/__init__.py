"""Special pages: one module per page, registered by MediaWiki's canonical name."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

from vellum.wikitext.title import Title

from .. import actions
from ..common import error_page, special_url
from . import (
    allpages,
    contributions,
    export,
    importdump,
    log,
    newpages,
    random,
    recentchanges,
    search,
    specialpages,
    statistics,
    upload,
    userlogin,
    whatlinkshere,
)

# name -> (view(request, subpage), description for Special:SpecialPages, group)
SPECIAL_PAGES: dict[str, tuple[Callable[[HttpRequest, str], HttpResponse], str, str]] = {
    "RecentChanges": (recentchanges.view, "Recent changes", "Recent changes and logs"),
    "Log": (log.view, "Logs", "Recent changes and logs"),
    "NewPages": (newpages.view, "New pages", "Recent changes and logs"),
    "AllPages": (allpages.view, "All pages", "Lists of pages"),
    "Random": (random.view, "Random page", "Redirecting special pages"),
    "Search": (search.view, "Search", "Lists of pages"),
    "WhatLinksHere": (whatlinkshere.view, "What links here", "Page tools"),
    "Contributions": (contributions.view, "User contributions", "Users and rights"),
    "UserLogin": (userlogin.login, "Log in", "Login / create account"),
    "UserLogout": (userlogin.logout, "Log out", "Login / create account"),
    "CreateAccount": (userlogin.create_account, "Create account", "Login / create account"),
    "Upload": (upload.view, "Upload file", "Media reports and uploads"),
    "SpecialPages": (specialpages.view, "Special pages", "Other special pages"),
    "Statistics": (statistics.view, "Statistics", "Wiki data and tools"),
    "MovePage": (actions.movepage, "Move page", "Page tools"),
    "Export": (export.view, "Export pages", "Page tools"),
    "Import": (importdump.view, "Import pages", "Page tools"),
    "Undelete": (actions.undelete, "View and restore deleted pages", "Page tools"),
}
ALIASES = {
    "Recentchanges": "RecentChanges",
    "Allpages": "AllPages",
    "Randompage": "Random",
    "RandomPage": "Random",
    "Newpages": "NewPages",
    "Contribs": "Contributions",
    "Whatlinkshere": "WhatLinksHere",
    "Login": "UserLogin",
    "Userlogin": "UserLogin",
    "Logout": "UserLogout",
    "Userlogout": "UserLogout",
    "Specialpages": "SpecialPages",
    "Movepage": "MovePage",
}


def dispatch_special(request: HttpRequest, title: Title) -> HttpResponse:
    name, _, sub = title.dbkey.partition("/")
    canonical = ALIASES.get(name, name)
    if canonical not in SPECIAL_PAGES:
        lowered = {k.lower(): k for k in SPECIAL_PAGES}
        canonical = lowered.get(name.lower(), "")
    if not canonical:
        return error_page(
            request,
            "No such special page",
            "You have requested an invalid special page. A list of valid special pages can "
            f'be found at <a href="{special_url("SpecialPages")}">Special:SpecialPages</a>.',
            404,
            safe_message=True,
        )
    if canonical != name and request.method == "GET":
        return HttpResponseRedirect(
            special_url(canonical, sub) + ("?" + request.GET.urlencode() if request.GET else "")
        )
    return SPECIAL_PAGES[canonical][0](request, sub.replace("_", " "))
