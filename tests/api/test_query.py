"""action=query: page sets (normalisation, redirects, missing/invalid/special pages), prop,
list and meta modules, generators, limits and new-style continuation, both format versions."""

from __future__ import annotations

import hashlib
import json

import pytest

from vellum.wiki.models import CategoryLink, Page, PageLink, TemplateLink
from vellum.wiki.services.editing import edit_page


def save(title: str, text: str, who: str = "127.0.0.1", summary: str = ""):
    return edit_page(title, text, None, actor=who, summary=summary, check_permissions=False)


@pytest.fixture
def wiki(db):
    pages = {}
    for t in ("Alpha", "Beta", "Gamma", "Delta"):
        pages[t] = save(t, f"Text of {t}.", summary=f"create {t}").page
    save("Alpha", "Text of Alpha, edited.", who="Editor", summary="second")
    pages["Redirect to beta"] = save("Redirect to beta", "#REDIRECT [[Beta]]").page
    pages["Template:Box"] = save("Template:Box", "box").page
    pages["Category:Things"] = save("Category:Things", "things").page
    return pages


def test_titles_normalised_missing_invalid_special(api, wiki):
    res = api(
        "GET",
        action="query",
        prop="info",
        titles="alpha|Bad[title]|Special:Foo|Nope",
        indexpageids="1",
    )
    q = res["query"]
    assert q["normalized"] == [{"from": "alpha", "to": "Alpha"}]
    pages = q["pages"]
    assert pages[str(wiki["Alpha"].pk)]["title"] == "Alpha"
    missing = [p for p in pages.values() if p.get("title") == "Nope"][0]
    assert "missing" in missing and missing["ns"] == 0
    invalid = [p for p in pages.values() if "invalid" in p][0]
    assert invalid["invalidreason"] == (
        'The requested page title contains invalid characters: "[".'
    )
    special = [p for p in pages.values() if p.get("ns") == -1][0]
    assert "special" in special
    assert sorted(q["pageids"]) == sorted(pages)
    assert all(k.lstrip("-").isdigit() for k in q["pageids"])
    assert res["batchcomplete"] == ""


def test_fv2_pages_are_a_list(api, wiki):
    res = api("GET", action="query", prop="info", titles="alpha|Nope", formatversion="2")
    q = res["query"]
    assert q["normalized"] == [{"fromencoded": False, "from": "alpha", "to": "Alpha"}]
    assert isinstance(q["pages"], list)
    missing = [p for p in q["pages"] if p["title"] == "Nope"][0]
    assert missing["missing"] is True
    assert res["batchcomplete"] is True


def test_info_fields(api, wiki):
    page = wiki["Alpha"]
    page.refresh_from_db()
    res = api("GET", action="query", prop="info", titles="Alpha", inprop="protection|url")
    info = res["query"]["pages"][str(page.pk)]
    assert info["lastrevid"] == page.latest_id
    assert info["length"] == len(b"Text of Alpha, edited.")
    assert info["touched"].endswith("Z") and len(info["touched"]) == 20
    assert info["protection"] == [] and info["restrictiontypes"] == ["edit", "move"]
    assert info["fullurl"].endswith("/wiki/Alpha")
    assert "new" not in info and "redirect" not in info
    beta = res = api("GET", action="query", prop="info", titles="Gamma")
    assert "new" in next(iter(beta["query"]["pages"].values()))


def test_redirects_are_followed(api, wiki):
    res = api("GET", action="query", prop="info", titles="Redirect to beta", redirects="1")
    q = res["query"]
    assert q["redirects"] == [{"from": "Redirect to beta", "to": "Beta"}]
    assert list(q["pages"]) == [str(wiki["Beta"].pk)]
    res = api("GET", action="query", prop="info", titles="Redirect to beta")
    assert "redirect" in res["query"]["pages"][str(wiki["Redirect to beta"].pk)]


