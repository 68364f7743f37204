"""Every /api.php module (actions, and query's prop/list/meta modules and generators), with
each declared parameter set to junk, answers with a result or a clear error, never a 500
nor an internal_api_error (an exception caught by the API's last-resort handler)."""

from __future__ import annotations

import itertools
import json

import pytest
from django.test import Client

from vellum.api import registry

JUNK = [
    "99999999999999999999999999",
    "-1",
    "",
    "\x00",
    "\ufffe\U0001d518\u202e",
    "<script>|||",
    "a" * 600,
    "max",
    "\u00b2",
    "\u0663",
    "1|2|3",
    "Sample",
]
SKIP_ACTIONS = {"logout", "login", "clientlogin", "createaccount"}  # would change the session


@pytest.fixture
def sample(db, admin):
    from vellum.wiki.services.editing import edit_page

    edit_page("Sample", "== A ==\ntext [[Talk:Sample]] [[Category:C]]", admin, summary="one")
    edit_page("Sample", "== A ==\nmore text", admin, summary="two")


def _ask(client: Client, data: dict) -> str | None:
    resp = client.post("/api.php", {**data, "format": "json"})
    if resp.status_code >= 500:
        return f"{data} -> HTTP {resp.status_code}"
    try:
        body = json.loads(resp.content)
    except ValueError:
        return None  # raw output modules (e.g. exportnowrap)
    code = body.get("error", {}).get("code", "") if isinstance(body, dict) else ""
    if code.startswith("internal_api_error"):
        return f"{str(data)[:200]} -> {code}"
    return None


def _params(cls) -> list[str]:
    prefix = getattr(cls, "prefix", "")
    return [prefix + p.name for p in cls.all_params()]


def test_actions(sample, admin) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(admin)
    failures = []
    junk = itertools.cycle(JUNK)
    for name in registry.action_names():
        if name in SKIP_ACTIONS:
            continue
        cls = registry.action(name)
        params = _params(cls)
        if f := _ask(client, {"action": name}):
            failures.append(f)
        for p in params:
            if f := _ask(client, {"action": name, p: next(junk)}):
                failures.append(f)
        for j in JUNK[:4]:
            if f := _ask(client, {"action": name, **dict.fromkeys(params, j)}):
                failures.append(f)
    assert failures == []


def test_query_modules(sample, admin) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(admin)
    failures = []
    junk = itertools.cycle(JUNK)
    for group in ("prop", "list", "meta"):
        for name in registry.query_modules(group):
            cls = registry.query_module(name)
            base = {"action": "query", group: name, "titles": "Sample|Nope"}
            if f := _ask(client, base):
                failures.append(f)
            params = _params(cls)
            for p in params:
                if f := _ask(client, {**base, p: next(junk)}):
                    failures.append(f)
            for j in JUNK[:3]:
                if f := _ask(client, {**base, **dict.fromkeys(params, j)}):
                    failures.append(f)
    for data in (
        {"list": "users", "ususers": "\u00b2|\u0663|1"},
        {"list": "users", "ususerids": "\u00b2"},
    ):
        if f := _ask(client, {"action": "query", **data}):
            failures.append(f)
    for name in registry.generators():
        if f := _ask(client, {"action": "query", "generator": name, "prop": "info"}):
            failures.append(f)
    assert failures == []
