"""Any combination of declared parameters with odd values gets a MediaWiki answer (a result
or an API error), never an internal error."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vellum.api import registry

MODULES = [*registry.action_names(), *(f"query+{n}" for n in registry.QUERY)]
VALUES = st.one_of(
    st.sampled_from(
        [
            "",
            "0",
            "-1",
            "1",
            "max",
            "Main Page",
            "a|b",
            "\x1fx\x1fy",
            "*",
            "2026-01-01T00:00:00Z",
            "20260101000000",
            "new",
            "prev",
            "99999999",
            "Bad[title]",
            "Special:Foo",
            "File:X.png",
            "Category:C",
            "|",
            "||",
        ]
    ),
    st.text(max_size=12),
)


@st.composite
def requests(draw):
    path = draw(st.sampled_from(MODULES))
    cls = registry.module_by_path(path)
    params: dict[str, str] = {}
    if path.startswith("query+"):
        params["action"] = "query"
        params[cls.group if cls.group != "prop" or not draw(st.booleans()) else "generator"] = (
            cls.name
        )
        params.setdefault("titles", draw(st.sampled_from(["Alpha", "Alpha|Nope", "x"])))
    else:
        params["action"] = path
    declared = [p for p in cls.all_params() if p.name not in ("token", "format")]
    chosen = (
        draw(st.lists(st.sampled_from(declared), max_size=5, unique_by=lambda p: p.name))
        if declared
        else []
    )
    for p in chosen:
        prefix = ("g" if params.get("generator") else "") + getattr(cls, "prefix", "")
        params[prefix + p.name] = draw(VALUES)
    params["formatversion"] = draw(st.sampled_from(["1", "2"]))
    return params


@pytest.fixture
def alpha(db):
    from vellum.wiki.services.editing import edit_page

    edit_page("Alpha", "== A ==\nText [[Beta]].", None, actor="127.0.0.1", check_permissions=False)


@settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(params=requests())
def test_no_internal_errors(admin_api, alpha, params):
    resp = admin_api.raw("POST", format="json", token=admin_api.token(), **params)
    assert resp.status_code == 200, params
    code = resp.headers.get("MediaWiki-API-Error", "")
    assert not code.startswith("internal_api_error"), (params, resp.content[:500])
    json.loads(resp.content) if resp["Content-Type"].startswith("application/json") else None