def test_revisions_latest_history_and_continuation(api, wiki):
    alpha = wiki["Alpha"]
    res = api(
        "GET",
        action="query",
        prop="revisions",
        titles="Alpha",
        rvprop="ids|timestamp|flags|comment|user|size|sha1|content",
        rvslots="main",
    )
    revs = res["query"]["pages"][str(alpha.pk)]["revisions"]
    assert len(revs) == 1
    r = revs[0]
    text = "Text of Alpha, edited."
    assert r["user"] == "Editor" and r["comment"] == "second" and r["size"] == len(text)
    assert r["sha1"] == hashlib.sha1(text.encode()).hexdigest()
    assert r["slots"]["main"]["*"] == text
    assert r["slots"]["main"]["contentmodel"] == "wikitext"
    assert "minor" not in r
    # history, one per request
    seen, params = (
        [],
        {
            "action": "query",
            "prop": "revisions",
            "titles": "Alpha",
            "rvprop": "ids|comment",
            "rvlimit": "1",
            "continue": "",
        },
    )
    while True:
        res = api("GET", **params)
        seen += [x["revid"] for x in res["query"]["pages"][str(alpha.pk)]["revisions"]]
        if "continue" not in res:
            assert res["batchcomplete"] == ""
            break
        assert res["continue"]["continue"] == "||"
        params.update(res["continue"])
    assert len(seen) == 2 and seen[0] > seen[1]
    res = api(
        "GET",
        action="query",
        prop="revisions",
        titles="Alpha",
        rvdir="newer",
        rvprop="ids|content",
        rvlimit="1",
    )
    rev = res["query"]["pages"][str(alpha.pk)]["revisions"][0]
    assert rev["parentid"] == 0 and rev["*"] == "Text of Alpha."
    assert "rvslots" in res["warnings"]["revisions"]["*"]


def test_revisions_fv2_and_revids(api, wiki):
    alpha = Page.objects.get(title="Alpha")
    res = api(
        "GET",
        action="query",
        prop="revisions",
        revids=f"{alpha.latest_id}|999999",
        rvprop="content|ids",
        rvslots="*",
        formatversion="2",
    )
    q = res["query"]
    assert q["badrevids"] == [{"revid": 999999, "missing": True}]
    rev = q["pages"][0]["revisions"][0]
    assert rev["slots"]["main"]["content"] == "Text of Alpha, edited."


def test_revisions_section(api, db):
    save("Sections", "Intro\n== One ==\nfirst\n== Two ==\nsecond")
    res = api(
        "GET",
        action="query",
        prop="revisions",
        titles="Sections",
        rvprop="content",
        rvslots="main",
        rvsection="2",
    )
    rev = next(iter(res["query"]["pages"].values()))["revisions"][0]
    assert rev["slots"]["main"]["*"] == "== Two ==\nsecond"


def test_allpages_list_generator_and_continuation(api, wiki):
    res = api("GET", action="query", list="allpages", aplimit="2", **{"continue": ""})
    titles = [p["title"] for p in res["query"]["allpages"]]
    assert titles == ["Alpha", "Beta"]
    assert res["continue"] == {"apcontinue": "Delta", "continue": "-||"}
    res = api(
        "GET",
        action="query",
        list="allpages",
        aplimit="2",
        apcontinue="Delta",
        **{"continue": "-||"},
    )
    assert [p["title"] for p in res["query"]["allpages"]] == ["Delta", "Gamma"]
    res = api(
        "GET",
        action="query",
        generator="allpages",
        gapprefix="Redirect",
        prop="info",
        gaplimit="max",
    )
    pages = res["query"]["pages"]
    assert [p["title"] for p in pages.values()] == ["Redirect to beta"]
    assert res["limits"] == {"allpages": 500}
    res = api("GET", action="query", generator="allpages", gaplimit="1", prop="info")
    assert res["continue"] == {"gapcontinue": "Beta", "continue": "gapcontinue||"}
    assert res["batchcomplete"] == ""


def test_rawcontinue_is_legacy_query_continue(api, wiki):
    res = api("GET", action="query", list="allpages", aplimit="2", rawcontinue="1")
    assert res["query-continue"] == {"allpages": {"apcontinue": "Delta"}}
    assert "batchcomplete" not in res


