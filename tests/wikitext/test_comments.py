"""Edit summaries: autocomments and links (Linker::formatComment)."""

from __future__ import annotations

from vellum.wikitext import MemorySite
from vellum.wikitext.comments import format_comment
from vellum.wikitext.testwiki import test_config as parser_test_config


def test_autocomment_links_to_the_section() -> None:
    site = MemorySite(parser_test_config())
    html = format_comment("/* Early life */ typo", "Some page", site)
    assert html == (
        '<span dir="auto"><span class="autocomment"><a href="/wiki/Some_page#Early_life" '
        'title="Some page">→\u200eEarly life</a>: </span> typo</span>'
    )
    local = format_comment("/* Early life */", "Some page", site, local=True)
    assert '<a href="#Early_life">' in local


def test_links_escaping_and_no_other_markup() -> None:
    site = MemorySite(parser_test_config())
    site.add_page("Existing", "x")
    html = format_comment("<b>x</b> [[Existing|it]]s and [[Missing]] ''no''", "P", site)
    assert html.startswith("&lt;b&gt;x&lt;/b&gt; ")
    assert '<a href="/wiki/Existing" title="Existing">its</a>' in html
    assert 'class="new"' in html
    assert "&#039;&#039;no&#039;&#039;" in html
