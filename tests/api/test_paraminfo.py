"""action=paraminfo is generated from the modules' declarations: it must satisfy what
pywikibot asserts and name the same parameters as MediaWiki 1.39 for every module served."""

from __future__ import annotations

import json

import pytest

from vellum.api import registry


@pytest.fixture(scope="module")
def mw_paraminfo(shared):
    fx = shared / "api" / "fixtures"
    mods = {}
    for name in ("paraminfo_all.fv1.json", "paraminfo_main_paraminfo_query.fv1.json"):
        for m in json.loads((fx / name).read_text())["paraminfo"]["modules"]:
            mods[m["path"]] = m
    return mods


def all_paths() -> list[str]:
    return ["main", "query", *registry.action_names(), *(f"query+{n}" for n in registry.QUERY)]


def paraminfo(api, modules: str, fv: int = 1) -> dict:
    res = api(action="paraminfo", modules=modules, formatversion=str(fv))
    return {m["path"]: m for m in res["paraminfo"]["modules"]}


def test_main_query_and_tokens_as_pywikibot_checks_them(api):
    mods = paraminfo(api, "main|paraminfo|query|query+tokens")
    action = next(p for p in mods["main"]["parameters"] if p["name"] == "action")
    assert isinstance(action["type"], list)
    assert set(action["type"]) == set(action["submodules"]) == set(registry.ACTIONS)
    query = {p["name"]: p for p in mods["query"]["parameters"]}
    submodules: set[str] = set()
    for group in ("prop", "list", "meta"):
        assert isinstance(query[group]["limit"], int)
        assert all(v == f"query+{k}" for k, v in query[group]["submodules"].items())
        submodules |= set(query[group]["submodules"])
    assert set(query["generator"]["type"]) <= submodules
    tokens = mods["query+tokens"]["parameters"][0]
    assert tokens["name"] == "type" and "csrf" in tokens["type"] and "login" in tokens["type"]
    assert "mustbeposted" in paraminfo(api, "edit")["edit"]


@pytest.mark.parametrize("path", all_paths())
def test_parameters_are_mediawikis(api, mw_paraminfo, path):
    ours = paraminfo(api, path)[path]
    mw = mw_paraminfo[path]
    assert ours["prefix"] == mw["prefix"]
    assert ours.get("group") == mw.get("group")
    assert [p["name"] for p in ours["parameters"]] == [p["name"] for p in mw["parameters"]] or (
        {p["name"] for p in ours["parameters"]} == {p["name"] for p in mw["parameters"]}
    )
    theirs = {p["name"]: p for p in mw["parameters"]}
    for p in ours["parameters"]:
        t = theirs[p["name"]]
        if isinstance(t["type"], list) and isinstance(p["type"], list) and path != "main":
            assert set(p["type"]) <= set(t["type"]), p["name"]
        elif not isinstance(t["type"], list):
            assert p["type"] == t["type"], (p["name"], p["type"], t["type"])
        assert ("multi" in p) == ("multi" in t), p["name"]
        assert ("required" in p) == ("required" in t), p["name"]
        for flag in ("mustbeposted", "generator"):
            assert (flag in ours) == (flag in mw), flag


def test_fv2_flags_are_booleans(api):
    edit = paraminfo(api, "edit", fv=2)["edit"]
    assert edit["mustbeposted"] is True
    title = edit["parameters"][0]
    assert title["name"] == "title" and title["multi"] is False and title["required"] is False


def test_unknown_module_is_reported_missing(api):
    mods = api(action="paraminfo", modules="nosuchmodule")["paraminfo"]["modules"]
    assert mods == [{"name": "nosuchmodule", "path": "nosuchmodule", "missing": ""}]


def test_help_is_the_default_action(api):
    resp = api.client.get("/api.php")
    assert resp.status_code == 200 and resp["Content-Type"].startswith("text/html")
    assert b'<h2 id="main">main</h2>' in resp.content
    res = api("GET", action="help", modules="edit")
    assert "<dt>basetimestamp</dt>" in res["help"]["*"]