def test_recentchanges_and_logevents(api, wiki):
    res = api(
        "GET",
        action="query",
        list="recentchanges",
        rcprop="title|ids|comment|user|timestamp|flags|sizes|loginfo",
        rclimit="100",
    )
    rcs = [r for r in res["query"]["recentchanges"] if r["title"] == "Alpha"]
    assert [r["type"] for r in rcs] == ["edit", "new"]
    assert rcs[0]["old_revid"] == rcs[1]["revid"] and rcs[1]["old_revid"] == 0
    assert rcs[0]["user"] == "Editor" and "new" in rcs[1]
    assert rcs[0]["oldlen"] == len("Text of Alpha.")
    res = api("GET", action="query", list="recentchanges", rclimit="1", rcprop="ids")
    assert res["continue"]["rccontinue"].count("|") == 1
    logs = api("GET", action="query", list="logevents", letype="create", lelimit="50")
    titles = {e["title"] for e in logs["query"]["logevents"]}
    assert {"Alpha", "Beta"} <= titles


def test_usercontribs_and_allusers(api, admin, wiki):
    res = api("GET", action="query", list="usercontribs", ucuser="Editor")
    contribs = res["query"]["usercontribs"]
    assert [c["title"] for c in contribs] == ["Alpha"] and "top" in contribs[0]
    res = api("GET", action="query", list="allusers", auprop="groups")
    assert res["query"]["allusers"][0]["name"] == "Admin"


def test_search_title_and_text(api, wiki):
    save("Zebra facts", "Zebras have stripes and a smokeword inside.")
    res = api("GET", action="query", list="search", srsearch="zebra")
    assert [r["title"] for r in res["query"]["search"]] == ["Zebra facts"]
    res = api(
        "GET",
        action="query",
        list="search",
        srsearch="smokeword",
        srwhat="text",
        srinfo="totalhits",
    )
    hits = res["query"]["search"]
    assert hits[0]["title"] == "Zebra facts" and "searchmatch" in hits[0]["snippet"]
    assert res["query"]["searchinfo"]["totalhits"] == 1
    assert hits[0]["timestamp"].endswith("Z")


def test_link_tables_links_templates_categories_backlinks(api, wiki):
    alpha, beta = wiki["Alpha"], wiki["Beta"]
    PageLink.objects.create(source=alpha, namespace=0, title="Beta")
    PageLink.objects.create(source=alpha, namespace=0, title="Nowhere")
    PageLink.objects.create(source=wiki["Gamma"], namespace=0, title="Beta")
    TemplateLink.objects.create(source=alpha, namespace=10, title="Box")
    from django.utils import timezone

    CategoryLink.objects.create(
        source=alpha, category="Things", sortkey="ALPHA", timestamp=timezone.now()
    )
    CategoryLink.objects.create(
        source=beta, category="Things", sortkey="BETA", timestamp=timezone.now()
    )
    res = api("GET", action="query", prop="links|templates|categories", titles="Alpha")
    page = res["query"]["pages"][str(alpha.pk)]
    assert [x["title"] for x in page["links"]] == ["Beta", "Nowhere"]
    assert page["templates"] == [{"ns": 10, "title": "Template:Box"}]
    assert page["categories"] == [{"ns": 14, "title": "Category:Things"}]
    res = api("GET", action="query", list="backlinks", bltitle="Beta", blfilterredir="nonredirects")
    assert {x["title"] for x in res["query"]["backlinks"]} == {"Alpha", "Gamma"}
    res = api("GET", action="query", list="categorymembers", cmtitle="Category:Things", cmlimit="1")
    assert [x["title"] for x in res["query"]["categorymembers"]] == ["Alpha"]
    res = api(
        "GET",
        action="query",
        list="categorymembers",
        cmtitle="Category:Things",
        cmlimit="1",
        **res["continue"],
    )
    assert [x["title"] for x in res["query"]["categorymembers"]] == ["Beta"]
    res = api("GET", action="query", generator="links", titles="Alpha", prop="info")
    titles = sorted(p["title"] for p in res["query"]["pages"].values())
    assert titles == ["Beta", "Nowhere"]
    res = api("GET", action="query", prop="categoryinfo", titles="Category:Things")
    assert next(iter(res["query"]["pages"].values()))["categoryinfo"]["pages"] == 2
    res = api(
        "GET",
        action="query",
        generator="templates",
        titles="Gamma",
        prop="info|imageinfo|categoryinfo",
        iilimit="max",
        gtllimit="500",
        indexpageids="1",
    )
    assert "pages" not in res.get("query", {}) and res["limits"] == {"imageinfo": 500}
    assert "warnings" not in res


