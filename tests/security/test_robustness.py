"""Malformed requests (huge and negative numbers, Unicode junk, missing parameters, wrong
methods) to every page of the wiki and to /api.php get a clear answer, never a 500."""

from __future__ import annotations

import itertools

import pytest
from django.test import Client

JUNK = [
    "99999999999999999999999999",
    "-1",
    "",
    "1e309",
    "\x00%",
    "\ufffe\U0001d518\u202e\u0301",
    "../../../../etc/passwd",
    "<script>|||",
    "a" * 3000,
    "cur",
    "\u00b2\u0663",
]

PARAMS = [
    "oldid", "diff", "curid", "direction", "section", "limit", "offset", "days", "from",
    "until", "target", "namespace", "search", "fulltext", "feed", "undo", "undoafter",
    "type", "user", "page", "dir", "year", "month", "returnto", "redirect", "rcid",
    "hidebots", "hideminor", "prefix", "action", "title", "preload", "editintro",
    "printable", "uselang", "redlink", "wpTextbox1", "wpSection", "wpStarttime",
    "wpEdittime", "wpBaseRevId", "from_", "to", "pages", "wpReason", "mwProtect-level-edit",
]  # fmt: skip

PAGES = [
    "/wiki/Sample",
    "/wiki/Talk:Sample",
    "/index.php",
    "/wiki/Special:RecentChanges",
    "/wiki/Special:Log",
    "/wiki/Special:NewPages",
    "/wiki/Special:AllPages",
    "/wiki/Special:Random",
    "/wiki/Special:Search",
    "/wiki/Special:WhatLinksHere",
    "/wiki/Special:Contributions",
    "/wiki/Special:Upload",
    "/wiki/Special:SpecialPages",
    "/wiki/Special:Statistics",
    "/wiki/Special:MovePage/Sample",
    "/wiki/Special:Export",
    "/wiki/Special:Import",
    "/wiki/Special:Undelete",
    "/wiki/Special:UserLogin",
    "/wiki/Special:CreateAccount",
    "/wiki/Special:UserLogout",
]

ACTIONS = [
    "view", "raw", "history", "edit", "submit", "purge", "rollback", "info", "delete",
    "protect", "unprotect", "render", "",
]  # fmt: skip


@pytest.fixture
def sample(db, admin):
    from vellum.wiki.services.editing import edit_page

    edit_page("Sample", "== A ==\ntext [[Talk:Sample]]", admin, summary="one")
    edit_page("Sample", "== A ==\nmore text", admin, summary="two")
    edit_page("Talk:Sample", "talk", admin)


def _client(user=None) -> Client:
    c = Client(raise_request_exception=False)
    if user is not None:
        c.force_login(user)
    return c


def _check(client: Client, method: str, url: str, data: dict | None = None) -> str | None:
    resp = getattr(client, method.lower())(url, data or {})
    if resp.status_code >= 500:
        return f"{method} {url} {str(data)[:120]} -> {resp.status_code}"
    return None


def test_pages_with_junk_parameters(sample, admin) -> None:
    failures = []
    clients = itertools.cycle([_client(), _client(admin)])
    for page in PAGES[:4] + PAGES[4::5]:
        for param, junk in zip(PARAMS, itertools.cycle(JUNK), strict=False):
            params = {param: junk} if page != "/index.php" else {"title": "Sample", param: junk}
            if f := _check(next(clients), "GET", page, params):
                failures.append(f)
    assert failures == []


def test_actions_with_junk(sample, admin) -> None:
    client = _client(admin)
    failures = []
    params = ("oldid", "diff", "section", "limit", "offset", "undo", "from", "undoafter")
    for action in ACTIONS:
        base = {"title": "Sample", "action": action}
        for param, junk in zip(params * 2, itertools.cycle(JUNK), strict=False):
            if f := _check(client, "GET", "/index.php", {**base, param: junk}):
                failures.append(f)
        for junk in JUNK[::3]:
            data = {**dict.fromkeys(PARAMS[:-8], junk), **base}
            if f := _check(client, "POST", "/index.php", data):
                failures.append(f)
    assert failures == []


def test_special_pages_with_junk(sample, admin) -> None:
    failures = []
    anon, user = _client(), _client(admin)
    for page in PAGES[3:]:
        for junk in JUNK:
            data = {p: junk for p in PARAMS if p != "title"}
            if f := _check(anon, "GET", page, data):
                failures.append(f)
        for junk in JUNK[::3]:
            data = {p: junk for p in PARAMS if p != "title"}
            if f := _check(user, "POST", page, data):
                failures.append(f)
            if f := _check(user, "GET", page + "/" + junk.replace("%", "%25")[:300]):
                failures.append(f)
    assert failures == []


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"])
def test_wrong_methods(sample, method: str) -> None:
    client = _client()
    failures = []
    for url in [*PAGES, "/index.php?title=Sample&action=edit", "/api.php", "/images/a/ab/X.png"]:
        resp = client.generic(method, url)
        if resp.status_code >= 500:
            failures.append(f"{method} {url} -> {resp.status_code}")
    assert failures == []


