"""Sessions, tokens and accounts: login (legacy and clientlogin), logout, createaccount,
userinfo in both format versions, tokens bound to the session cookie."""

from __future__ import annotations

import json

from django.test import Client

from .conftest import Api


def test_login_token_is_bound_to_the_session(api, admin):
    token = api.token("login")
    assert token.endswith("+\\") and len(token) > 2
    other = Api(Client())
    res = other(action="login", lgname="Admin", lgpassword="admin-password-1", lgtoken=token)
    assert res["login"]["result"] == "WrongToken"
    res = api(action="login", lgname="Admin", lgpassword="admin-password-1", lgtoken=token)
    assert res["login"] == {"result": "Success", "lguserid": admin.pk, "lgusername": "Admin"}
    assert "Main-account login" in res["warnings"]["login"]["*"]
    info = api("GET", action="query", meta="userinfo", uiprop="groups|rights")
    ui = info["query"]["userinfo"]
    assert ui["name"] == "Admin" and "anon" not in ui
    assert {"sysop", "user"} <= set(ui["groups"]) and "delete" in ui["rights"]


def test_login_without_token_and_wrong_password(api, admin):
    res = api(action="login", lgname="Admin", lgpassword="x")
    assert res["login"]["result"] == "NeedToken" and res["login"]["token"].endswith("+\\")
    res = api(action="login", lgname="Admin", lgpassword="wrong", lgtoken=res["login"]["token"])
    assert res["login"] == {
        "result": "Failed",
        "reason": "Incorrect username or password entered. Please try again.",
    }


def test_clientlogin_and_logout(api, admin):
    token = api.token("login")
    res = api(
        action="clientlogin",
        username="Admin",
        password="wrong",
        loginreturnurl="http://example.org/",
        logintoken=token,
    )
    assert res["clientlogin"]["status"] == "FAIL"
    assert res["clientlogin"]["messagecode"] == "wrongpassword"
    res = api(
        action="clientlogin",
        username="Admin",
        password="admin-password-1",
        loginreturnurl="http://example.org/",
        logintoken=token,
        rememberMe="1",
    )
    assert res["clientlogin"] == {"status": "PASS", "username": "Admin"}
    csrf = api.token()
    assert csrf != "+\\"
    assert api(action="logout", token=csrf) == {}
    ui = api("GET", action="query", meta="userinfo")["query"]["userinfo"]
    assert ui == {"id": 0, "name": "127.0.0.1", "anon": ""}
    assert api.token() == "+\\"


def test_createaccount_then_login(api, db):
    token = api.token("createaccount")
    res = api(
        action="createaccount",
        username="New person",
        password="pw-123456",
        retype="pw-123456",
        createreturnurl="http://example.org/",
        createtoken=token,
    )
    assert res["createaccount"] == {"status": "PASS", "username": "New person"}
    res = api(
        action="createaccount",
        username="New person",
        password="pw-123456",
        retype="pw-123456",
        createreturnurl="http://example.org/",
        createtoken=api.token("createaccount"),
    )
    assert res["createaccount"]["status"] == "FAIL"
    assert res["createaccount"]["messagecode"] == "userexists"
    assert api.login("New person", "pw-123456")["login"]["result"] == "Success"
    ui = api("GET", action="query", meta="userinfo", uiprop="groups")["query"]["userinfo"]
    assert ui["groups"] == ["*", "user", "autoconfirmed"]


def test_userinfo_and_tokens_fv2(api, admin):
    res = api(
        action="query",
        meta="userinfo|tokens",
        uiprop="blockinfo|groups|hasmsg|ratelimits|rights",
        type="createaccount|csrf|login|patrol|rollback|userrights|watch",
        formatversion="2",
    )
    ui = res["query"]["userinfo"]
    assert ui["anon"] is True and ui["messages"] is False and ui["ratelimits"] == {}
    tokens = res["query"]["tokens"]
    assert tokens["csrftoken"] == "+\\" and tokens["logintoken"] != "+\\"
    assert len(tokens) == 7
    assert res["batchcomplete"] is True
    assert "warnings" not in res


def test_assert_and_assertuser(admin_api):
    res = admin_api("GET", action="query", meta="userinfo", **{"assert": "user"})
    assert res["query"]["userinfo"]["name"] == "Admin"
    resp = admin_api.raw("GET", action="query", meta="userinfo", assertuser="Somebody else")
    assert resp.headers["MediaWiki-API-Error"] == "assertnameduserfailed"
    resp = admin_api.raw("GET", action="query", meta="userinfo", **{"assert": "anon"})
    assert resp.headers["MediaWiki-API-Error"] == "assertanonfailed"


def test_jsonp_runs_anonymously_and_gives_no_tokens(admin_api):
    resp = admin_api.raw("GET", action="query", meta="userinfo|tokens", callback="cb")
    text = resp.content.decode()
    assert resp["Content-Type"].startswith("text/javascript")
    assert text.startswith("/**/cb(") and text.endswith(")")
    body = json.loads(text[len("/**/cb(") : -1])
    assert body["query"]["userinfo"]["id"] == 0 and "tokens" not in body["query"]
    assert "same-origin" in body["warnings"]["tokens"]["*"]
    resp = admin_api.raw(action="edit", title="X", text="y", token=admin_api.token(), callback="cb")
    assert resp.headers["MediaWiki-API-Error"] == "badtoken"


def test_password_attempts_are_throttled(api, admin):
    for _ in range(5):
        res = api.login("Admin", "wrong")
        assert res["login"]["reason"].startswith("Incorrect username or password")
    res = api.login("Admin", "admin-password-1")
    assert res["login"]["result"] == "Failed" and "too many" in res["login"]["reason"]
    res = api(
        action="clientlogin",
        username="Admin",
        password="admin-password-1",
        loginreturnurl="http://example.org/",
        logintoken=api.token("login"),
    )
    assert res["clientlogin"]["messagecode"] == "login-throttled"


def test_maxlag(api, db):
    assert "error" not in api("GET", action="query", meta="userinfo", maxlag="5")
    resp = api.raw("GET", action="query", meta="userinfo", maxlag="-1")
    assert resp.headers["MediaWiki-API-Error"] == "maxlag"
    assert resp.headers["Retry-After"] == "5" and resp.headers["X-Database-Lag"] == "0"
    assert json.loads(resp.content)["error"]["lag"] == 0


def test_jsonp_callback_names_are_checked(api, db):
    for bad in ("x\n", "a(b)", "x;y", "é"):
        resp = api.raw("GET", action="query", meta="siteinfo", callback=bad)
        assert resp["Content-Type"].startswith("application/json"), bad
        assert resp.headers["MediaWiki-API-Error"] == "badvalue"
    resp = api.client.get("/api.php")
    assert resp["X-Content-Type-Options"] == "nosniff"