def test_siteinfo_fv2_has_what_pywikibot_reads(api, shared, db):
    res = api(
        "GET",
        action="query",
        meta="siteinfo",
        siprop="general|namespaces|namespacealiases|extensions|statistics",
        formatversion="2",
    )
    q = res["query"]
    general = q["general"]
    mw = json.loads((shared / "api" / "fixtures" / "siteinfo.fv2.json").read_text())["query"]
    for key in (
        "generator",
        "thumblimits",
        "imagelimits",
        "magiclinks",
        "case",
        "lang",
        "wikiid",
        "server",
        "scriptpath",
        "articlepath",
        "sitename",
        "mainpage",
        "timezone",
        "timeoffset",
        "legaltitlechars",
        "invalidusernamechars",
        "maxarticlesize",
    ):
        assert key in general, key
        assert type(general[key]) is type(mw["general"][key]), key
    assert general["generator"].startswith("MediaWiki 1.39.")
    assert general["thumblimits"]["0"] == 120 and general["imagelimits"]["0"]["width"] == 320
    assert q["namespaces"]["0"] == {
        "id": 0,
        "case": "first-letter",
        "name": "",
        "subpages": False,
        "content": True,
        "nonincludable": False,
    }
    assert q["namespacealiases"][0] == {"id": 6, "alias": "Image"}
    assert isinstance(q["extensions"], list)
    assert set(mw["namespaces"]["6"]) <= set(q["namespaces"]["6"])


def test_siteinfo_fv1_shapes(api, shared, db):
    res = api("GET", action="query", meta="siteinfo", siprop="general|namespaces")
    mw = json.loads((shared / "api" / "fixtures" / "siteinfo.fv1.json").read_text())["query"]
    assert res["query"]["namespaces"]["1"] == mw["namespaces"]["1"]
    assert res["query"]["namespaces"]["0"] == mw["namespaces"]["0"]
    assert isinstance(res["query"]["general"]["thumblimits"], list)


def test_compare_and_opensearch(api, wiki):
    alpha = Page.objects.get(title="Alpha")
    old = alpha.revisions.order_by("id").first()
    res = api("GET", action="compare", fromrev=old.pk, torev=alpha.latest_id)
    cmp = res["compare"]
    assert cmp["fromrevid"] == old.pk and cmp["torevid"] == alpha.latest_id
    assert cmp["fromtitle"] == "Alpha" and cmp["fromid"] == alpha.pk
    assert "<tr>" in cmp["*"] and "edited" in cmp["*"]
    res = api("GET", action="compare", fromrev=old.pk, torelative="next", formatversion="2")
    assert "edited" in res["compare"]["body"]
    resp = api.raw("GET", action="opensearch", search="al")
    assert json.loads(resp.content)[:2] == ["al", ["Alpha"]]


def test_embeddedin_imageusage_images_extlinks_langlinks_users(api, admin, wiki):
    from vellum.wiki.models import ExternalLink, ImageLink, LangLink

    alpha = wiki["Alpha"]
    TemplateLink.objects.create(source=alpha, namespace=10, title="Box")
    ImageLink.objects.create(source=alpha, name="Pic.png")
    ExternalLink.objects.create(source=alpha, url="https://example.org/x")
    LangLink.objects.create(source=alpha, lang="fr", title="Alpha (fr)")
    res = api("GET", action="query", list="embeddedin", eititle="Template:Box")
    assert [p["title"] for p in res["query"]["embeddedin"]] == ["Alpha"]
    res = api("GET", action="query", list="imageusage", iutitle="File:Pic.png")
    assert [p["title"] for p in res["query"]["imageusage"]] == ["Alpha"]
    res = api("GET", action="query", prop="images|extlinks|langlinks", titles="Alpha")
    page = res["query"]["pages"][str(alpha.pk)]
    assert page["images"] == [{"ns": 6, "title": "File:Pic.png"}]
    assert page["extlinks"] == [{"*": "https://example.org/x"}]
    assert page["langlinks"] == [{"lang": "fr", "*": "Alpha (fr)"}]
    res = api(
        "GET", action="query", list="users", ususers="Admin|Nobody here", usprop="groups|editcount"
    )
    found, missing = res["query"]["users"]
    assert found["name"] == "Admin" and "sysop" in found["groups"]
    assert missing == {"name": "Nobody here", "missing": ""}