def test_odd_titles_and_paths(sample) -> None:
    client = _client()
    failures = []
    for path in [
        "/wiki/%00", "/wiki/%FF%FE", "/wiki/%E2%80%AE", "/wiki/" + "x" * 5000, "/wiki/a%2Fb",
        "/wiki/..%2F..%2Fetc%2Fpasswd", "/wiki/Sample%23frag", "/wiki/:", "/wiki/Talk:",
        "/wiki/Special:", "/wiki/Special:%00", "/wiki/Media:X.png", "/wiki/File:",
        "/wiki/%3Cscript%3E", "/wiki/Sample?action=raw&oldid=%00", "/images/../secret_key",
        "/images/%2e%2e/secret_key", "/images/thumb/a/ab/X.png/120px-X.png",
        "/images/thumb/a/ab/X.png/-5px-X.png", "/images/thumb/x", "/images/archive/",
        "/index.php?title[]=x", "/index.php?title=Sample&oldid[]=1", "/index.php?curid=-1",
        "/index.php?title=Special:Search&fulltext=1&search=x&ns%C2%B2=1&ns99999999999999999999=1",
        "/index.php?curid=99999999999999999999999", "/wiki/Sample?redirect=no&rdfrom=%00",
    ]:  # fmt: skip
        if f := _check(client, "GET", path):
            failures.append(f)
    assert failures == []


API_PARAMS = {
    "query": [
        "titles", "pageids", "revids", "prop", "list", "meta", "rvlimit", "rvstartid",
        "rvendid", "rvsection", "rvdir", "rclimit", "rcstart", "rcend", "rcnamespace",
        "aplimit", "apfrom", "apnamespace", "uclimit", "ucuser", "lelimit", "letype",
        "srsearch", "srlimit", "sroffset", "continue", "rvcontinue", "rccontinue",
        "generator", "gaplimit", "iiprop", "iiurlwidth", "iiurlheight", "cllimit",
        "blnamespace", "bltitle", "converttitles", "redirects", "export",
    ],
    "parse": ["title", "text", "page", "pageid", "oldid", "prop", "section", "summary"],
    "compare": ["fromrev", "torev", "fromtitle", "totitle", "fromid", "toid", "fromtext"],
    "opensearch": ["search", "limit", "namespace", "suggest"],
    "edit": ["title", "text", "section", "baserevid", "token", "undo", "undoafter"],
    "paraminfo": ["modules", "querymodules"],
    "help": ["modules", "submodules"],
    "expandtemplates": ["text", "title", "revid"],
}  # fmt: skip


@pytest.mark.parametrize("action", list(API_PARAMS))
def test_api_with_junk(sample, admin, action: str) -> None:
    fmt = "json"
    failures = []
    for user in (None, admin):
        client = _client(user)
        for param, junk in zip(API_PARAMS[action] * 2, itertools.cycle(JUNK), strict=False):
            data = {"action": action, "format": fmt, param: junk}
            if action == "query" and param.startswith("rv"):
                data.update(prop="revisions", titles="Sample")
            if f := _check(client, "GET", "/api.php", data):
                failures.append(f)
        for junk in JUNK:
            data = {**dict.fromkeys(API_PARAMS[action], junk), "action": action, "format": fmt}
            if f := _check(client, "POST", "/api.php", data):
                failures.append(f)
    assert failures == []


def test_api_odd_requests(sample) -> None:
    client = _client()
    failures = []
    for data in [
        {},
        {"action": ""},
        {"format": "json"},
        {"action": "query", "format": "json", "formatversion": "99999999999999999999"},
        {"action": "query", "format": "json", "maxlag": "-99999999999999999999"},
        {"action": "query", "format": "json", "smaxage": "1e309"},
        {"action": "query", "format": "json", "titles": "|".join(["x"] * 600)},
        {"action": "query", "format": "json", "pageids": "1|-1|99999999999999999999|x"},
        {"action": "query", "format": "json", "revids": "99999999999999999999999"},
        {"action": "query", "format": "json", "list": "allpages", "aplimit": "max"},
        {"action": "query", "format": "json", "continue": "\x00||"},
        {"action": "query", "format": "json", "utf8": "1", "ascii": "1"},
        {"action": "query", "format": "json", "assert": "user"},
        {"action": "query", "format": "json", "assertuser": "\x00"},
        {"action": "query", "format": "json", "requestid": "\ud7ff" * 100},
    ]:
        for method in ("GET", "POST"):
            if f := _check(client, method, "/api.php", data):
                failures.append(f)
    resp = client.post("/api.php", b"\xff\xfe\x00garbage", content_type="application/json")
    if resp.status_code >= 500:
        failures.append("raw garbage body")
    resp = client.post("/api.php", b"--x\r\nbroken", content_type="multipart/form-data; boundary=x")
    if resp.status_code >= 500:
        failures.append("broken multipart body")
    assert failures == []


def test_form_field_names_with_odd_digits(sample, admin) -> None:
    client = _client(admin)
    for data in ({"ts\u00b2": "1", "restore": "1"}, {"ts99999999999999999999999": "1"}):
        assert _check(client, "POST", "/wiki/Special:Undelete/Sample", data) is None
