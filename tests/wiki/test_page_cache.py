"""The whole-page cache for anonymous readers: hits, and invalidation on every change."""

from __future__ import annotations


def test_anonymous_view_is_cached_and_invalidated(client, save, fake_engine):
    save("Cached", "version one")
    first = client.get("/wiki/Cached")
    assert "X-Vellum-Cache" not in first
    second = client.get("/wiki/Cached")
    assert second["X-Vellum-Cache"] == "hit" and second.content == first.content
    save("Cached", "version two")
    third = client.get("/wiki/Cached")
    assert "X-Vellum-Cache" not in third and "version two" in third.content.decode()


def test_template_and_talk_changes_invalidate(client, save, fake_engine):
    save("Template:T", "old template")
    save("User of T", "{{T}}")
    client.get("/wiki/User_of_T")
    save("Template:T", "new template")
    assert "new template" in client.get("/wiki/User_of_T").content.decode()
    html = client.get("/wiki/User_of_T").content.decode()
    assert 'id="ca-talk" class=" new"' in html
    save("Talk:User of T", "discussion")
    html = client.get("/wiki/User_of_T").content.decode()
    assert 'id="ca-talk" class=""' in html


def test_logged_in_and_redirects_not_cached(client, save, alice, fake_engine):
    save("Target", "target text")
    save("Alias", "#REDIRECT [[Target]]")
    client.get("/wiki/Alias")
    assert "X-Vellum-Cache" not in client.get("/wiki/Alias")
    client.force_login(alice)
    client.get("/wiki/Target")
    r = client.get("/wiki/Target")
    assert "X-Vellum-Cache" not in r and "Alice" in r.content.decode()


def test_cache_served_before_django_only_for_canonical_urls(client, save, fake_engine):
    save("Ancient Rome", "text")
    client.get("/wiki/Ancient_Rome")
    hit = client.get("/wiki/Ancient_Rome")
    assert hit["X-Vellum-Cache"] == "hit"
    assert hit["Cache-Control"] == "private, must-revalidate, max-age=0"
    assert hit["X-Frame-Options"] == "DENY"
    r = client.get("/wiki/ancient_Rome")
    assert r.status_code == 301 and r["Location"] == "/wiki/Ancient_Rome"
    assert "X-Vellum-Cache" not in client.get("/wiki/Ancient_Rome?action=view")