def test_known_special_pages_are_not_missing(api, db):
    res = api("GET", action="query", titles="Special:RecentChanges|Special:NoSuchThing")
    pages = {p["title"]: p for p in res["query"]["pages"].values()}
    assert "missing" not in pages["Special:RecentChanges"]
    assert "missing" in pages["Special:NoSuchThing"]


def test_more_generators(api, wiki):
    PageLink.objects.create(source=wiki["Gamma"], namespace=0, title="Beta")
    res = api(
        "GET",
        action="query",
        generator="backlinks",
        gbltitle="Beta",
        prop="info",
        gblfilterredir="nonredirects",
    )
    assert [p["title"] for p in res["query"]["pages"].values()] == ["Gamma"]
    res = api("GET", action="query", generator="recentchanges", grclimit="2")
    assert len(res["query"]["pages"]) >= 1 and "continue" in res
    res = api(
        "GET", action="query", generator="search", gsrsearch="Gamma", prop="revisions", rvprop="ids"
    )
    page = next(iter(res["query"]["pages"].values()))
    assert page["title"] == "Gamma" and page["revisions"][0]["revid"] > 0


def test_deprecated_revision_options(api, wiki):
    pytest.importorskip("vellum.wikitext.parser")
    res = api(
        "GET",
        action="query",
        prop="revisions",
        titles="Alpha",
        rvprop="ids|content",
        rvdiffto="prev",
        rvparse="1",
    )
    rev = res["query"]["pages"][str(wiki["Alpha"].pk)]["revisions"][0]
    assert rev["diff"]["to"] == rev["revid"] and "edited" in rev["diff"]["*"]
    assert "<p>" in rev["*"] and rev["contentformat"] == "text/html"
    assert 'The parameter "rvdiffto" has been deprecated.' in res["warnings"]["revisions"]["*"]
    assert "mediawiki-api-announce" in res["warnings"]["main"]["*"]


def test_latest_revision_texts_are_paged(api, db):
    for i in range(52):
        save(f"Bulk {i:02d}", f"bulk text {i}")
    params = {
        "action": "query",
        "generator": "allpages",
        "gapprefix": "Bulk",
        "gaplimit": "max",
        "prop": "revisions",
        "rvprop": "content",
        "continue": "",
    }
    res = api("GET", **params)
    first = [p for p in res["query"]["pages"].values() if "revisions" in p]
    assert len(first) == 50 and "batchcomplete" not in res
    assert res["continue"]["continue"] == "||" and "rvcontinue" in res["continue"]
    params.update(res["continue"])
    res = api("GET", **params)
    second = [p for p in res["query"]["pages"].values() if "revisions" in p]
    assert len(second) == 2 and res["batchcomplete"] == ""


def test_export(api, wiki):
    res = api("GET", action="query", titles="Alpha|Beta", export="1")
    xml = res["query"]["export"]["*"]
    assert xml.startswith("<mediawiki") and "<title>Alpha</title>" in xml
    assert "Text of Alpha, edited." in xml and "<title>Beta</title>" in xml
    resp = api.raw("GET", action="query", titles="Alpha", export="1", exportnowrap="1")
    assert resp["Content-Type"].startswith("text/xml")
    assert b"<title>Alpha</title>" in resp.content


def test_siteinfo_every_prop_answers(api, db):
    from vellum.api.query.siteinfo import PROPS

    res = api("GET", action="query", meta="siteinfo", siprop="|".join(PROPS))
    assert set(res["query"]) == set(PROPS)
    assert "warnings" not in res
    assert "<ref>" in res["query"]["extensiontags"]
    assert "if" in res["query"]["functionhooks"]
