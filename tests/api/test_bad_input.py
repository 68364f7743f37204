"""Bad input gets MediaWiki's error (HTTP 200, `MediaWiki-API-Error` header, error code) and
changes nothing: unknown action, missing parameter, bad integer, bad token, GET for a write,
oversized text, bad titles and timestamps."""

from __future__ import annotations

import json

import pytest
from django.conf import settings

from vellum.wiki.models import LogEntry, Page, RecentChange, Revision


def counts() -> tuple[int, int, int, int]:
    return (
        Page.objects.count(),
        Revision.objects.count(),
        RecentChange.objects.count(),
        LogEntry.objects.count(),
    )


def error_of(resp) -> tuple[str, str]:
    assert resp.status_code == 200
    body = json.loads(resp.content)
    assert "error" in body, body
    code = body["error"]["code"]
    assert resp.headers["MediaWiki-API-Error"].split(", ")[0] == code
    assert body["error"]["*"].startswith("See http")
    return code, body["error"]["info"]


@pytest.fixture
def page(admin_api):
    res = admin_api(action="edit", title="Target page", text="original", token=admin_api.token())
    assert res["edit"]["result"] == "Success"
    return res["edit"]


def test_unknown_action(api):
    code, info = error_of(api.raw(action="nosuchaction"))
    assert (code, info) == ("badvalue", 'Unrecognized value for parameter "action": nosuchaction.')


def test_missing_parameter(admin_api, page):
    before = counts()
    code, info = error_of(
        admin_api.raw(action="edit", title="Target page", token=admin_api.token())
    )
    assert code == "missingparam"
    assert info == (
        'At least one of the parameters "text", "appendtext", "prependtext" and "undo" is required.'
    )
    code, _ = error_of(admin_api.raw(action="move", to="X", token=admin_api.token()))
    assert code == "missingparam"
    assert counts() == before


def test_bad_integer(api, admin):
    code, info = error_of(api.raw("GET", action="query", list="allpages", aplimit="abc"))
    assert (code, info) == ("badinteger", 'Invalid value "abc" for integer parameter "aplimit".')
    resp = api.raw("GET", action="query", list="allpages", aplimit="abc", formatversion="2")
    body = json.loads(resp.content)
    assert body["error"]["code"] == "badinteger" and "docref" in body["error"]
    code, _ = error_of(api.raw("GET", action="query", prop="revisions", revids="12x"))
    assert code == "badinteger"


def test_bad_token_changes_nothing(admin_api, page):
    before = counts()
    bogus = "0123456789abcdef0123456789abcdef+\\"
    for params in (
        {"action": "edit", "title": "Target page", "text": "vandal"},
        {"action": "edit", "title": "New page by bad token", "text": "x"},
        {"action": "move", "from": "Target page", "to": "Moved by bad token"},
        {"action": "delete", "title": "Target page"},
        {"action": "protect", "title": "Target page", "protections": "edit=sysop"},
    ):
        code, info = error_of(admin_api.raw(token=bogus, **params))
        assert (code, info) == ("badtoken", "Invalid CSRF token."), params
    code, _ = error_of(admin_api.raw(action="edit", title="Target page", text="v", token="+\\"))
    assert code == "badtoken"
    assert counts() == before
    assert Page.objects.get(title="Target_page").latest.content.text == "original"


def test_get_for_a_write(admin_api, page):
    before = counts()
    token = admin_api.token()
    code, info = error_of(
        admin_api.raw("GET", action="edit", title="Target page", text="g", token=token)
    )
    assert code == "mustpostparams"
    assert info == (
        "The following parameter was found in the query string, but must be in "
        "the POST body: token."
    )
    code, _ = error_of(admin_api.raw("GET", action="edit", title="Target page", text="g"))
    assert code == "missingparam"
    code, info = error_of(admin_api.raw("GET", action="login", lgname="Admin"))
    assert (code, info) == ("mustbeposted", 'The "login" module requires a POST request.')
    assert counts() == before


