"""/api.php: HTML it returns (parse, parsedcomment, compare, help) holds no editor script;
JSONP never carries a session's tokens or identity; every format is served with nosniff."""

from __future__ import annotations

import json
import re

import pytest

from .htmlcheck import dangers
from .test_wiki_xss import SUMMARY, TITLE
from .vectors import CORPUS, TEMPLATES


@pytest.fixture
def wiki(db, mallory, admin):
    from vellum.wiki.services.editing import edit_page

    for name, text in TEMPLATES.items():
        edit_page(name, text, admin)
    first = edit_page(TITLE, "first <script>alert(1)</script>", mallory, summary=SUMMARY)
    second = edit_page(TITLE, "\n\n".join(CORPUS), mallory, summary=SUMMARY)
    return first.revision.pk, second.revision.pk


def call(client, method: str = "GET", **params) -> dict:
    params.setdefault("format", "json")
    resp = (client.get if method == "GET" else client.post)("/api.php", params)
    assert resp.status_code == 200, resp.content[:300]
    assert resp["X-Content-Type-Options"] == "nosniff"
    assert resp["Content-Type"].startswith("application/json")
    return json.loads(resp.content)


HTML_KEYS = {
    "text", "displaytitle", "parsedsummary", "parsedcomment", "line", "indicators", "diff",
    "body", "categorieshtml", "headhtml", "limitreporthtml", "snippet", "fromparsedcomment",
    "toparsedcomment",
}  # fmt: skip


def html_strings(value, key: str = "", parent: str = "") -> list[str]:
    """Every string of a JSON result that is HTML (by MediaWiki's key names; fv1 "*" too)."""
    out: list[str] = []
    if isinstance(value, dict):
        for k, v in value.items():
            out += html_strings(v, k, key)
    elif isinstance(value, list):
        for v in value:
            out += html_strings(v, key, parent)
    elif isinstance(value, str) and (
        key in HTML_KEYS or (key == "*" and parent in HTML_KEYS) or parent == "indicators"
    ):
        out.append(value)
    return out


def assert_no_script(result: dict, *, some_html: bool = True) -> None:
    strings = html_strings(result)
    assert strings or not some_html, result
    found = [s[:200] for s in strings if dangers(s)]
    assert found == []


def test_parse_text(client, wiki) -> None:
    for fv in ("1", "2"):
        r = call(
            client,
            "POST",
            action="parse",
            text="\n\n".join(CORPUS),
            title="Xss",
            summary=SUMMARY,
            prop="text|displaytitle|sections|indicators|categorieshtml|headhtml|limitreporthtml",
            formatversion=fv,
            disablelimitreport="",
        )
        assert "parse" in r, r
        assert_no_script(r)


def test_parse_page_and_revision(client, wiki) -> None:
    assert_no_script(call(client, action="parse", page=TITLE))
    assert_no_script(call(client, action="parse", oldid=wiki[0]))


def test_parsed_comments(client, wiki) -> None:
    for params in (
        {"list": "recentchanges", "rcprop": "parsedcomment|comment|user|title"},
        {
            "list": "usercontribs",
            "ucuser": "Mallory\"'& onmouseover=alert(1) x",
            "ucprop": "parsedcomment|comment",
        },
        {"list": "logevents", "leprop": "parsedcomment|comment|title|user"},
        {
            "prop": "revisions",
            "titles": TITLE,
            "rvprop": "parsedcomment|comment|content",
            "rvlimit": "10",
        },
    ):
        r = call(client, action="query", **params)
        assert "query" in r, r
        assert_no_script(r)


def test_compare(client, wiki) -> None:
    r = call(
        client,
        action="compare",
        fromrev=wiki[0],
        torev=wiki[1],
        prop="diff|parsedcomment|comment|title|user",
    )
    assert "compare" in r, r
    assert_no_script(r)


def test_help_page(client, db) -> None:
    resp = client.get("/api.php", {"action": "help", "modules": "<script>alert(1)</script>"})
    assert resp.status_code == 200
    assert dangers(resp.content.decode()) == []
    resp = client.get("/api.php", {"action": "<script>alert(1)</script>"})
    assert resp.status_code == 200
    assert dangers(resp.content.decode()) == []


def test_jsonfm_escapes_values(client, wiki) -> None:
    resp = client.get(
        "/api.php",
        {"action": "query", "list": "recentchanges", "rcprop": "comment", "format": "jsonfm"},
    )
    assert resp["Content-Type"].startswith("text/html")
    assert dangers(resp.content.decode()) == []


