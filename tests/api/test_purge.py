"""action=purge: titles, pageids, generators, missing and invalid titles, forcelinkupdate,
MediaWiki 1.39's answer shape; mwclient's Page.purge() against a real server."""

from __future__ import annotations

import time

import pytest

from vellum.wiki.models import Page, PageLink, ParserCacheEntry

from .conftest import Api


def _save(title: str, text: str) -> Page:
    from django.contrib.auth import get_user_model

    from vellum.wiki.services.editing import edit_page
    from vellum.wiki.services.titles import parse_title
    from vellum.wiki.services.users import create_user

    user = get_user_model().objects.filter(username="Writer").first() or create_user(
        "Writer", "writer-password-1"
    )
    return edit_page(parse_title(title), text, user).page


def test_purge_answers_as_mediawiki(admin_api: Api):
    page = _save("Purged page", "Hello [[Elsewhere]]")
    Page.objects.filter(pk=page.pk).update(touched=page.touched.replace(year=2001))
    res = admin_api(action="purge", titles="Purged_page|No such page|Bad<title")
    assert res == {
        "batchcomplete": "",
        "purge": [
            {
                "title": "Bad<title",
                "invalidreason": res["purge"][0]["invalidreason"],
                "invalid": "",
            },
            {"ns": 0, "title": "No such page", "missing": ""},
            {"ns": 0, "title": "Purged page", "purged": ""},
        ],
        "normalized": [{"from": "Purged_page", "to": "Purged page"}],
    }
    assert "<" in res["purge"][0]["invalidreason"]
    page.refresh_from_db()
    assert page.touched.year > 2001
    assert not ParserCacheEntry.objects.filter(page=page).exists()
    # formatversion=2: booleans
    res = admin_api(action="purge", pageids=str(page.pk), formatversion="2")
    assert res == {
        "batchcomplete": True,
        "purge": [{"ns": 0, "title": "Purged page", "purged": True}],
    }


def test_purge_needs_post_and_no_token(admin_api: Api):
    _save("Posted", "x")
    resp = admin_api.raw("GET", action="purge", titles="Posted")
    assert resp.headers["MediaWiki-API-Error"] == "mustbeposted"
    assert admin_api(action="purge", titles="Posted")["purge"][0]["purged"] == ""


def test_purge_a_generator_with_continuation_and_forcelinkupdate(admin_api: Api):
    for name in ("Gen A", "Gen B", "Gen C"):
        _save(name, f"[[Target of {name}]]")
    PageLink.objects.all().delete()
    res = admin_api(
        action="purge", generator="allpages", gapprefix="Gen", gaplimit="2", forcelinkupdate="1"
    )
    assert res["purge"] == [
        {"ns": 0, "title": "Gen A", "purged": "", "linkupdate": ""},
        {"ns": 0, "title": "Gen B", "purged": "", "linkupdate": ""},
    ]
    assert res["batchcomplete"] == ""
    assert res["continue"] == {"gapcontinue": "Gen_C", "continue": "gapcontinue||"}
    assert PageLink.objects.count() == 2  # the link tables of the purged pages, rebuilt
    res = admin_api(
        action="purge", generator="allpages", gapprefix="Gen", gaplimit="2", **res["continue"]
    )
    assert res == {"batchcomplete": "", "purge": [{"ns": 0, "title": "Gen C", "purged": ""}]}
    assert PageLink.objects.count() == 2  # no forcelinkupdate this time


def test_purge_rejects_mixed_sources_and_unknown_page_ids(admin_api: Api):
    _save("Mixed", "x")
    resp = admin_api.raw(action="purge", titles="Mixed", pageids="1")
    assert resp.headers["MediaWiki-API-Error"] == "invalidparammix"
    res = admin_api(action="purge", pageids="987654")
    assert res["purge"] == [{"pageid": 987654, "missing": ""}]


def test_anonymous_users_may_not_purge(api: Api):
    page = _save("Anon purge", "x")
    before = Page.objects.get(pk=page.pk).touched
    res = api(action="purge", titles="Anon purge")
    assert res["purge"] == [{"ns": 0, "title": "Anon purge"}]
    assert "purge" in res["warnings"]
    assert Page.objects.get(pk=page.pk).touched == before


@pytest.mark.slow
def test_mwclient_page_purge(vellum_server):
    import mwclient

    site = mwclient.Site(
        f"{vellum_server.host}:{vellum_server.port}", path="/", scheme="http", force_login=False
    )
    site.login(vellum_server.user, vellum_server.password)
    page = site.pages["Purge by mwclient"]
    page.edit("Some text.", summary="for purging")
    before = site.pages["Purge by mwclient"].touched
    time.sleep(1.1)
    page.purge()
    after = site.pages["Purge by mwclient"].touched
    assert after > before
    res = site.post("purge", titles="Purge by mwclient|Not there")
    assert res["purge"] == [
        {"ns": 0, "title": "Not there", "missing": ""},
        {"ns": 0, "title": "Purge by mwclient", "purged": ""},
    ]