def test_oversized_text(admin_api, page):
    before = counts()
    limit = settings.MAX_ARTICLE_SIZE
    big = "x" * (limit + 1)
    code, info = error_of(
        admin_api.raw(action="edit", title="Target page", text=big, token=admin_api.token())
    )
    assert code == "contenttoobig"
    assert info == (
        f"The content you supplied exceeds the page size limit of {limit // 1024} kibibytes."
    )
    code, _ = error_of(
        admin_api.raw(action="edit", title="Huge new page", text=big, token=admin_api.token())
    )
    assert code == "contenttoobig"
    code, _ = error_of(
        admin_api.raw(action="edit", title="Target page", appendtext=big, token=admin_api.token())
    )
    assert code == "contenttoobig"
    assert counts() == before


def test_invalid_title_and_timestamp(admin_api, page):
    before = counts()
    code, info = error_of(
        admin_api.raw(action="edit", title="Bad[title]", text="x", token=admin_api.token())
    )
    assert (code, info) == ("invalidtitle", 'Bad title "Bad[title]".')
    code, info = error_of(
        admin_api.raw(
            action="edit",
            title="Target page",
            text="x",
            basetimestamp="yesterday",
            token=admin_api.token(),
        )
    )
    assert code == "badtimestamp"
    assert info == 'Invalid value "yesterday" for timestamp parameter "basetimestamp".'
    code, _ = error_of(
        admin_api.raw(
            "GET", action="query", prop="revisions", titles="Target page", rvcontinue="garbage"
        )
    )
    assert code == "badcontinue"
    assert counts() == before


def test_anonymous_assert_and_rights(page):
    from django.test import Client

    from .conftest import Api

    anon = Api(Client())
    before = counts()
    code, _ = error_of(
        anon.raw(action="edit", title="Target page", text="x", token="+\\", **{"assert": "user"})
    )
    assert code == "assertuserfailed"
    code, _ = error_of(anon.raw(action="delete", title="Target page", token="+\\"))
    assert code == "permissiondenied"
    assert counts() == before


def test_unrecognized_parameters_and_values_warn(api, page):
    body = api(
        "GET",
        action="query",
        prop="revisions",
        titles="Target page",
        rvprop="ids|nosuchprop",
        foo="1",
    )
    assert body["warnings"]["main"]["*"] == "Unrecognized parameter: foo."
    assert body["warnings"]["revisions"]["*"] == (
        'Unrecognized value for parameter "rvprop": nosuchprop'
    )
    rev = next(iter(body["query"]["pages"].values()))["revisions"][0]
    assert set(rev) == {"revid", "parentid"}


def test_errorformat_plaintext_names_the_module(api, db):
    resp = api.raw(
        "GET",
        action="query",
        list="allpages",
        aplimit="abc",
        formatversion="2",
        errorformat="plaintext",
    )
    body = json.loads(resp.content)
    assert body["errors"] == [
        {
            "code": "badinteger",
            "module": "query+allpages",
            "text": 'Invalid value "abc" for integer parameter "aplimit".',
        }
    ]
    assert body["docref"].startswith("See http")


def test_internal_errors_are_api_errors_not_http_500(api, db, monkeypatch):
    from vellum.api.query.userinfo import ApiQueryUserInfo

    def boom(self):
        raise RuntimeError("bug")

    monkeypatch.setattr(ApiQueryUserInfo, "execute", boom)
    resp = api.raw("GET", action="query", meta="userinfo")
    assert resp.status_code == 200
    assert resp.headers["MediaWiki-API-Error"] == "internal_api_error_RuntimeError"
    assert "Caught exception of type RuntimeError" in json.loads(resp.content)["error"]["info"]


def test_errorformat_warnings_are_a_list(api, db):
    body = api(
        "GET",
        action="query",
        meta="siteinfo",
        siprop="general|nosuch",
        bogus="1",
        errorformat="plaintext",
        formatversion="2",
    )
    assert {
        "code": "unrecognizedparams",
        "text": "Unrecognized parameter: bogus.",
        "module": "main",
    } in body["warnings"]
    assert any(w["module"] == "query+siteinfo" for w in body["warnings"])