@pytest.mark.parametrize("fmt", ["json", "jsonfm", "php", "xml", "none"])
def test_jsonp_is_anonymous(client, admin, fmt: str) -> None:
    """A page on another site can include /api.php?callback=f as a script with the victim's
    cookies: such a request must be answered as for an anonymous user (MediaWiki's rule)."""
    client.force_login(admin)
    real = call(client, action="query", meta="tokens|userinfo")
    assert real["query"]["userinfo"]["name"] == "Admin"
    assert real["query"]["tokens"]["csrftoken"] != "+\\"
    resp = client.get(
        "/api.php",
        {
            "action": "query",
            "meta": "tokens|userinfo",
            "type": "csrf|watch|patrol|rollback|userrights|login",
            "callback": "steal",
            "format": fmt,
        },
    )
    assert resp.status_code == 200
    assert resp["Content-Type"].startswith("text/javascript")
    assert resp["X-Content-Type-Options"] == "nosniff"
    body = resp.content.decode()
    assert body.startswith("/**/steal(")
    data = json.loads(body[len("/**/steal(") : -1])
    assert "Admin" not in body
    assert real["query"]["tokens"]["csrftoken"] not in body
    for name, token in data.get("query", {}).get("tokens", {}).items():
        assert token in ("+\\", ""), name
    assert data.get("query", {}).get("userinfo", {}).get("id", 0) == 0


@pytest.mark.parametrize("callback", ["alert(1)", "x;alert(1)", "<script>", "a b", "x\ny"])
def test_jsonp_callback_name_checked(client, db, callback: str) -> None:
    resp = client.get(
        "/api.php", {"action": "query", "meta": "siteinfo", "callback": callback, "format": "json"}
    )
    assert resp.status_code == 200
    assert not resp["Content-Type"].startswith("text/javascript")
    assert "alert(1)(" not in resp.content.decode()


def test_jsonp_cannot_write(client, admin) -> None:
    client.force_login(admin)
    token = call(client, action="query", meta="tokens")["query"]["tokens"]["csrftoken"]
    resp = client.post(
        "/api.php",
        {
            "action": "edit",
            "title": "Jsonp",
            "text": "x",
            "token": token,
            "callback": "f",
            "format": "json",
        },
    )
    body = resp.content.decode()
    assert '"edit"' not in body or '"Success"' not in body
    from vellum.wiki.models import Page

    assert not Page.objects.filter(title="Jsonp").exists()


@pytest.mark.parametrize("fmt", ["json", "jsonfm", "none", "php", "xml", "rawfm", "txt", "bogus"])
def test_every_format_has_nosniff(client, db, fmt: str) -> None:
    resp = client.get(
        "/api.php", {"action": "query", "meta": "siteinfo", "format": fmt, "siprop": "general"}
    )
    assert resp.status_code < 500
    assert resp.get("X-Content-Type-Options") == "nosniff"
    if "html" in resp.get("Content-Type", ""):
        assert dangers(resp.content.decode()) == []


def test_json_output_cannot_be_sniffed_as_html(client, wiki) -> None:
    resp = client.get(
        "/api.php",
        {
            "action": "query",
            "prop": "revisions",
            "titles": TITLE,
            "rvprop": "content",
            "format": "json",
        },
    )
    assert resp["Content-Type"].startswith("application/json")
    assert resp["X-Content-Type-Options"] == "nosniff"
    assert re.search(rb"<script>alert\(1\)</script>", resp.content) or b"\\u003C" in resp.content


@pytest.mark.parametrize(
    "params",
    [
        {"wrapoutputclass": '"><script>alert(1)</script><div class="'},
        {"wrapoutputclass": 'x" onmouseover="alert(1)'},
        {"sectiontitle": "<script>alert(1)</script>", "section": "new"},
        {"summary": "<img src=x onerror=alert(1)> [[javascript:alert(1)]]"},
        {"title": '"><script>alert(1)</script>'},
        {"useskin": '"><script>alert(1)</script>'},
    ],
)
def test_parse_parameters_are_escaped(client, db, params: dict) -> None:
    """Every API parameter that ends up inside returned HTML is escaped."""
    r = call(
        client,
        "POST",
        action="parse",
        text="x",
        formatversion="2",
        prop="text|displaytitle",
        **params,
    )
    assert_no_script(r, some_html="title" not in params)
