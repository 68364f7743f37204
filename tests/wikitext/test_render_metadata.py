"""What render() records besides the HTML: links, categories, sections, redirects, ..."""

from __future__ import annotations

import pytest

from vellum.wikitext import MemorySite, render
from vellum.wikitext.testwiki import test_config as parser_test_config


@pytest.fixture()
def site() -> MemorySite:
    s = MemorySite(parser_test_config())
    s.add_page("Existing", "text")
    s.add_page("Redirecting", "#REDIRECT [[Existing]]")
    s.add_page("Template:Greet", "Hello {{{1}}}")
    return s


def test_links_and_their_colours(site: MemorySite) -> None:
    r = render("[[Existing]] [[Missing|x]] [[Redirecting]] [[Existing]]", "Page", site)
    assert r.links == ["Existing", "Missing", "Redirecting"]
    assert '<a href="/wiki/Existing" title="Existing">Existing</a>' in r.html
    assert 'class="new"' in r.html and "action=edit&amp;redlink=1" in r.html
    assert 'class="mw-redirect"' in r.html


def test_categories_with_sort_keys_are_not_shown(site: MemorySite) -> None:
    r = render("a [[Category:Foo bar|Key]] [[Category:Baz]] [[:Category:Shown]]", "Page", site)
    assert r.categories == [("Foo_bar", "Key"), ("Baz", "")]
    assert "Foo bar" not in r.html
    assert 'href="/index.php?title=Category:Shown' in r.html


def test_language_links_leave_the_text(site: MemorySite) -> None:
    r = render("text [[fr:Bonjour]] [[:es:Hola]]", "Page", site)
    assert r.language_links == ["fr:Bonjour"]
    assert "Bonjour" not in r.html
    assert 'class="extiw"' in r.html and "Hola" in r.html


def test_sections_have_anchors_numbers_and_byte_offsets(site: MemorySite) -> None:
    text = "intro\n== One ==\nx\n=== Two é ===\ny\n== One ==\n"
    r = render(text, "Page", site)
    assert [(s.level, s.number, s.anchor) for s in r.sections] == [
        (2, "1", "One"),
        (3, "1.1", "Two_.C3.A9"),
        (2, "2", "One_2"),
    ]
    assert [s.byte_offset for s in r.sections] == [
        text.index("== One"),
        text.index("=== Two"),
        text.rindex("== One"),
    ]
    assert [s.index for s in r.sections] == ["1", "2", "3"]
    assert 'id="toc"' not in r.html  # fewer than four headings
    assert "action=edit&amp;section=3" in r.html


def test_toc_with_four_headings_and_notoc(site: MemorySite) -> None:
    text = "".join(f"== H{i} ==\n" for i in range(4))
    assert 'id="toc"' in render(text, "Page", site).html
    r = render("__NOTOC__\n" + text, "Page", site)
    assert 'id="toc"' not in r.html
    assert "NOTOC" in r.behaviour_switches


def test_external_links_and_templates(site: MemorySite) -> None:
    r = render("{{Greet|you}} [http://example.org/a b] http://example.com/", "Page", site)
    assert r.external_links == ["http://example.org/a", "http://example.com/"]
    assert "Template:Greet" in r.templates
    assert "Hello you" in r.html


def test_redirect_target(site: MemorySite) -> None:
    r = render("#REDIRECT [[Existing#Part|label]]", "Page", site)
    assert r.redirect_target == "Existing#Part"
    assert render("no redirect", "Page", site).redirect_target is None


def test_self_link_and_wrap_option(site: MemorySite) -> None:
    from vellum.wikitext.options import RenderOptions

    r = render("[[Page]]", "Page", site, RenderOptions(wrap=True))
    assert r.html.startswith('<div class="mw-parser-output">')
    assert '<a class="mw-selflink selflink">Page</a>' in r.html


def test_redirect_header_option(site: MemorySite) -> None:
    from vellum.wikitext.options import RenderOptions

    r = render("#REDIRECT [[Redirecting]]\nmore", "Page", site, RenderOptions(redirect_header=True))
    assert r.html.startswith('<div class="redirectMsg"><p>Redirect to:</p>')
    assert 'href="/index.php?title=Redirecting&amp;redirect=no"' in r.html
    assert "<p>more\n</p>" in r.html
    plain = render("#REDIRECT [[Existing]]", "Page", site).html
    assert plain.startswith("<ol><li>REDIRECT")


def test_poem_keeps_lines_and_indents(site: MemorySite) -> None:
    html = render("<poem>\nIn Xanadu\n  did\n:indent\n</poem>", "Page", site).html
    assert html.startswith('<div class="poem">\n<p>In Xanadu<br')
    assert "&#160;&#160;did" in html
    assert 'class="mw-poem-indented"' in html and "margin-inline-start: 1em" in html
