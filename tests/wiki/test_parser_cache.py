"""The parser cache: a page view does not re-render; a template change re-renders its users."""

from __future__ import annotations

from vellum.wiki.models import ParserCacheEntry, TemplateLink


def test_view_uses_parser_cache(client, save, fake_engine):
    r = save("Cached", "Hello")
    assert ParserCacheEntry.objects.filter(revision_id=r.revision.pk).count() == 1
    fake_engine.clear()
    from django.core.cache import cache

    cache.clear()  # a fresh worker process: only the database cache is left
    for _ in range(3):
        assert "Hello" in client.get("/wiki/Cached").content.decode()
    assert fake_engine == []


def test_template_change_rerenders_users(client, save, fake_engine):
    save("Template:Greeting", "Hi there")
    save("Uses", "Before {{Greeting}} after")
    assert TemplateLink.objects.filter(namespace=10, title="Greeting").count() == 1
    assert "Hi there" in client.get("/wiki/Uses").content.decode()
    save("Template:Greeting", "Good morning")
    html = client.get("/wiki/Uses").content.decode()
    assert "Good morning" in html and "Hi there" not in html


def test_whatlinkshere_lists_transclusions_and_links(client, save, fake_engine):
    save("Template:Box", "box")
    save("A", "{{Box}} and [[B]]")
    save("C", "See [[B]]")
    html = client.get("/wiki/Special:WhatLinksHere/Template:Box").content.decode()
    assert "Pages that transclude this" in html and "/wiki/A" in html
    html = client.get("/wiki/Special:WhatLinksHere/B").content.decode()
    assert "/wiki/A" in html and "/wiki/C" in html


def test_category_page_lists_members(client, save, fake_engine):
    save("Category:Romans", "People of Rome.")
    save("Caesar", "Julius. [[Category:Romans]]")
    save("Category:Roman consuls", "[[Category:Romans]]")
    html = client.get("/wiki/Category:Romans").content.decode()
    assert 'Pages in category "Romans"' in html and "/wiki/Caesar" in html
    assert "Subcategories" in html and "Roman consuls" in html
    assert "The following 1 page is in this category." in html


def test_category_bar(client, save, fake_engine):
    save("Brutus", "Marcus. [[Category:Roman senators]]")
    html = client.get("/wiki/Brutus").content.decode()
    assert 'href="/wiki/Category:Roman_senators">Roman senators</a>' in html


def test_time_dependent_page_expires(client, save, monkeypatch):
    import re
    import time

    import pytest

    from vellum.wiki.models import Page
    from vellum.wiki.services.rendering import TIME_DEPENDENT_EXPIRY

    save("Clock", "Now: {{CURRENTTIMESTAMP}}, year {{#time:Y}}")
    save("Still", "No clock here, only {{#time:Y|2020-05-01}}")
    base = time.time()
    clock = [base]
    monkeypatch.setattr(time, "time", lambda: clock[0])

    def stamp() -> str:
        return re.search(r"Now: (\d{14})", client.get("/wiki/Clock").content.decode()).group(1)

    first = stamp()
    page = Page.objects.get(title="Clock")
    entry = ParserCacheEntry.objects.get(page=page)
    assert entry.data["expires"] == pytest.approx(base + TIME_DEPENDENT_EXPIRY, abs=30)
    assert ParserCacheEntry.objects.get(page__title="Still").data["expires"] is None
    clock[0] = base + 600
    assert stamp() == first  # still cached (whole-page cache and parser cache)
    clock[0] = base + TIME_DEPENDENT_EXPIRY + 60
    later = stamp()
    assert later > first  # re-rendered with the new time
    entry = ParserCacheEntry.objects.get(page=page)
    assert entry.data["expires"] == pytest.approx(clock[0] + TIME_DEPENDENT_EXPIRY, abs=30)


def test_engine_flags_current_time():
    from vellum.wikitext import render
    from vellum.wikitext.magicwords import USES_CURRENT_TIME
    from vellum.wikitext.site import MemorySite

    site = MemorySite()
    title = site.config.parse_title("X")
    for text in ("{{CURRENTTIME}}", "{{CURRENTDAY}}", "{{LOCALYEAR}}", "{{#time:H:i}}"):
        assert USES_CURRENT_TIME in render(text, title, site).flags, text
    for text in ("{{#time:Y|2020-01-01}}", "{{CURRENTVERSION}}", "plain"):
        assert USES_CURRENT_TIME not in render(text, title, site).flags, text
